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
    catalogueServing(deps.db, code),
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
