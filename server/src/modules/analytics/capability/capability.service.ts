/**
 * The capability index of a region: the catalogue's sub-scores (coverage, guides, online maturity)
 * for everyone; the cases' effectiveness withheld from the public when fewer than `minCell` people
 * are counted. Staff who read analytics see their scope (their departments' cases for a head).
 */
import type { CapabilityAnswer } from '../../../../../contracts/analytics-demand.js';
import type { Actor } from '../../../platform/context.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { catalogueServing, findRegion } from '../../catalog/index.js';
import type { AnalyticsDeps } from '../analytics.deps.js';
import { cellOf, readsAsStaff, sliceFor } from '../indicators/indicators.service.js';
import { capabilityIndex, capabilityScores, type CaseEffect } from './capability-rules.js';

const NOTHING: CaseEffect = { completed: null, onTimeRate: null, satisfaction: null, savedShare: null };

/**
 * What the catalogue serves a region, remembered for a while per app: reading it means loading every
 * published implementation of the region, above and below it (the whole catalogue for the
 * province: ~0.3 ms an item), and the catalogue changes only when an item is published. The cases'
 * figures are always read live. An answer may lag a publication by up to this long.
 */
export const SERVING_TTL_MS = 5 * 60_000;
type Serving = Awaited<ReturnType<typeof catalogueServing>>;
const servingCaches = new WeakMap<AnalyticsDeps, Map<string, { until: number; value: Promise<Serving> }>>();

/** Forgets what the catalogue serves, so that the next answers read it again. */
export function forgetCatalogueServing(deps: AnalyticsDeps): void {
  servingCaches.delete(deps);
}

function servingOf(deps: AnalyticsDeps, code: string, now = Date.now()): Promise<Serving> {
  let cache = servingCaches.get(deps);
  if (!cache) servingCaches.set(deps, (cache = new Map()));
  const hit = cache.get(code);
  if (hit && hit.until > now) return hit.value;
  const value = catalogueServing(deps.db, code);
  // A failure is not remembered; the next request reads again.
  value.catch(() => cache.delete(code));
  cache.set(code, { until: now + SERVING_TTL_MS, value });
  if (cache.size > 1_000) cache.delete(cache.keys().next().value!);
  return value;
}

export async function capability(deps: AnalyticsDeps, actor: Actor, q: { region?: string }): Promise<CapabilityAnswer> {
  const slice = sliceFor(actor, q);
  const code = slice.regionPrefix;
  if (!code)
    throw invalid('ANALYTICS.REGION_REQUIRED', { zh: '请选择地区', en: 'Choose a region' }, [
      {
        field: 'query.region',
        code: 'ANALYTICS.REGION_REQUIRED',
        message: { zh: '请选择地区', en: 'Choose a region' },
      },
    ]);
  const region = await findRegion(deps.db, code);
  if (!region) throw notFound('ANALYTICS.NO_REGION', { zh: '没有这个地区', en: 'No such region' });
  const isPublic = !readsAsStaff(actor);
  const [catalogue, [sums]] = await Promise.all([
    servingOf(deps, code),
    deps.store.cells({ regionPrefix: code, departmentIds: slice.departmentIds }, 'total'),
  ]);
  let effect = NOTHING;
  if (sums) {
    const cell = cellOf(sums, deps.minCell, isPublic);
    effect = {
      completed: cell.completed,
      onTimeRate: cell.onTimePromisedRate,
      satisfaction: cell.satisfaction,
      savedShare:
        cell.suppressed || sums.filed === 0 ? null : Math.round((sums.savedCases / sums.filed) * 10_000) / 10_000,
    };
  }
  const scores = capabilityScores(catalogue, effect);
  return {
    region: { code: region.code, name: region.name, nameEn: region.nameEn },
    view: isPublic ? 'public' : 'staff',
    ...capabilityIndex(scores),
    scores,
    watermark: await deps.store.watermark(),
  };
}
