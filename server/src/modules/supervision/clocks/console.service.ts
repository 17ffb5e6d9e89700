/**
 * The supervision console's reads: counts by state for a region (province → city → county →
 * department), the clocks behind each number, and the warning trend. Supervisors read every
 * department of their region; department heads their own departments. Nothing personal is shown:
 * a clock names its tracking code and item, never the applicant.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { isWithinRegion, withinScope } from '../../../platform/scope.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import { findRegion, listChildRegions, listDepartments } from '../../catalog/index.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { svq, type ClockKind, type ClockState } from '../supervision.tables.js';
import { shiftDate } from './clock-rules.js';
import { openWarnings } from '../warnings/seen.service.js';

export const READERS = ['supervisor', 'department_head'];
const SUPERVISED = { regionWide: ['supervisor'] };
const COLUMNS = { region: 'c.regionCode', department: 'c.departmentId' };

/** The region asked for, which must lie within the caller's (their own region when none is asked). */
async function regionFor(deps: SupervisionDeps, actor: Actor, asked: string | undefined) {
  if (actor.kind !== 'staff' || !actor.regionScope || !READERS.some((r) => actor.roles.includes(r)))
    throw forbidden('SUPERVISION.READERS_ONLY', {
      zh: '仅监督人员或部门负责人可查看电子监察',
      en: 'Only supervisors and department heads read the supervision console',
    });
  const code = asked ?? actor.regionScope;
  const region = isWithinRegion(actor, code) ? await findRegion(deps.db, code) : undefined;
  if (!region)
    throw notFound('SUPERVISION.NO_REGION', {
      zh: '该地区不在您的监督范围内',
      en: 'That region is not within your scope',
    });
  return region;
}

const scoped = (deps: SupervisionDeps, actor: Actor, regionCode: string) =>
  withinScope(
    svq(deps.db).selectFrom('supervision.clock as c').where('c.regionCode', 'like', `${regionCode}%`),
    actor,
    COLUMNS,
    SUPERVISED,
  );

/** A clock's state as a person reads it at `now`: a running clock past its moments is red or yellow. */
export const stateAt = (now: Date) =>
  sql<ClockState>`CASE WHEN c.state = 'running' AND c.red_at <= ${now} THEN 'red'
    WHEN c.state = 'running' AND c.yellow_at <= ${now} THEN 'yellow' ELSE c.state END`;

const counts = (today: string, now: Date) =>
  [
    sql<number>`count(*) FILTER (WHERE c.state <> 'stopped')::int`.as('open'),
    sql<number>`count(*) FILTER (WHERE c.state = 'running' AND c.yellow_at <= ${now} AND c.red_at > ${now})::int`.as(
      'yellow',
    ),
    sql<number>`count(*) FILTER (WHERE c.state = 'running' AND c.red_at <= ${now})::int`.as('red'),
    sql<number>`count(*) FILTER (WHERE c.state = 'paused')::int`.as('paused'),
    sql<number | null>`avg(c.due_on - ${today}::date) FILTER (WHERE c.state = 'running')`.as('avgDaysLeft'),
  ] as const;

const figures = (r: { open: number; yellow: number; red: number; paused: number; avgDaysLeft: number | null }) => ({
  open: r.open,
  yellow: r.yellow,
  red: r.red,
  paused: r.paused,
  overdueRate: r.open ? Math.round((r.red / r.open) * 1000) / 1000 : 0,
  avgDaysLeft: r.avgDaysLeft === null ? null : Math.round(Number(r.avgDaysLeft) * 10) / 10,
});

export async function overview(deps: SupervisionDeps, actor: Actor, regionCode: string | undefined) {
  const region = await regionFor(deps, actor, regionCode);
  const now = deps.now();
  const today = beijingDate(now);
  const byCounty = region.code.length >= 6;
  // Below a county the console lists departments; above it, the regions one level down.
  const childKey = byCounty
    ? sql<string>`c.department_id::text`
    : sql<string>`left(c.region_code, ${sql.lit(region.code.length + 2)})`;
  const [total, children, departments, trend, irregular, orders] = await Promise.all([
    scoped(deps, actor, region.code)
      .select(counts(today, now))
      .where('c.state', '<>', 'stopped')
      .executeTakeFirstOrThrow(),
    scoped(deps, actor, region.code)
      .select([childKey.as('key'), ...counts(today, now)])
      .where('c.state', '<>', 'stopped')
      .groupBy(childKey)
      .execute(),
    scoped(deps, actor, region.code)
      .select([sql<string>`c.department_id::text`.as('departmentId'), ...counts(today, now)])
      .where('c.state', '=', 'running')
      .where('c.yellowAt', '<=', now)
      .where('c.departmentId', 'is not', null)
      .groupBy('c.departmentId')
      .orderBy(sql`count(*) FILTER (WHERE c.red_at <= ${now})`, 'desc')
      .orderBy(sql`count(*)`, 'desc')
      .limit(12)
      .execute(),
    withinScope(
      svq(deps.db)
        .selectFrom('supervision.warning as c')
        .select([
          sql<string>`to_char(c.raised_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`.as('day'),
          sql<number>`count(*) FILTER (WHERE c.level = 'yellow')::int`.as('yellow'),
          sql<number>`count(*) FILTER (WHERE c.level = 'red')::int`.as('red'),
        ])
        .where('c.regionCode', 'like', `${region.code}%`)
        .where('c.raisedAt', '>=', new Date(`${shiftDate(today, -29)}T00:00:00+08:00`))
        .groupBy(sql`1`),
      actor,
      COLUMNS,
      SUPERVISED,
    ).execute(),
    withinScope(
      svq(deps.db)
        .selectFrom('supervision.irregularity as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('c.regionCode', 'like', `${region.code}%`)
        .where('c.status', '=', 'open'),
      actor,
      COLUMNS,
      SUPERVISED,
    ).executeTakeFirstOrThrow(),
    withinScope(
      svq(deps.db)
        .selectFrom('supervision.order as c')
        .select([
          sql<number>`count(*) FILTER (WHERE c.status = 'open')::int`.as('open'),
          sql<number>`count(*) FILTER (WHERE c.status = 'open' AND c.due_on < ${today}::date)::int`.as('overdue'),
          sql<number>`count(*) FILTER (WHERE c.status = 'answered')::int`.as('answered'),
        ])
        .where('c.regionCode', 'like', `${region.code}%`),
      actor,
      COLUMNS,
      SUPERVISED,
    ).executeTakeFirstOrThrow(),
  ]);
  const names = await childNames(deps, region.code, byCounty);
  const departmentNames = new Map(
    (await listDepartments(deps.db, { regionPrefix: region.code })).map((d) => [d.id, d.name]),
  );
  const days = Array.from({ length: 30 }, (_, i) => shiftDate(today, i - 29));
  const trendByDay = new Map(trend.map((t) => [t.day, t]));
  return {
    region: { code: region.code, name: region.name, level: region.level },
    childrenAre: byCounty ? ('departments' as const) : ('regions' as const),
    totals: figures(total),
    children: children
      .map((c) => ({ code: c.key, name: names.get(c.key) ?? departmentNames.get(c.key) ?? '—', ...figures(c) }))
      .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.code.localeCompare(b.code)),
    byDepartment: departments.map((d) => ({
      departmentId: d.departmentId,
      name: departmentNames.get(d.departmentId) ?? '—',
      yellow: d.yellow,
      red: d.red,
    })),
    trend: days.map((day) => ({ day, yellow: trendByDay.get(day)?.yellow ?? 0, red: trendByDay.get(day)?.red ?? 0 })),
    irregularities: irregular.n,
    orders,
  };
}

async function childNames(deps: SupervisionDeps, code: string, byCounty: boolean): Promise<Map<string, string>> {
  if (byCounty) return new Map((await listDepartments(deps.db, { regionPrefix: code })).map((d) => [d.id, d.name]));
  return new Map((await listChildRegions(deps.db, code)).map((r) => [r.code, r.name]));
}

/** The clocks behind a number: by state, region and department, most urgent first. */
export async function listClocks(
  deps: SupervisionDeps,
  actor: Actor,
  filter: { state?: ClockState; region?: string; department?: string },
) {
  const region = await regionFor(deps, actor, filter.region);
  const now = deps.now();
  const state = stateAt(now);
  let q = scoped(deps, actor, region.code)
    .select([
      'c.id',
      'c.kind',
      'c.reference',
      'c.title',
      'c.regionCode',
      'c.departmentId',
      state.as('state'),
      'c.startedOn',
      'c.limitDays',
      'c.dueOn',
      'c.pausedSince',
      'c.subjectId',
      'c.caseId',
    ])
    .where('c.state', '<>', 'stopped');
  if (filter.state) q = q.where(state, '=', filter.state);
  if (filter.department) q = q.where('c.departmentId', '=', filter.department);
  const rows = await q.orderBy('c.dueOn').orderBy('c.id').limit(200).execute();
  const calendar = await deps.calendar.calendar();
  const today = beijingDate(now);
  const departments = new Map(
    (await listDepartments(deps.db, { regionPrefix: region.code })).map((d) => [d.id, d.name]),
  );
  const warnings = await openWarnings(
    deps.db,
    actor,
    rows.map((r) => r.id),
  );
  return rows.map(({ subjectId, caseId, ...c }) => ({
    ...c,
    warning: warnings.get(c.id) ?? null,
    department: c.departmentId ? (departments.get(c.departmentId) ?? null) : null,
    workingDaysLeft: calendar.workingDaysBetween(today, c.dueOn),
    orderOn: orderOn(c.kind, subjectId, caseId),
  }));
}

/** A 督办 order about a clock is issued on its task, its complaint or its case. */
function orderOn(kind: ClockKind, subjectId: string, caseId: string | null) {
  if (kind === 'task') return { subjectType: 'task' as const, subjectId };
  if (kind === 'complaint') return { subjectType: 'complaint' as const, subjectId };
  if (kind === 'order' || !caseId) return null;
  return { subjectType: 'case' as const, subjectId: caseId };
}
