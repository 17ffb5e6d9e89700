/**
 * The indicators: sums from the store, turned into rates and, for the public, withheld where a cell
 * counts fewer people than `minCell` (small-cell suppression). Staff who read analytics see their
 * own scope in full: supervisors and data administrators every department of their region,
 * department heads their own departments.
 */
import type { IndicatorAnswer, IndicatorCell, IndicatorQuery } from '../../../../../contracts/analytics.js';
import type { Actor } from '../../../platform/context.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { departmentNames, findRegion, itemNameEn, listRegionsByCode } from '../../catalog/index.js';
import type { AnalyticsDeps } from '../analytics.deps.js';
import type { CellSums, Slice } from '../store/analytics-store.js';
import { withheldCells } from './suppression.js';

export const READERS = ['supervisor', 'data_admin', 'department_head'];
const REGION_WIDE = ['supervisor', 'data_admin'];

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

/** Whether the caller reads analytics as staff (in scope, unsuppressed) or as the public. */
export const readsAsStaff = (actor: Actor) =>
  actor.kind === 'staff' && !!actor.regionScope && READERS.some((r) => actor.roles.includes(r));

/**
 * The slice a caller may see of what they asked: the public any region; staff their region's
 * subtree (their own region when none is asked) and, unless region-wide, their own departments.
 */
export function sliceFor(
  actor: Actor,
  q: { region?: string; department?: string; item?: string; from?: string; to?: string },
): Slice {
  const slice: Slice = {
    ...(q.region ? { regionPrefix: q.region } : {}),
    ...(q.department ? { departmentId: q.department } : {}),
    ...(q.item ? { itemCode: q.item } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  };
  if (!readsAsStaff(actor)) return slice;
  const scope = actor.regionScope!;
  const region = q.region ?? scope;
  if (!region.startsWith(scope))
    throw forbidden('ANALYTICS.OUT_OF_SCOPE', {
      zh: '该地区不在您的数据范围内',
      en: 'That region is not within your data scope',
    });
  slice.regionPrefix = region;
  if (!REGION_WIDE.some((r) => actor.roles.includes(r))) slice.departmentIds = actor.departmentIds ?? [];
  return slice;
}

/** What of a cell the public may not see: its case figures, its rating figures. */
interface Hidden {
  cases: boolean;
  ratings: boolean;
}

function cellWith(s: CellSums, hide: Hidden): IndicatorCell {
  const c = <T>(v: T) => (hide.cases ? null : v);
  const r = <T>(v: T) => (hide.ratings ? null : v);
  return {
    key: s.key,
    label: s.label,
    suppressed: hide.cases,
    people: c(s.people),
    filed: c(s.filed),
    accepted: c(s.accepted),
    completed: c(s.completed),
    onTimePromisedRate: c(rate(s.onTimePromised, s.completed)),
    onTimeLegalRate: c(rate(s.onTimeLegal, s.legalKnown)),
    avgWorkingDays: c(s.avgWorkingDays),
    p90WorkingDays: c(s.p90WorkingDays),
    immediateShare: c(rate(s.immediate, s.accepted)),
    fullyOnlineShare: c(rate(s.fullyOnline, s.accepted)),
    supplementRate: c(rate(s.supplemented, s.filed)),
    refusalRate: c(rate(s.refused + s.notAccepted, s.completed + s.notAccepted)),
    materialsSaved: c(s.materialsSaved),
    visitsSaved: c(s.visitsSaved),
    ratings: r(s.ratings),
    satisfaction: r(rate(s.goodRatings, s.ratings)),
    avgRating: r(s.avgRating),
    complaints: c(s.complaints),
    complaintsPer10k: c(s.filed > 0 ? Math.round((s.complaints / s.filed) * 10_000 * 100) / 100 : null),
    complaintsOnTimeRate: c(rate(s.complaintsOnTime, s.complaintsAnswered)),
    licenseUses: c(s.licenseUses),
    sharingReads: c(s.sharingReads),
  };
}

/**
 * The cells of one answer (they partition its slice). For the public, cells of fewer than
 * `minCell` people (ratings: raters) are withheld, and with them complementary cells so that no
 * withheld cell is the total minus the published others (`suppression.ts`).
 */
export function cellsOf(sums: readonly CellSums[], minCell: number, isPublic: boolean): IndicatorCell[] {
  const keys = sums.map((s) => s.key);
  const cases = isPublic
    ? withheldCells(
        sums.map((s) => s.people),
        minCell,
        keys,
      )
    : new Set<number>();
  const ratings = isPublic
    ? withheldCells(
        sums.map((s) => s.raters),
        minCell,
        keys,
      )
    : new Set<number>();
  return sums.map((s, i) => cellWith(s, { cases: cases.has(i), ratings: ratings.has(i) }));
}

/** One cell on its own (a slice's total); withheld for the public when fewer than `minCell` people are in it. */
export const cellOf = (s: CellSums, minCell: number, isPublic: boolean): IndicatorCell =>
  cellsOf([s], minCell, isPublic)[0]!;

/**
 * Names of the cells in both languages where a cell is a named thing: regions and departments by
 * the catalogue's names (the store keeps only the Chinese name it saw), items by their English name.
 */
async function nameCells(deps: AnalyticsDeps, by: IndicatorQuery['by'], cells: IndicatorCell[]): Promise<void> {
  const named =
    by === 'region'
      ? new Map(
          (
            await listRegionsByCode(
              deps.db,
              cells.map((c) => c.key),
            )
          ).map((r) => [r.code, r]),
        )
      : by === 'department'
        ? await departmentNames(
            deps.db,
            cells.map((c) => c.key),
          )
        : undefined;
  for (const cell of cells) {
    const n = named?.get(cell.key);
    if (n) Object.assign(cell, { label: n.name, labelEn: n.nameEn });
    else if (by === 'item') cell.labelEn = itemNameEn(cell.label);
  }
}

export async function indicators(deps: AnalyticsDeps, actor: Actor, q: IndicatorQuery): Promise<IndicatorAnswer> {
  const slice = sliceFor(actor, q);
  const region = slice.regionPrefix ? await findRegion(deps.db, slice.regionPrefix) : undefined;
  if (slice.regionPrefix && !region)
    throw notFound('ANALYTICS.NO_REGION', { zh: '没有这个地区', en: 'No such region' });
  const isPublic = !readsAsStaff(actor);
  const sums = await deps.store.cells(slice, q.by);
  const cells = cellsOf(sums, deps.minCell, isPublic);
  await nameCells(deps, q.by, cells);
  return {
    by: q.by,
    region: region ? { code: region.code, name: region.name, nameEn: region.nameEn } : null,
    view: isPublic ? 'public' : 'staff',
    minCell: deps.minCell,
    watermark: await deps.store.watermark(),
    cells,
  };
}
