/** Calls of 需求分析 and 能力指数; shapes from contracts/analytics-demand.ts. */
import type { CapabilityAnswer, DemandAnswer } from '../../../../contracts/analytics-demand';
import type { Synonym } from '../../../../contracts/catalog-admin';
import type { z } from 'zod';
import { getJson, sendJson } from '../../app/http';

export const demand = (q: { from?: string; to?: string }, signal?: AbortSignal) =>
  getJson<DemandAnswer>('/api/analytics/demand', q, signal);
export const capability = (region: string | undefined, signal?: AbortSignal) =>
  getJson<CapabilityAnswer>('/api/analytics/capability', { region }, signal);
/** A zero-result query answered by standard terms (provincial catalogue administrators; audited). */
export const setSynonym = (term: string, expansions: string[]) =>
  sendJson<z.infer<typeof Synonym>>('PUT', `/api/admin/catalog/synonyms/${encodeURIComponent(term)}`, { expansions });
