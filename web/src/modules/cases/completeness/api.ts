/**
 * Calls for 材料齐全 (server: cases/handling/materials.service, bag.service, supplement, promises.service):
 * uploads on a case, the bag's completeness facts, a head's approval of another notice, and the
 * overdue 容缺 promises of the department.
 */
import { getJson, sendFile, sendJson } from '../../../app/http';
import type { z } from 'zod';
import type { MaterialRecorded, OpenPromises } from '../../../../../contracts/case-materials';
import type { MaterialsBag } from '../api';

/** The bag with its completeness facts (due dates, what is new since the notice, the notice itself). */
export type CompletenessBag = MaterialsBag;

/** 容缺待补: an open promise of an accepted case in scope. */
export type OpenPromise = z.infer<typeof OpenPromises>['items'][number];

const caseUrl = (id: string) => `/api/cases/${encodeURIComponent(id)}`;
export const uploadCaseMaterial = (caseId: string, index: number, file: File) =>
  sendFile<z.infer<typeof MaterialRecorded>>('PUT', `${caseUrl(caseId)}/materials/${index}`, file);
export const approveAnotherNotice = (caseId: string, reason: string) =>
  sendJson<void>('POST', `${caseUrl(caseId)}/another-notice`, { reason });
export async function overduePromises(signal?: AbortSignal): Promise<OpenPromise[]> {
  return (await getJson<{ items: OpenPromise[] }>('/api/promises', { overdue: 'true', limit: 200 }, signal)).items;
}
