import type { MySummary as MySummarySchema } from '../../../../../contracts/space';
import type { Wire } from '../../../../../contracts/wire';
import { getJson } from '../../../app/http';

export type MySummary = Wire<MySummarySchema>;

export const getMySummary = (signal?: AbortSignal) => getJson<MySummary>('/api/me/summary', undefined, signal);
