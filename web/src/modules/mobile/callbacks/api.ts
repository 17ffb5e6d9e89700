import type { CallbackLine as CallbackLineSchema } from '../../../../../contracts/hotline';
import type { Wire } from '../../../../../contracts/wire';
import { getJson, sendJson } from '../../../app/http';

export type CallbackLine = Wire<CallbackLineSchema>;

export const callbackQueue = async (status: 'open' | 'done', signal?: AbortSignal) =>
  (await getJson<{ callbacks: CallbackLine[] }>('/api/hotline/callbacks', { status }, signal)).callbacks;
export const revealPhone = (id: string) => getJson<{ phone: string }>(`/api/hotline/callbacks/${id}/phone`);
export const markDone = (id: string) => sendJson<void>('POST', `/api/hotline/callbacks/${id}/done`);
