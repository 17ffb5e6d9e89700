/**
 * Pre-aggregated cells (预聚合): the case sums of `case_fact` kept per region × department × item ×
 * channel × month in `case_cell`, and the completed cases' working days as a histogram per cell in
 * `case_cell_days`. The dashboard's sums then read a few thousand cells instead of every case.
 *
 * Exact, not approximate: every figure but one is a sum over cases, so a slice's sum is the sum of
 * its cells; the 90th percentile is read off the merged histogram at the nearest rank ⌈0.9·n⌉ (what
 * DuckDB's `quantile_disc(x, 0.9)` answers, checked for n ≤ 3,000 in `cube.test.ts`). Distinct people
 * cannot be added up across cells, so they are still counted from the cases (one column). A period
 * that starts or ends inside a month takes its whole months from the cells and the days at its edges
 * from the cases. DuckDB only: ClickHouse scans its rows fast enough to need no cube.
 *
 * Kept in step in the same transaction as the cases: `apply` appends, for each changed case, a row
 * taking away what it added to its cell before and a row adding what it adds now (`beforeChange`,
 * `AFTER_CHANGE`), so a case moving from one month or outcome to another is counted once, where it
 * now is. A cell may therefore have several rows; every answer sums them (a group whose rows sum to
 * no case is dropped), and `COMPACT` folds them into one now and then.
 */
import type { Slice } from './analytics-store.js';

type Param = string | number | boolean | null;

/** The cell's coordinates, in `case_fact` columns (month from `period_day`). */
const AXES = ['region_code', 'department_id', 'item_code', 'channel'] as const;
/** The coordinates read off alias `a`. */
const AXES_A = AXES.map((x) => `a.${x}`).join(', ');
const MONTH = `CAST(date_trunc('month', a.period_day) AS DATE)`;
const COMPLETED = `a.outcome IN ('approved', 'refused')`;

/** Each summed measure of a cell and what one case adds to it (alias `a`: a `case_fact` row). */
const MEASURES: readonly (readonly [string, string])[] = [
  ['filed', 'true'],
  ['accepted', 'a.accepted_on IS NOT NULL'],
  ['completed', COMPLETED],
  ['approved', `a.outcome = 'approved'`],
  ['refused', `a.outcome = 'refused'`],
  ['not_accepted', `a.outcome = 'not_accepted'`],
  ['on_time_promised', `${COMPLETED} AND a.on_time_promised`],
  ['on_time_legal', `${COMPLETED} AND a.on_time_legal`],
  ['legal_known', `${COMPLETED} AND a.on_time_legal IS NOT NULL`],
  ['wd_n', `${COMPLETED} AND a.working_days IS NOT NULL`],
  ['immediate', 'a.accepted_on IS NOT NULL AND a.immediate'],
  ['fully_online', 'a.accepted_on IS NOT NULL AND a.fully_online'],
  ['supplemented', 'a.supplement_rounds > 0'],
  ['saved_cases', 'a.materials_saved > 0 OR a.visits_saved > 0'],
];
/** Measures that add a case's value rather than count it. */
const VALUES: readonly (readonly [string, string])[] = [
  ['wd_sum', `CASE WHEN ${COMPLETED} THEN a.working_days END`],
  ['materials_saved', 'a.materials_saved'],
  ['visits_saved', 'a.visits_saved'],
];

export const CUBE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS case_cell (region_code VARCHAR NOT NULL, department_id VARCHAR NOT NULL,
     item_code VARCHAR NOT NULL, channel VARCHAR NOT NULL, month DATE NOT NULL, department_name VARCHAR NOT NULL,
     item_name VARCHAR NOT NULL, ${[...MEASURES, ...VALUES].map(([m]) => `${m} BIGINT NOT NULL`).join(', ')})`,
  `CREATE TABLE IF NOT EXISTS case_cell_days (region_code VARCHAR NOT NULL, department_id VARCHAR NOT NULL,
     item_code VARCHAR NOT NULL, channel VARCHAR NOT NULL, month DATE NOT NULL, working_days INTEGER NOT NULL,
     n BIGINT NOT NULL)`,
];
export const CUBE_TABLES = ['case_cell', 'case_cell_days'] as const;

/** One case as a cell of its own: the measures as numbers (`sign` −1: what it takes away). */
const caseAsCell = (sign: 1 | -1 = 1) =>
  [
    ...MEASURES.map(([m, e]) => `${sign} * CAST(coalesce(${e}, false) AS BIGINT) AS ${m}`),
    ...VALUES.map(([m, e]) => `${sign} * coalesce(CAST(${e} AS BIGINT), 0) AS ${m}`),
  ].join(', ');
const cellOfCases = [
  ...MEASURES.map(([m, e]) => `count(*) FILTER (WHERE ${e}) AS ${m}`),
  ...VALUES.map(([m, e]) => `coalesce(sum(${e}), 0) AS ${m}`),
].join(', ');
const daysOfCases = `a.working_days, count(*) AS n`;
const completedWithDays = `${COMPLETED} AND a.working_days IS NOT NULL`;

/** Builds every cell from the cases (a store made before the cells, or one filled without `apply`). */
export const BUILD = [
  `DELETE FROM case_cell`,
  `DELETE FROM case_cell_days`,
  `INSERT INTO case_cell SELECT ${AXES_A}, ${MONTH}, any_value(a.department_name),
     any_value(a.item_name), ${cellOfCases} FROM case_fact a GROUP BY ALL`,
  `INSERT INTO case_cell_days SELECT ${AXES_A}, ${MONTH}, ${daysOfCases}
     FROM case_fact a WHERE ${completedWithDays} GROUP BY ALL`,
];

const AXES_MONTH = [...AXES, 'month'];
const MEASURE_NAMES = [...MEASURES, ...VALUES].map(([m]) => m);
const CELL_COLUMNS = [...AXES_MONTH, 'department_name', 'item_name', ...MEASURE_NAMES].join(', ');
const DAYS_COLUMNS = [...AXES_MONTH, 'working_days', 'n'].join(', ');

/** What the cases of `table` (the changed cases as they were, or are now) add to their cells, one delta row each; `sign` −1: taken away. */
const contributions = (table: 'changed_old' | 'changed_new', sign: 1 | -1) => [
  `INSERT INTO case_cell (${CELL_COLUMNS})
     SELECT ${AXES_A}, ${MONTH}, a.department_name, a.item_name, ${caseAsCell(sign)}
       FROM temp.${table} a`,
  `INSERT INTO case_cell_days (${DAYS_COLUMNS})
     SELECT ${AXES_A}, ${MONTH}, a.working_days, ${sign}
       FROM temp.${table} a WHERE ${completedWithDays}`,
];

/**
 * Run inside `apply` once the changed cases are staged (`temp.stage_case_fact`) and before
 * `case_fact` is replaced. `keys` lists the changed cases' ids as SQL literals: the cases as they
 * were are found through `case_fact`'s key index, not by a scan of every case.
 */
export const beforeChange = (caseColumns: readonly string[], keys: string) => [
  `INSERT INTO temp.changed_new (${caseColumns.join(', ')}) SELECT ${caseColumns.join(', ')} FROM temp.stage_case_fact`,
  `INSERT INTO temp.changed_old SELECT * FROM case_fact WHERE case_id IN (${keys})`,
];

/** The connection's own copies of the changed cases, typed as `case_fact` (made once when the store opens). */
export const CHANGED_TABLES = ['changed_new', 'changed_old'].map(
  (t) => `CREATE TEMP TABLE ${t} AS SELECT * FROM case_fact LIMIT 0`,
);

/**
 * Run after `case_fact` is replaced: what each changed case added to its cell before is taken away
 * and what it adds now is added, appended as delta rows (−1 and +1). Nothing already in the cells is
 * read or rewritten, so a change costs the same however large the store; the answers sum a cell's
 * rows, so they are exact at once, and `COMPACT` folds the deltas into one row a cell now and then.
 */
export const AFTER_CHANGE = [
  ...contributions('changed_old', -1),
  ...contributions('changed_new', 1),
  `DELETE FROM temp.changed_new`,
  `DELETE FROM temp.changed_old`,
];

/** Each cell's rows folded into one; cells left with no case go. */
export const COMPACT = [
  `CREATE OR REPLACE TEMP TABLE folded AS
     SELECT ${AXES_MONTH.join(', ')}, any_value(department_name) AS department_name, any_value(item_name) AS item_name,
            ${MEASURE_NAMES.map((m) => `CAST(sum(${m}) AS BIGINT) AS ${m}`).join(', ')}
       FROM case_cell GROUP BY ${AXES_MONTH.join(', ')} HAVING sum(filed) > 0`,
  `DELETE FROM case_cell`,
  `INSERT INTO case_cell (${CELL_COLUMNS}) SELECT ${CELL_COLUMNS} FROM temp.folded`,
  `CREATE OR REPLACE TEMP TABLE folded AS
     SELECT ${AXES_MONTH.join(', ')}, working_days, CAST(sum(n) AS BIGINT) AS n
       FROM case_cell_days GROUP BY ${AXES_MONTH.join(', ')}, working_days HAVING sum(n) > 0`,
  `DELETE FROM case_cell_days`,
  `INSERT INTO case_cell_days (${DAYS_COLUMNS}) SELECT ${DAYS_COLUMNS} FROM temp.folded`,
  `DROP TABLE temp.folded`,
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const firstOfMonth = (d: Date, plusMonths = 0) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plusMonths, 1));

/**
 * A period split into the whole months the cells answer (`months`: first days, inclusive) and the
 * day ranges at its edges the cases answer. Open ends are whole months.
 */
export function splitPeriod(
  from?: string,
  to?: string,
): {
  months: { from?: string; to?: string } | null;
  edges: { from?: string; to?: string }[];
} {
  // The first whole month starts on `from` or at the next month; the last ends on `to` or the month before.
  const start = from ? (day(from).getUTCDate() === 1 ? day(from) : firstOfMonth(day(from), 1)) : undefined;
  const endExclusive = to
    ? addDays(day(to), 1).getUTCDate() === 1
      ? addDays(day(to), 1)
      : firstOfMonth(day(to))
    : undefined;
  if (start && endExclusive && start >= endExclusive) return { months: null, edges: [{ from, to }] };
  const edges: { from?: string; to?: string }[] = [];
  if (from && start && iso(start) !== from) edges.push({ from, to: iso(addDays(start, -1)) });
  if (to && endExclusive && iso(addDays(endExclusive, -1)) !== to) edges.push({ from: iso(endExclusive), to });
  return {
    months: {
      ...(start ? { from: iso(start) } : {}),
      ...(endExclusive ? { to: iso(firstOfMonth(endExclusive, -1)) } : {}),
    },
    edges,
  };
}

export interface CubeParts {
  /** The `cs` CTE body's sources: whole months from the cells, edge days from the cases, one row per cell or case. */
  sums: { sql: string; params: Param[] };
  days: { sql: string; params: Param[] };
}

/**
 * The rows the case sums of a slice come from: `case_cell` rows for its whole months and `case_fact`
 * rows (each case as a cell) for its edge days, both with the cell's coordinates, `month` and the
 * names. `where` builds a slice's conditions for an alias-`a` table and a period column.
 */
export function cubeSources(
  slice: Slice,
  where: (slice: Slice, dayColumn: string) => { sql: string; params: Param[] },
): CubeParts {
  const { months, edges } = splitPeriod(slice.from, slice.to);
  const { from: _f, to: _t, ...rest } = slice;
  const sums: string[] = [];
  const days: string[] = [];
  const sumParams: Param[] = [];
  const dayParams: Param[] = [];
  const names = `a.department_name, a.item_name`;
  if (months) {
    const w = where({ ...rest, ...months }, 'a.month');
    sums.push(`SELECT ${AXES_A}, a.month, ${names}, ${MEASURE_NAMES.join(', ')} FROM case_cell a WHERE ${w.sql}`);
    sumParams.push(...w.params);
    days.push(`SELECT ${AXES_A}, a.month, a.working_days, a.n FROM case_cell_days a WHERE ${w.sql}`);
    dayParams.push(...w.params);
  }
  for (const edge of edges) {
    const w = where({ ...rest, ...edge }, 'a.period_day');
    sums.push(`SELECT ${AXES_A}, ${MONTH} AS month, ${names}, ${caseAsCell()}
                 FROM case_fact a WHERE ${w.sql}`);
    sumParams.push(...w.params);
    days.push(`SELECT ${AXES_A}, ${MONTH} AS month, a.working_days, 1 AS n
                 FROM case_fact a WHERE ${completedWithDays} AND ${w.sql}`);
    dayParams.push(...w.params);
  }
  return {
    sums: { sql: sums.join('\n UNION ALL '), params: sumParams },
    days: { sql: days.join('\n UNION ALL '), params: dayParams },
  };
}

/**
 * The `cs` CTE of `cellsSql` from the cells: sums per group key, distinct people from the cases, the
 * 90th percentile from the merged histogram. `key`/`label` are the group expressions over alias `a`
 * (with `a.month` for the month), `people` the cases' distinct-people query per key.
 */
export function cubeCasesCte(
  parts: CubeParts,
  group: { key: string; label: string },
  people: { sql: string; params: Param[] },
): { sql: string; params: Param[] } {
  const sum = (m: string) => `CAST(sum(a.${m}) AS INTEGER)`;
  const sql = `cs AS (
      SELECT x.key, x.label, coalesce(p.people, 0)::INTEGER AS people, x.filed, x.accepted, x.completed, x.approved,
             x.refused, x."notAccepted", x."onTimePromised", x."onTimeLegal", x."legalKnown", x."avgWorkingDays",
             q."p90WorkingDays", x.immediate, x."fullyOnline", x.supplemented, x."materialsSaved", x."visitsSaved",
             x."savedCases"
        FROM (SELECT ${group.key} AS key, any_value(${group.label}) AS label, ${sum('filed')} AS filed,
                     ${sum('accepted')} AS accepted, ${sum('completed')} AS completed, ${sum('approved')} AS approved,
                     ${sum('refused')} AS refused, ${sum('not_accepted')} AS "notAccepted",
                     ${sum('on_time_promised')} AS "onTimePromised", ${sum('on_time_legal')} AS "onTimeLegal",
                     ${sum('legal_known')} AS "legalKnown",
                     round(CAST(sum(a.wd_sum) AS DOUBLE) / nullif(sum(a.wd_n), 0), 2)::DOUBLE AS "avgWorkingDays",
                     ${sum('immediate')} AS immediate, ${sum('fully_online')} AS "fullyOnline",
                     ${sum('supplemented')} AS supplemented, ${sum('materials_saved')} AS "materialsSaved",
                     ${sum('visits_saved')} AS "visitsSaved", ${sum('saved_cases')} AS "savedCases"
                FROM (${parts.sums.sql}) a GROUP BY 1 HAVING sum(a.filed) > 0) x
        LEFT JOIN (${people.sql}) p ON p.key = x.key
        LEFT JOIN (
          SELECT key, min(working_days) FILTER (WHERE running >= (9 * total + 9) // 10)::INTEGER AS "p90WorkingDays"
            FROM (SELECT key, working_days, sum(n) OVER (PARTITION BY key ORDER BY working_days) AS running,
                         sum(n) OVER (PARTITION BY key) AS total
                    FROM (SELECT ${group.key} AS key, a.working_days, sum(a.n) AS n
                            FROM (${parts.days.sql}) a GROUP BY 1, 2 HAVING sum(a.n) > 0))
           GROUP BY 1) q ON q.key = x.key)`;
  return { sql, params: [...parts.sums.params, ...people.params, ...parts.days.params] };
}
