/**
 * 触达统计: how far a policy reached within the caller's region — eligible at its last full run,
 * told (grants made and offers sent), applied (offers whose beneficiary filed the item's application),
 * granted (automatic grants and applications approved), refused (applications refused), declined,
 * under review —
 * per county. Staff see small counts; nobody sees who.
 */
import type { PolicyReach, ReachCounts } from '../../../../../contracts/policy-admin.js';
import type { Actor } from '../../../platform/context.js';
import { forbidden } from '../../../platform/errors.js';
import { findRegion } from '../../catalog/index.js';
import type { ProactiveDeps } from '../proactive.deps.js';
import { RegionNames } from '../population.js';
import { assertOfficer, policyOrThrow } from './versions.service.js';
import { lastJudgedOn, reachByCounty, sumCounts } from './reach.repository.js';

/** The region asked for, which must lie within the caller's own (default: the caller's). */
export function regionOf(actor: Actor, asked?: string): string {
  const own = actor.regionScope;
  if (!own || (asked !== undefined && !asked.startsWith(own)))
    throw forbidden('PROACTIVE.OUT_OF_SCOPE', {
      zh: '该地区不在您的管理范围内',
      en: 'This region is outside your administrative scope',
    });
  return asked ?? own;
}

/** A run happened: counties without an eligible row had none eligible. */
const known = (c: ReachCounts, judged: boolean): ReachCounts =>
  judged && c.eligible === null ? { ...c, eligible: 0 } : c;

export async function policyReach(
  deps: ProactiveDeps,
  actor: Actor,
  code: string,
  asked?: string,
): Promise<PolicyReach> {
  assertOfficer(actor);
  const policy = await policyOrThrow(deps.db, code);
  const region = regionOf(actor, asked);
  const [byCounty, judgedOn, place] = await Promise.all([
    reachByCounty(deps.db, region, code),
    lastJudgedOn(deps.db, code),
    findRegion(deps.db, region),
  ]);
  const counties = [...(byCounty.get(code) ?? new Map<string, ReachCounts>())].sort(([a], [b]) => a.localeCompare(b));
  const names = new RegionNames(deps.db);
  await names.load(counties.map(([c]) => c));
  return {
    policy: policy.name,
    region: { zh: place?.name ?? '贵州省', en: place?.nameEn ?? 'Guizhou' },
    judgedOn,
    total: known(sumCounts(counties.map(([, c]) => c)), judgedOn !== null),
    byCounty: counties.map(([c, counts]) => ({ region: names.of(c), ...known(counts, judgedOn !== null) })),
  };
}

/** Each policy's totals within the caller's region (the console's list). */
export async function reachOfAll(deps: ProactiveDeps, actor: Actor): Promise<Map<string, ReachCounts>> {
  const byPolicy = await reachByCounty(deps.db, regionOf(actor));
  return new Map([...byPolicy].map(([code, counties]) => [code, sumCounts(counties.values())]));
}
