/** Departments' calls to 证照通: issue, find a licence issued, change its status (shapes: contracts/licenses.ts). */
import { getJson, sendJson } from '../../../app/http';
import type {
  IssuedLicense,
  IssueRequest,
  LicenseIssued,
  StatusChanged,
  StatusStep,
} from '../../../../../contracts/licenses';

export type { IssuedLicense, StatusStep } from '../../../../../contracts/licenses';

export const issueLicense = (input: IssueRequest) => sendJson<LicenseIssued>('POST', '/api/licenses', input);
export const findIssued = (number: string, signal?: AbortSignal) =>
  getJson<IssuedLicense>('/api/licenses/issued', { number }, signal);
export const changeLicenseStatus = (id: string, step: StatusStep, reason: string) =>
  sendJson<StatusChanged>('POST', `/api/licenses/${id}/${step}`, { reason });
