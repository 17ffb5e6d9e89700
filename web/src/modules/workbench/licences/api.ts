import { getJson, sendJson } from '../../../app/http';

export interface IssuedLicense {
  id: string;
  number: string;
  version: number;
  typeName: string;
  holderName: string;
  issuer: string;
  validUntil: string | null;
  status: string;
  statusReason: string | null;
}
export type StatusStep = 'revoke' | 'suspend' | 'reinstate';

export const issueLicense = (input: {
  typeCode: string;
  departmentId: string;
  holder: { kind: 'person' | 'enterprise'; id: string; name: string };
  data: Record<string, string>;
}) => sendJson<{ id: string; number: string }>('POST', '/api/licenses', input);
export const findIssued = (number: string, signal?: AbortSignal) =>
  getJson<IssuedLicense>('/api/licenses/issued', { number }, signal);
export const changeLicenseStatus = (id: string, step: StatusStep, reason: string) =>
  sendJson<{ status: string }>('POST', `/api/licenses/${id}/${step}`, { reason });
