/**
 * Calls for 材料齐全 (server: cases/handling/materials.service, bag.service, supplement, promises.service):
 * uploads on a case, the bag's completeness facts, a head's approval of another notice, and the
 * overdue 容缺 promises of the department.
 */
import { getJson, sendFile, sendJson } from '../../../app/http';
import type { CaseMaterial, MaterialsBag } from '../api';

export interface ProvidedFacts {
  dueOn?: string | null;
  overdue?: boolean;
  /** Brought or replaced since the latest 一次性告知. */
  isNew?: boolean;
}

export interface CompletenessBag extends MaterialsBag {
  materials: (CaseMaterial & {
    provided: (NonNullable<CaseMaterial['provided']> & ProvidedFacts) | null;
    history?: { id: string; kind: string; addedAt: string; supersededAt: string }[];
  })[];
  openPromises?: { index: number; name: string; dueOn: string | null }[];
  supplement?: {
    notices: number;
    requestedAt: string;
    items: string[];
    note: string;
    reply: { at: string; note: string } | null;
    anotherNotice: { reason: string; at: string } | null;
  } | null;
}

export interface OpenPromise {
  caseId: string;
  trackingCode: string;
  itemName: string;
  applicantName: string;
  materialIndex: number;
  name: string;
  dueOn: string;
  overdue: boolean;
  remainingWorkingDays: number;
}

const caseUrl = (id: string) => `/api/cases/${encodeURIComponent(id)}`;
export const uploadCaseMaterial = (caseId: string, index: number, file: File) =>
  sendFile<{ materialId: string }>('PUT', `${caseUrl(caseId)}/materials/${index}`, file);
export const approveAnotherNotice = (caseId: string, reason: string) =>
  sendJson<void>('POST', `${caseUrl(caseId)}/another-notice`, { reason });
export async function overduePromises(signal?: AbortSignal): Promise<OpenPromise[]> {
  return (await getJson<{ items: OpenPromise[] }>('/api/promises', { overdue: 'true', limit: 200 }, signal)).items;
}
