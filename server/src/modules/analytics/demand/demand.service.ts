/**
 * 需求分析: top searches, zero-result and no-click queries, searches that led to an application,
 * items viewed but seldom applied for online, and applications to another county. The public
 * sees a query only when `minPeople` distinct people asked it (one person repeating a query a
 * hundred times cannot put it on the list) and no count of a row of fewer than `minCell` people;
 * staff who read analytics see their region's subtree in full.
 */
import type { DemandAnswer, DemandQuery, DemandQueryRow } from '../../../../../contracts/analytics-demand.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { findRegion, getPublishedItem } from '../../catalog/index.js';
import type { AnalyticsDeps } from '../analytics.deps.js';
import { readsAsStaff, sliceFor } from '../indicators/indicators.service.js';
import type { QuerySums } from '../store/analytics-store.js';

const LIMIT = 20;

export async function demand(deps: AnalyticsDeps, actor: Actor, q: DemandQuery): Promise<DemandAnswer> {
  const slice = sliceFor(actor, q);
  const region = slice.regionPrefix ? await findRegion(deps.db, slice.regionPrefix) : undefined;
  if (slice.regionPrefix && !region)
    throw notFound('ANALYTICS.NO_REGION', { zh: '没有这个地区', en: 'No such region' });
  const isPublic = !readsAsStaff(actor);
  const sums = await deps.store.demand(
    { regionPrefix: slice.regionPrefix, from: slice.from, to: slice.to },
    { minPeople: isPublic ? deps.minPeople : 1, limit: LIMIT },
  );
  const hidden = (people: number) => isPublic && people < deps.minCell;
  const shown = <T>(people: number, v: T) => (hidden(people) ? null : v);
  const row = (r: QuerySums): DemandQueryRow => ({
    query: r.query,
    searches: shown(r.people, r.searches),
    people: shown(r.people, r.people),
    count: shown(r.people, r.count),
    suppressed: hidden(r.people),
  });
  const regionOf = async (code: string) => {
    const r = await findRegion(deps.db, code);
    return { code, name: r?.name ?? code, nameEn: r?.nameEn ?? code };
  };
  const itemName = async (code: string, known: string | null) =>
    known ??
    (await getPublishedItem(deps.db, code).then(
      (i) => i.name,
      () => code,
    ));
  const t = sums.totals;
  return {
    region: region ? { code: region.code, name: region.name, nameEn: region.nameEn } : null,
    view: isPublic ? 'public' : 'staff',
    minCell: deps.minCell,
    minPeople: deps.minPeople,
    watermark: await deps.store.watermark(),
    totals: {
      suppressed: hidden(t.people),
      searches: shown(t.people, t.searches),
      people: shown(t.people, t.people),
      zeroResult: shown(t.people, t.zeroResult),
      clicked: shown(t.people, t.clicked),
      ledToApplication: shown(t.people, t.ledToApplication),
    },
    top: sums.top.map(row),
    zeroResult: sums.zeroResult.map(row),
    noClick: sums.noClick.map(row),
    ledToApplication: sums.ledToApplication.map(row),
    viewedNotApplied: await Promise.all(
      sums.viewedNotApplied.map(async (v) => ({
        itemCode: v.itemCode,
        itemName: await itemName(v.itemCode, v.itemName),
        suppressed: hidden(v.people),
        views: shown(v.people, v.views),
        people: shown(v.people, v.people),
        online: shown(v.people, v.online),
        onlineRate: shown(v.people, Math.round((v.online / v.views) * 10_000) / 10_000),
      })),
    ),
    travel: await Promise.all(
      sums.travel.map(async (r) => ({
        from: await regionOf(r.fromRegion),
        to: await regionOf(r.toRegion),
        suppressed: hidden(r.people),
        cases: shown(r.people, r.cases),
        people: shown(r.people, r.people),
      })),
    ),
  };
}
