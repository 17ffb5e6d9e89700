/**
 * The store's tables and the SQL of its questions, as one DuckDB text. The indicator definitions
 * these queries implement are written once in `indicators/glossary.ts`; the SQL is what anyone can
 * run on the store file (`duckdb data/analytics.duckdb`) to reproduce a figure.
 */
import type {
  CaseRecord,
  ClickFact,
  ComplaintRecord,
  LicenseUseRecord,
  SharingReadRecord,
  Grouping,
  RatingRecord,
  SearchFact,
  Slice,
  StoreChange,
} from './analytics-store.js';
import { cubeCasesCte, cubeSources } from './cube-sql.js';
import { peopleCount } from './people-sql.js';

type Param = string | number | boolean | null;
type Row = Record<string, Param>;

export const TABLES = {
  case_fact: [
    'case_id',
    'item_code',
    'item_name',
    'region_code',
    'department_id',
    'department_name',
    'channel',
    'person_key',
    'status',
    'filed_on',
    'accepted_on',
    'decided_on',
    'period_day',
    'outcome',
    'working_days',
    'paused_days',
    'promised_days',
    'legal_days',
    'on_time_promised',
    'on_time_legal',
    'immediate',
    'fully_online',
    'supplement_rounds',
    'returns',
    'materials_saved',
    'visits_saved',
    'visits_needed',
    'home_region',
  ],
  case_step: ['case_id', 'seq', 'event_id', 'type', 'at_ms', 'item_code'],
  task_fact: [
    'case_id',
    'task_id',
    'item_code',
    'name',
    'department_id',
    'opened_on',
    'completed_on',
    'working_days',
    'limit_days',
    'status',
    'waiting_days',
    'parallel_wait_days',
    'parallel_held_days',
  ],
  rating: [
    'rating_id',
    'case_id',
    'item_code',
    'region_code',
    'department_id',
    'channel',
    'level',
    'status',
    'rated_on',
    'person_key',
  ],
  search_fact: ['search_id', 'query', 'region_code', 'results', 'session_key', 'person_key', 'day', 'at_ms'],
  search_click: ['search_id', 'position', 'item_code', 'person_key', 'at_ms'],
  complaint_fact: [
    'complaint_id',
    'kind',
    'case_id',
    'department_id',
    'department_name',
    'region_code',
    'status',
    'filed_on',
    'due_on',
    'answered_on',
  ],
  license_use: ['use_id', 'department_id', 'department_name', 'region_code', 'case_id', 'by_consent', 'day'],
  sharing_read: ['read_id', 'department_id', 'department_name', 'region_code', 'resource_code', 'officer_kind', 'day'],
} as const;

/** Each table's key: a row written again replaces the row of the same key. */
export const KEYS: { readonly [T in keyof typeof TABLES]: readonly (typeof TABLES)[T][number][] } = {
  case_fact: ['case_id'],
  case_step: ['case_id', 'seq'],
  task_fact: ['task_id'],
  rating: ['rating_id'],
  search_fact: ['search_id'],
  search_click: ['search_id', 'position'],
  complaint_fact: ['complaint_id'],
  license_use: ['use_id'],
  sharing_read: ['read_id'],
};

export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS case_fact (
     case_id VARCHAR PRIMARY KEY, item_code VARCHAR NOT NULL, item_name VARCHAR NOT NULL, region_code VARCHAR NOT NULL,
     department_id VARCHAR NOT NULL, department_name VARCHAR NOT NULL, channel VARCHAR NOT NULL, person_key VARCHAR NOT NULL,
     status VARCHAR NOT NULL, filed_on DATE NOT NULL, accepted_on DATE, decided_on DATE, period_day DATE NOT NULL,
     outcome VARCHAR, working_days INTEGER, paused_days INTEGER NOT NULL, promised_days INTEGER NOT NULL, legal_days INTEGER,
     on_time_promised BOOLEAN, on_time_legal BOOLEAN, immediate BOOLEAN NOT NULL, fully_online BOOLEAN NOT NULL,
     supplement_rounds INTEGER NOT NULL, returns INTEGER NOT NULL, materials_saved INTEGER NOT NULL,
     visits_saved INTEGER NOT NULL, visits_needed INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS case_step (case_id VARCHAR NOT NULL, seq INTEGER NOT NULL, event_id BIGINT NOT NULL,
     type VARCHAR NOT NULL, at_ms BIGINT NOT NULL, PRIMARY KEY (case_id, seq))`,
  // Each step's item (an item's 堵点 reads its steps alone); added after the first stores, filled from their cases.
  `ALTER TABLE case_step ADD COLUMN IF NOT EXISTS item_code VARCHAR`,
  `UPDATE case_step s SET item_code = f.item_code FROM case_fact f WHERE s.item_code IS NULL AND f.case_id = s.case_id`,
  `CREATE TABLE IF NOT EXISTS task_fact (case_id VARCHAR NOT NULL, task_id VARCHAR PRIMARY KEY, item_code VARCHAR NOT NULL,
     name VARCHAR NOT NULL, department_id VARCHAR NOT NULL, opened_on DATE NOT NULL, completed_on DATE,
     working_days INTEGER, limit_days INTEGER NOT NULL, status VARCHAR NOT NULL)`,
  // 等待 and 并联等待 of each task; added after the first stores (their tasks get them at the next rebuild).
  `ALTER TABLE task_fact ADD COLUMN IF NOT EXISTS waiting_days INTEGER`,
  `ALTER TABLE task_fact ADD COLUMN IF NOT EXISTS parallel_wait_days INTEGER`,
  `ALTER TABLE task_fact ADD COLUMN IF NOT EXISTS parallel_held_days INTEGER`,
  `CREATE TABLE IF NOT EXISTS rating (rating_id VARCHAR PRIMARY KEY, case_id VARCHAR NOT NULL, item_code VARCHAR NOT NULL,
     region_code VARCHAR NOT NULL, department_id VARCHAR NOT NULL, channel VARCHAR NOT NULL, level INTEGER NOT NULL,
     status VARCHAR NOT NULL, rated_on DATE NOT NULL, person_key VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value BIGINT NOT NULL)`,
  // The applicant's household county (跨县办理, demand analysis); added after the first stores were made.
  `ALTER TABLE case_fact ADD COLUMN IF NOT EXISTS home_region VARCHAR`,
  `CREATE TABLE IF NOT EXISTS search_fact (search_id VARCHAR PRIMARY KEY, query VARCHAR NOT NULL, region_code VARCHAR,
     results INTEGER NOT NULL, session_key VARCHAR NOT NULL, person_key VARCHAR, day DATE NOT NULL, at_ms BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS search_click (search_id VARCHAR NOT NULL, position INTEGER NOT NULL, item_code VARCHAR NOT NULL,
     person_key VARCHAR, at_ms BIGINT NOT NULL, PRIMARY KEY (search_id, position))`,
  `CREATE TABLE IF NOT EXISTS complaint_fact (complaint_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, case_id VARCHAR,
     department_id VARCHAR NOT NULL, department_name VARCHAR NOT NULL, region_code VARCHAR NOT NULL,
     status VARCHAR NOT NULL, filed_on DATE NOT NULL, due_on DATE NOT NULL, answered_on DATE)`,
  `CREATE TABLE IF NOT EXISTS license_use (use_id VARCHAR PRIMARY KEY, department_id VARCHAR NOT NULL,
     department_name VARCHAR NOT NULL, region_code VARCHAR NOT NULL, case_id VARCHAR, by_consent BOOLEAN NOT NULL,
     day DATE NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sharing_read (read_id VARCHAR PRIMARY KEY, department_id VARCHAR NOT NULL,
     department_name VARCHAR NOT NULL, region_code VARCHAR NOT NULL, resource_code VARCHAR NOT NULL,
     officer_kind VARCHAR NOT NULL, day DATE NOT NULL)`,
];

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const rowOf = (o: object): Row => Object.fromEntries(Object.entries(o).map(([k, v]) => [snake(k), v as Param]));

/** The rows a change writes. */
export const rowsOf = Object.assign(
  (change: StoreChange) => ({
    cases: change.cases.map((c) => rowOf(c.record satisfies CaseRecord)),
    steps: change.cases.flatMap((c) => c.steps.map(rowOf)),
    tasks: change.cases.flatMap((c) => c.tasks.map(rowOf)),
  }),
  {
    rating: (r: RatingRecord): Row => rowOf(r),
    search: (r: SearchFact): Row => rowOf(r),
    click: (r: ClickFact): Row => rowOf(r),
    complaint: (r: ComplaintRecord): Row => rowOf(r),
    licenseUse: (r: LicenseUseRecord): Row => rowOf(r),
    sharingRead: (r: SharingReadRecord): Row => rowOf(r),
  },
);

/** GB/T 2260 code lengths of the five levels below the nation: province, city, county, township, village. */
const LEVELS = [2, 4, 6, 9, 12];

/** The code length one level below a region prefix (the province's cities for `52`). */
export const childLength = (prefix?: string) => LEVELS.find((l) => l > (prefix?.length ?? 0)) ?? 12;

interface Where {
  sql: string;
  params: Param[];
}

/** Conditions on a table of cases or ratings (alias `a`), for a slice; the period column differs. */
export function where(slice: Slice, dayColumn: string, itemColumn = 'a.item_code'): Where {
  const conds: string[] = ['true'];
  const params: Param[] = [];
  const add = (cond: string, ...values: Param[]) => {
    conds.push(cond);
    params.push(...values);
  };
  if (slice.regionPrefix) add(`starts_with(a.region_code, ?)`, slice.regionPrefix);
  if (slice.departmentIds) {
    if (slice.departmentIds.length === 0) add('false');
    else add(`a.department_id IN (${slice.departmentIds.map(() => '?').join(', ')})`, ...slice.departmentIds);
  }
  if (slice.departmentId) add('a.department_id = ?', slice.departmentId);
  if (slice.itemCode) add(`${itemColumn} = ?`, slice.itemCode);
  if (slice.from) add(`${dayColumn} >= CAST(? AS DATE)`, slice.from);
  if (slice.to) add(`${dayColumn} <= CAST(? AS DATE)`, slice.to);
  return { sql: conds.join(' AND '), params };
}

/** The group key of a case (alias `a`) and of a rating (`r`, its case `f`) by a grouping. */
function keys(by: Grouping, slice: Slice, caseDay = 'a.period_day'): { c: [string, string]; r: [string, string] } {
  switch (by) {
    case 'total':
      return { c: [`'all'`, `'all'`], r: [`'all'`, `'all'`] };
    case 'region': {
      const len = childLength(slice.regionPrefix);
      return {
        c: [`left(a.region_code, ${len})`, `left(a.region_code, ${len})`],
        r: [`left(a.region_code, ${len})`, `left(a.region_code, ${len})`],
      };
    }
    case 'department':
      return { c: ['a.department_id', 'a.department_name'], r: ['a.department_id', 'f.department_name'] };
    case 'item':
      return { c: ['a.item_code', 'a.item_name'], r: ['a.item_code', 'f.item_name'] };
    case 'channel':
      return { c: ['a.channel', 'a.channel'], r: ['f.channel', 'f.channel'] };
    case 'month':
      return {
        c: [`strftime(${caseDay}, '%Y-%m')`, `strftime(${caseDay}, '%Y-%m')`],
        r: [`strftime(a.rated_on, '%Y-%m')`, `strftime(a.rated_on, '%Y-%m')`],
      };
  }
}

/**
 * The group key and label of a complaint, licence use or sharing read (alias `a`; `f` its case, when
 * it has one): by item and channel only through the case (a read has none: it is in no such cell).
 */
function otherKeys(by: Grouping, slice: Slice, dayColumn: string, hasCase: boolean): [string, string] {
  const len = childLength(slice.regionPrefix);
  const month = `strftime(${dayColumn}, '%Y-%m')`;
  const byCase = (column: string) => (hasCase ? `f.${column}` : 'NULL');
  return {
    total: [`'all'`, `'all'`],
    region: [`left(a.region_code, ${len})`, `left(a.region_code, ${len})`],
    department: ['a.department_id', 'a.department_name'],
    item: [byCase('item_code'), byCase('item_name')],
    channel: [byCase('channel'), byCase('channel')],
    month: [month, month],
  }[by] as [string, string];
}

/** Complaints, licence uses within cases and sharing reads per cell, as CTEs `cm`, `lu`, `sr`. */
function otherCells(slice: Slice, by: Grouping): { sql: string; params: Param[] } {
  const parts: { sql: string; params: Param[] }[] = [];
  const cte = (name: string, table: string, day: string, hasCase: boolean, sums: string, only = 'true') => {
    const [key, label] = otherKeys(by, slice, `a.${day}`, hasCase);
    const w = where(slice, `a.${day}`, hasCase ? 'f.item_code' : 'NULL');
    parts.push({
      sql: `${name} AS (
        SELECT ${key} AS key, any_value(${label}) AS label, ${sums}
          FROM ${table} a ${hasCase ? 'LEFT JOIN case_fact f ON f.case_id = a.case_id' : ''}
         WHERE ${only} AND ${w.sql} GROUP BY 1 HAVING ${key} IS NOT NULL)`,
      params: w.params,
    });
  };
  cte(
    'cm',
    'complaint_fact',
    'filed_on',
    true,
    `count(*)::INTEGER AS complaints,
     count(*) FILTER (WHERE a.answered_on IS NOT NULL)::INTEGER AS "complaintsAnswered",
     count(*) FILTER (WHERE a.answered_on <= a.due_on)::INTEGER AS "complaintsOnTime"`,
    `a.kind = 'complaint'`,
  );
  cte('lu', 'license_use', 'day', true, `count(*)::INTEGER AS "licenseUses"`, 'a.case_id IS NOT NULL');
  cte('sr', 'sharing_read', 'day', false, `count(*)::INTEGER AS "sharingReads"`);
  return { sql: parts.map((p) => p.sql).join(',\n    '), params: parts.flatMap((p) => p.params) };
}

const COMPLETED = `a.outcome IN ('approved', 'refused')`;

/** The `cs` CTE from the cases themselves, one row each. */
function casesFromRows(key: [string, string], wc: Where): { sql: string; params: Param[] } {
  const sql = `cs AS (
      SELECT ${key[0]} AS key, any_value(${key[1]}) AS label,
             count(DISTINCT a.person_key)::INTEGER AS people,
             count(*)::INTEGER AS filed,
             count(*) FILTER (WHERE a.accepted_on IS NOT NULL)::INTEGER AS accepted,
             count(*) FILTER (WHERE ${COMPLETED})::INTEGER AS completed,
             count(*) FILTER (WHERE a.outcome = 'approved')::INTEGER AS approved,
             count(*) FILTER (WHERE a.outcome = 'refused')::INTEGER AS refused,
             count(*) FILTER (WHERE a.outcome = 'not_accepted')::INTEGER AS "notAccepted",
             count(*) FILTER (WHERE ${COMPLETED} AND a.on_time_promised)::INTEGER AS "onTimePromised",
             count(*) FILTER (WHERE ${COMPLETED} AND a.on_time_legal)::INTEGER AS "onTimeLegal",
             count(*) FILTER (WHERE ${COMPLETED} AND a.on_time_legal IS NOT NULL)::INTEGER AS "legalKnown",
             round(avg(a.working_days) FILTER (WHERE ${COMPLETED}), 2)::DOUBLE AS "avgWorkingDays",
             quantile_disc(a.working_days, 0.9) FILTER (WHERE ${COMPLETED})::INTEGER AS "p90WorkingDays",
             count(*) FILTER (WHERE a.accepted_on IS NOT NULL AND a.immediate)::INTEGER AS immediate,
             count(*) FILTER (WHERE a.accepted_on IS NOT NULL AND a.fully_online)::INTEGER AS "fullyOnline",
             count(*) FILTER (WHERE a.supplement_rounds > 0)::INTEGER AS supplemented,
             sum(a.materials_saved)::INTEGER AS "materialsSaved",
             sum(a.visits_saved)::INTEGER AS "visitsSaved",
             count(*) FILTER (WHERE a.materials_saved > 0 OR a.visits_saved > 0)::INTEGER AS "savedCases"
        FROM case_fact a WHERE ${wc.sql} GROUP BY 1)`;
  return { sql, params: wc.params };
}

/**
 * The `cs` CTE from the pre-aggregated cells, distinct people from the cases by their numbers
 * (`cube-sql.ts`, `people-sql.ts`). A month is grouped as a date and named after grouping (one
 * `strftime` a month, not one a case).
 */
function casesFromCells(
  slice: Slice,
  by: Grouping,
  caseKey: string,
  maxPerson: number,
): { sql: string; params: Param[] } {
  // A month is grouped as a number (year × 12 + month: half the work of truncating each case's day
  // to a date) and written as yyyy-MM once grouped.
  const byMonth = by === 'month';
  const monthNo = (day: string) => `year(${day}) * 12 + month(${day})`;
  const cell = byMonth ? ([monthNo('a.month'), monthNo('a.month')] as const) : keys(by, slice, 'a.month').c;
  const wc = where(slice, 'a.period_day');
  return cubeCasesCte(
    cubeSources(slice, by, where),
    {
      key: cell[0],
      label: cell[1],
      ...(byMonth ? { format: (e: string) => `printf('%04d-%02d', (${e} - 1) // 12, (${e} - 1) % 12 + 1)` } : {}),
    },
    {
      sql: `SELECT ${byMonth ? monthNo('a.period_day') : caseKey} AS key, ${peopleCount(by, slice, maxPerson)} AS people
              FROM case_fact a WHERE ${wc.sql} GROUP BY 1`,
      params: wc.params,
    },
  );
}

/**
 * Sums of every indicator per cell: cases and ratings grouped alike, then joined on the key. With
 * `cube`, the case sums come from the pre-aggregated cells (`cube-sql.ts`, DuckDB) and only distinct
 * people from the cases; without, everything from the cases (ClickHouse, and the check of the cells).
 */
export function cellsSql(
  slice: Slice,
  by: Grouping,
  opts: { cube?: { maxPerson: number } } = {},
): { sql: string; params: Param[] } {
  const k = keys(by, slice);
  const wc = where(slice, 'a.period_day');
  const wr = where(slice, 'a.rated_on');
  const other = otherCells(slice, by);
  const cases = opts.cube ? casesFromCells(slice, by, k.c[0], opts.cube.maxPerson) : casesFromRows(k.c, wc);
  const sql = `
    WITH ${cases.sql},
    rs AS (
      SELECT ${k.r[0]} AS key, any_value(${k.r[1]}) AS label,
             count(*)::INTEGER AS ratings,
             count(DISTINCT a.person_key)::INTEGER AS raters,
             count(*) FILTER (WHERE a.level >= 3)::INTEGER AS "goodRatings",
             count(*) FILTER (WHERE a.level <= 2)::INTEGER AS "badRatings",
             round(avg(a.level), 2)::DOUBLE AS "avgRating"
        FROM rating a LEFT JOIN case_fact f ON f.case_id = a.case_id
       WHERE a.status <> 'removed' AND ${wr.sql} GROUP BY 1),
    ${other.sql},
    keys AS (SELECT key FROM cs UNION SELECT key FROM rs UNION SELECT key FROM cm UNION SELECT key FROM lu
             UNION SELECT key FROM sr)
    SELECT k.key, coalesce(cs.label, rs.label, cm.label, lu.label, sr.label, k.key) AS label,
           coalesce(cs.people, 0) AS people, coalesce(cs.filed, 0) AS filed, coalesce(cs.accepted, 0) AS accepted,
           coalesce(cs.completed, 0) AS completed, coalesce(cs.approved, 0) AS approved, coalesce(cs.refused, 0) AS refused,
           coalesce(cs."notAccepted", 0) AS "notAccepted", coalesce(cs."onTimePromised", 0) AS "onTimePromised",
           coalesce(cs."onTimeLegal", 0) AS "onTimeLegal", coalesce(cs."legalKnown", 0) AS "legalKnown",
           cs."avgWorkingDays", cs."p90WorkingDays", coalesce(cs.immediate, 0) AS immediate,
           coalesce(cs."fullyOnline", 0) AS "fullyOnline", coalesce(cs.supplemented, 0) AS supplemented,
           coalesce(cs."materialsSaved", 0) AS "materialsSaved", coalesce(cs."visitsSaved", 0) AS "visitsSaved",
           coalesce(cs."savedCases", 0) AS "savedCases",
           coalesce(rs.ratings, 0) AS ratings, coalesce(rs.raters, 0) AS raters,
           coalesce(rs."goodRatings", 0) AS "goodRatings", coalesce(rs."badRatings", 0) AS "badRatings", rs."avgRating",
           coalesce(cm.complaints, 0) AS complaints, coalesce(cm."complaintsAnswered", 0) AS "complaintsAnswered",
           coalesce(cm."complaintsOnTime", 0) AS "complaintsOnTime", coalesce(lu."licenseUses", 0) AS "licenseUses",
           coalesce(sr."sharingReads", 0) AS "sharingReads"
      FROM keys k LEFT JOIN cs ON cs.key = k.key LEFT JOIN rs ON rs.key = k.key LEFT JOIN cm ON cm.key = k.key
           LEFT JOIN lu ON lu.key = k.key LEFT JOIN sr ON sr.key = k.key
     ORDER BY 1`;
  return { sql, params: [...cases.params, ...wr.params, ...other.params] };
}

/**
 * For an item's slice, the condition (after the slice's own, with its parameter) that keeps a step
 * or task table to the item's rows before they are joined to their cases: the item is on each row,
 * so the join builds on the item's few thousand cases, not on all.
 */
export function ownRows(slice: Slice): { sql: (alias: string) => string; params: Param[] } {
  const item = slice.itemCode;
  return item ? { sql: (alias) => `AND ${alias}.item_code = ?`, params: [item] } : { sql: () => '', params: [] };
}

/**
 * The rows of a step or task table (alias `alias`) in a slice, with their cases as `a`: for a slice
 * of one item and nothing else, the table's own rows of the item, no join (each row carries it).
 */
function ofSlice(slice: Slice, table: 'case_step' | 'task_fact', alias: string) {
  const own = ownRows(slice);
  const onlyItem = Object.entries(slice).every(([k, v]) => k === 'itemCode' || v === undefined) && slice.itemCode;
  if (onlyItem)
    return { from: `${table} ${alias}`, where: `${alias}.item_code = ?`, params: [slice.itemCode!] as Param[] };
  const w = where(slice, 'a.period_day');
  return {
    from: `${table} ${alias} JOIN case_fact a ON a.case_id = ${alias}.case_id`,
    where: `${w.sql} ${own.sql(alias)}`,
    params: [...w.params, ...own.params],
  };
}

/** 堵点: the cases of a slice, the dwell of each step, the directly-follows counts and 补正 rounds. */
export function bottleneckSql(slice: Slice) {
  const w = where(slice, 'a.period_day');
  const q = (sql: string) => ({ sql, params: w.params });
  const tasks = ofSlice(slice, 'task_fact', 't');
  const steps = ofSlice(slice, 'case_step', 's');
  return {
    head: q(`SELECT count(*)::INTEGER AS cases, count(DISTINCT a.person_key)::INTEGER AS people,
                    coalesce(sum(a.returns), 0)::INTEGER AS returns
               FROM case_fact a WHERE ${w.sql}`),
    steps: {
      sql: `SELECT t.name, t.department_id AS "departmentId", count(*)::INTEGER AS tasks,
                     count(*) FILTER (WHERE t.completed_on IS NULL)::INTEGER AS open,
                     round(avg(t.working_days), 2)::DOUBLE AS "avgWorkingDays",
                     quantile_disc(t.working_days, 0.9)::INTEGER AS "p90WorkingDays",
                     max(t.working_days)::INTEGER AS "maxWorkingDays",
                     count(*) FILTER (WHERE t.working_days > t.limit_days)::INTEGER AS "overLimit",
                     round(avg(t.waiting_days), 2)::DOUBLE AS "avgWaitingDays"
                FROM ${tasks.from} WHERE ${tasks.where} GROUP BY 1, 2 ORDER BY 4 DESC NULLS LAST, 1`,
      params: tasks.params,
    },
    parallel: {
      sql: `SELECT t.department_id AS "departmentId", count(*)::INTEGER AS tasks,
                     count(*) FILTER (WHERE t.parallel_held_days > 0)::INTEGER AS "heldOthers",
                     round(avg(t.parallel_held_days) FILTER (WHERE t.parallel_held_days > 0), 2)::DOUBLE AS "avgHeldDays",
                     round(avg(t.parallel_wait_days), 2)::DOUBLE AS "avgWaitedDays"
                FROM ${tasks.from} WHERE ${tasks.where} AND t.parallel_wait_days IS NOT NULL
               GROUP BY 1 ORDER BY 3 DESC, 4 DESC NULLS LAST, 1`,
      params: tasks.params,
    },
    follows: {
      sql: `SELECT s.type AS "from", s.next AS "to", count(*)::INTEGER AS count
                  FROM (SELECT s.type, lead(s.type) OVER (PARTITION BY s.case_id ORDER BY s.seq) AS next
                          FROM ${steps.from} WHERE ${steps.where}) s
                 WHERE s.next IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      params: steps.params,
    },
    rounds: q(`SELECT a.supplement_rounds AS rounds, count(*)::INTEGER AS cases
                 FROM case_fact a WHERE ${w.sql} GROUP BY 1 ORDER BY 1`),
  };
}
