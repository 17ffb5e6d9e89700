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
import type { Grouping, Slice } from './analytics-store.js';

type Param = string | number | boolean | null;

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
const MEASURE_NAMES = [...MEASURES, ...VALUES].map(([m]) => m);

/**
 * A cube: its cells' coordinates (`case_fact` columns, and the month of `period_day`) and the names
 * each cell carries. Two are kept: by item (for a slice of an item or a grouping by item), and one
 * without the item axis for every other question, a few hundred times smaller than the first in a
 * province of hundreds of items.
 */
interface Cube {
  cell: string;
  days: string;
  axes: readonly string[];
  names: readonly string[];
}
const BY_ITEM: Cube = {
  cell: 'case_cell',
  days: 'case_cell_days',
  axes: ['region_code', 'department_id', 'item_code', 'channel'],
  names: ['department_name', 'item_name'],
};
const BY_AREA: Cube = {
  cell: 'case_area_cell',
  days: 'case_area_cell_days',
  axes: ['region_code', 'department_id', 'channel'],
  names: ['department_name'],
};
const CUBES = [BY_ITEM, BY_AREA] as const;

const axesA = (c: Cube) => c.axes.map((x) => `a.${x}`).join(', ');
const axesMonth = (c: Cube) => [...c.axes, 'month'];
const cellColumns = (c: Cube) => [...axesMonth(c), ...c.names, ...MEASURE_NAMES].join(', ');
const daysColumns = (c: Cube) => [...axesMonth(c), 'working_days', 'n'].join(', ');

export const CUBE_SCHEMA = CUBES.flatMap((c) => [
  `CREATE TABLE IF NOT EXISTS ${c.cell} (${c.axes.map((x) => `${x} VARCHAR NOT NULL`).join(', ')}, month DATE NOT NULL,
     ${c.names.map((x) => `${x} VARCHAR NOT NULL`).join(', ')}, ${MEASURE_NAMES.map((m) => `${m} BIGINT NOT NULL`).join(', ')})`,
  `CREATE TABLE IF NOT EXISTS ${c.days} (${c.axes.map((x) => `${x} VARCHAR NOT NULL`).join(', ')}, month DATE NOT NULL,
     working_days INTEGER NOT NULL, n BIGINT NOT NULL)`,
]);
export const CUBE_TABLES = CUBES.flatMap((c) => [c.cell, c.days]);

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
const completedWithDays = `${COMPLETED} AND a.working_days IS NOT NULL`;

/**
 * Cells written in region order (then month) when built or folded: DuckDB keeps each column's
 * min and max per row group, so a county's or a city's question skips the rest of the province.
 */
const CLUSTERED = 'ORDER BY region_code, month';

/** The cubes that are empty while there are cases: a store made before them, or filled without `apply`. */
export const UNBUILT = `SELECT ${CUBES.map((c) => `(NOT EXISTS (SELECT 1 FROM ${c.cell}) AND EXISTS (SELECT 1 FROM case_fact)) AS "${c.cell}"`).join(', ')}`;

/** Builds the cells of the cube named by its cell table from the cases. */
export const build = (cell: string) => {
  const c = CUBES.find((x) => x.cell === cell)!;
  return [
    `DELETE FROM ${c.cell}`,
    `DELETE FROM ${c.days}`,
    `INSERT INTO ${c.cell} (${cellColumns(c)}) SELECT ${axesA(c)}, ${MONTH} AS month,
       ${c.names.map((n) => `any_value(a.${n})`).join(', ')}, ${cellOfCases} FROM case_fact a GROUP BY ALL ${CLUSTERED}`,
    `INSERT INTO ${c.days} (${daysColumns(c)}) SELECT ${axesA(c)}, ${MONTH} AS month, a.working_days, count(*)
       FROM case_fact a WHERE ${completedWithDays} GROUP BY ALL ${CLUSTERED}`,
  ];
};

/** What the cases of `table` (the changed cases as they were, or are now) add to their cells, one delta row each; `sign` −1: taken away. */
const contributions = (table: 'changed_old' | 'changed_new', sign: 1 | -1) =>
  CUBES.flatMap((c) => [
    `INSERT INTO ${c.cell} (${cellColumns(c)})
       SELECT ${axesA(c)}, ${MONTH}, ${c.names.map((n) => `a.${n}`).join(', ')}, ${caseAsCell(sign)}
         FROM temp.${table} a`,
    `INSERT INTO ${c.days} (${daysColumns(c)})
       SELECT ${axesA(c)}, ${MONTH}, a.working_days, ${sign}
         FROM temp.${table} a WHERE ${completedWithDays}`,
  ]);

/**
 * Run inside `apply` once the changed cases are staged (`temp.stage_case_fact`) and before
 * `case_fact` is replaced. `keys` lists the changed cases' ids as SQL literals: DuckDB answers an
 * `IN` list by probing the id column alone (~3 ms at 1.3 M cases), where a join with the staged
 * rows read every column of every case (~45–150 ms).
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
 * Run after `case_fact` is replaced (`anyOld`: some changed case was there before): what each changed case added to its cell before is taken away
 * and what it adds now is added, appended as delta rows (−1 and +1). Nothing already in the cells is
 * read or rewritten, so a change costs the same however large the store; the answers sum a cell's
 * rows, so they are exact at once, and `COMPACT` folds the deltas into one row a cell now and then.
 */
export const afterChange = (anyOld: boolean) => [
  // New cases only (a rebuild, the first events of a case): nothing to take away.
  ...(anyOld ? [...contributions('changed_old', -1), `DELETE FROM temp.changed_old`] : []),
  ...contributions('changed_new', 1),
  `DELETE FROM temp.changed_new`,
];

/** Each cell's rows folded into one; cells left with no case go. */
export const COMPACT = CUBES.flatMap((c) => [
  `CREATE OR REPLACE TEMP TABLE folded AS
     SELECT ${axesMonth(c).join(', ')}, ${c.names.map((n) => `any_value(${n}) AS ${n}`).join(', ')},
            ${MEASURE_NAMES.map((m) => `CAST(sum(${m}) AS BIGINT) AS ${m}`).join(', ')}
       FROM ${c.cell} GROUP BY ${axesMonth(c).join(', ')} HAVING sum(filed) > 0`,
  `DELETE FROM ${c.cell}`,
  `INSERT INTO ${c.cell} (${cellColumns(c)}) SELECT ${cellColumns(c)} FROM temp.folded ${CLUSTERED}`,
  `CREATE OR REPLACE TEMP TABLE folded AS
     SELECT ${axesMonth(c).join(', ')}, working_days, CAST(sum(n) AS BIGINT) AS n
       FROM ${c.days} GROUP BY ${axesMonth(c).join(', ')}, working_days HAVING sum(n) > 0`,
  `DELETE FROM ${c.days}`,
  `INSERT INTO ${c.days} (${daysColumns(c)}) SELECT ${daysColumns(c)} FROM temp.folded ${CLUSTERED}`,
  `DROP TABLE temp.folded`,
]);

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

/** The cube a question reads: by item when it asks about items, the smaller one by area otherwise. */
const cubeFor = (slice: Slice, by: Grouping): Cube => (slice.itemCode || by === 'item' ? BY_ITEM : BY_AREA);

/**
 * The rows the case sums of a slice come from: the cube's cell rows for its whole months and
 * `case_fact` rows (each case as a cell) for its edge days, both with the cell's coordinates, `month`
 * and the names. `where` builds a slice's conditions for an alias-`a` table and a period column.
 */
export function cubeSources(
  slice: Slice,
  by: Grouping,
  where: (slice: Slice, dayColumn: string) => { sql: string; params: Param[] },
): CubeParts {
  const cube = cubeFor(slice, by);
  const { months, edges } = splitPeriod(slice.from, slice.to);
  const { from: _f, to: _t, ...rest } = slice;
  const sums: string[] = [];
  const days: string[] = [];
  const sumParams: Param[] = [];
  const dayParams: Param[] = [];
  const axes = axesA(cube);
  const names = cube.names.map((n) => `a.${n}`).join(', ');
  if (months) {
    const w = where({ ...rest, ...months }, 'a.month');
    sums.push(`SELECT ${axes}, a.month, ${names}, ${MEASURE_NAMES.join(', ')} FROM ${cube.cell} a WHERE ${w.sql}`);
    sumParams.push(...w.params);
    days.push(`SELECT ${axes}, a.month, a.working_days, a.n FROM ${cube.days} a WHERE ${w.sql}`);
    dayParams.push(...w.params);
  }
  for (const edge of edges) {
    const w = where({ ...rest, ...edge }, 'a.period_day');
    sums.push(`SELECT ${axes}, ${MONTH} AS month, ${names}, ${caseAsCell()}
                 FROM case_fact a WHERE ${w.sql}`);
    sumParams.push(...w.params);
    days.push(`SELECT ${axes}, ${MONTH} AS month, a.working_days, 1 AS n
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
 * (with `a.month` for the month), grouped as they are and written by `format` once grouped (a month
 * named once, not once a row); `people` the cases' distinct-people query per (unformatted) key.
 */
export function cubeCasesCte(
  parts: CubeParts,
  group: { key: string; label: string; format?: (e: string) => string },
  people: { sql: string; params: Param[] },
): { sql: string; params: Param[] } {
  const sum = (m: string) => `CAST(sum(a.${m}) AS INTEGER)`;
  const format = group.format ?? ((e: string) => e);
  const sql = `cs AS (
      SELECT ${format('x.key')} AS key, ${format('x.label')} AS label, coalesce(p.people, 0)::INTEGER AS people, x.filed, x.accepted, x.completed, x.approved,
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
