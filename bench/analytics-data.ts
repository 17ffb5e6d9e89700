/**
 * The synthetic province of `npm run bench:analytics`, generated inside DuckDB from a seed: 9 cities
 * × 10 counties, 20 departments a county, 400 items, 800,000 people, two years of cases. Each case
 * becomes its rows in the analytics store's own shape (`case_fact`, `case_step`, `task_fact`: what
 * the feed's `apply` writes) and its raw events (`raw_event`: one row per case event, with the
 * case's attributes, as a raw event log would carry them) for the peers that scan events.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** Pseudo-random 0..m-1 from the case number and the seed (a multiplicative hash: same seed, same province). */
const rnd = (salt: number, m: number, seed: number) =>
  `CAST(((g * ${2654435761 + salt * 40503} + ${seed * 97 + salt}) % 4294967291) % ${m} AS INTEGER)`;

/** The event types of a case by its outcome (the case's event log as the cases module writes it). */
const PATHS = `CASE
  WHEN o = 'not_accepted' THEN ['submitted', 'not-accepted']
  WHEN o IS NULL THEN ['submitted', 'accepted', 'stage-opened', 'task-opened']
  WHEN rounds > 0 THEN ['submitted', 'supplement-requested', 'supplemented', 'accepted', 'stage-opened', 'task-opened',
                        'task-completed', 'stage-completed', o, 'delivered']
  ELSE ['submitted', 'accepted', 'stage-opened', 'task-opened', 'task-completed', 'stage-completed', o, 'delivered'] END`;

/** A case's attributes by its number `g`. */
export function caseSelect(from: number, to: number, seed: number): string {
  return `
    SELECT g, 'c' || g AS case_id,
           '52' || lpad((1 + ${rnd(1, 9, seed)})::VARCHAR, 2, '0') || lpad((1 + ${rnd(2, 10, seed)})::VARCHAR, 2, '0') AS region_code,
           ${rnd(3, 20, seed)} AS dept_no, ${rnd(4, 400, seed)} AS item_no,
           CASE WHEN ${rnd(5, 10, seed)} < 7 THEN 'online' ELSE 'window' END AS channel,
           'p' || ${rnd(6, 800000, seed)} AS person_key,
           DATE '2025-01-01' + (${rnd(7, 700, seed)})::INTEGER AS filed_on,
           CASE WHEN ${rnd(8, 100, seed)} < 3 THEN 'not_accepted' WHEN ${rnd(8, 100, seed)} < 10 THEN NULL
                WHEN ${rnd(8, 100, seed)} < 15 THEN 'refused' ELSE 'approved' END AS o,
           CASE WHEN ${rnd(9, 10, seed)} = 0 THEN 1 + ${rnd(10, 2, seed)} ELSE 0 END AS rounds,
           1 + ${rnd(11, 25, seed)} AS wd
      FROM range(${from}, ${to}) t(g)`;
}

/** Writes cases `from` ≤ g < `to` into the store's tables and `raw_event`. */
export async function generateCases(conn: DuckDBConnection, from: number, to: number, seed: number): Promise<number> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE gen AS
    SELECT *, region_code || '-d' || dept_no AS department_id, 'I' || lpad(item_no::VARCHAR, 5, '0') AS item_code,
           filed_on + CASE WHEN o = 'not_accepted' THEN NULL ELSE 1 END AS accepted_on,
           CASE WHEN o IN ('approved', 'refused') THEN filed_on + 1 + wd + wd // 5 * 2 END AS decided_on,
           ${PATHS} AS types
      FROM (${caseSelect(from, to, seed)})`);
  await conn.run(`INSERT INTO case_fact (case_id, item_code, item_name, region_code, department_id, department_name, channel,
      person_key, status, filed_on, accepted_on, decided_on, period_day, outcome, working_days, paused_days, promised_days,
      legal_days, on_time_promised, on_time_legal, immediate, fully_online, supplement_rounds, returns, materials_saved,
      visits_saved, visits_needed, home_region)
    SELECT case_id, item_code, '事项' || item_no, region_code, department_id, '部门' || dept_no, channel, person_key,
           coalesce(o, 'in_progress'), filed_on, accepted_on, decided_on, coalesce(accepted_on, filed_on), o,
           CASE WHEN decided_on IS NOT NULL THEN wd END, 0, 15, 20,
           CASE WHEN decided_on IS NOT NULL THEN wd <= 15 END, CASE WHEN decided_on IS NOT NULL THEN wd <= 20 END,
           item_no % 7 = 0, channel = 'online' AND item_no % 3 = 0, rounds, 0, item_no % 4, item_no % 2, item_no % 3,
           CASE WHEN g % 11 = 0 THEN '520' || (g % 9 + 1) || '02' ELSE region_code END
      FROM gen`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE gen_step AS
    SELECT g, case_id, region_code, department_id, item_code, channel, person_key, o, wd, filed_on, decided_on,
           generate_subscripts(types, 1) AS seq, unnest(types) AS type
      FROM gen`);
  await conn.run(`INSERT INTO case_step (case_id, seq, event_id, type, at_ms, item_code)
    SELECT case_id, seq, g * 16 + seq, type, epoch_ms(filed_on::TIMESTAMP) + seq * 3600000, item_code FROM gen_step`);
  await conn.run(`INSERT INTO task_fact (case_id, task_id, item_code, name, department_id, opened_on, completed_on,
      working_days, limit_days, status)
    SELECT case_id, 't' || g, item_code, ['受理审查', '现场核查', '审批决定'][1 + g % 3], department_id, accepted_on,
           decided_on, CASE WHEN decided_on IS NOT NULL THEN wd END, 10, CASE WHEN decided_on IS NULL THEN 'open' ELSE 'done' END
      FROM gen WHERE accepted_on IS NOT NULL`);
  await conn.run(`INSERT INTO raw.raw_event
    SELECT g * 16 + seq, case_id, seq, type,
           CASE WHEN type IN ('approved', 'refused', 'delivered') THEN decided_on ELSE filed_on + (seq > 1)::INTEGER END,
           region_code, department_id, item_code, channel, person_key,
           CASE WHEN type IN ('approved', 'refused') THEN wd END, 15
      FROM gen_step`);
  const reader = await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM gen_step');
  return Number(reader.getRowObjectsJson()[0]!.n);
}

export const RAW_EVENT = `CREATE TABLE IF NOT EXISTS raw.raw_event (event_id BIGINT, case_id VARCHAR, seq INTEGER, type VARCHAR,
  day DATE, region_code VARCHAR, department_id VARCHAR, item_code VARCHAR, channel VARCHAR, person_key VARCHAR,
  working_days INTEGER, promised_days INTEGER)`;

/** The dashboard's questions over raw events, one case at a time first: what the store's `case_fact` saves. */
export function rawCellsSql(
  dialect: 'duckdb' | 'postgres',
  q: { region: string; from?: string; to?: string; by: 'region' | 'month' | 'department' | 'item' },
): string {
  const key = {
    region: `left(c.r, ${q.region.length + 2})`,
    month: dialect === 'duckdb' ? `strftime(c.period_day, '%Y-%m')` : `to_char(c.period_day, 'YYYY-MM')`,
    department: 'c.d',
    item: 'c.i',
  }[q.by];
  const period = [
    q.from ? `c.period_day >= DATE '${q.from}'` : 'true',
    q.to ? `c.period_day <= DATE '${q.to}'` : 'true',
  ];
  return `
    WITH c AS (
      SELECT case_id, min(region_code) AS r, min(department_id) AS d, min(item_code) AS i, min(person_key) AS p,
             coalesce(min(day) FILTER (WHERE type = 'accepted'), min(day)) AS period_day,
             bool_or(type = 'accepted') AS accepted, bool_or(type IN ('approved', 'refused')) AS completed,
             max(working_days) AS wd, max(promised_days) AS pd, bool_or(type = 'supplement-requested') AS supplemented
        FROM raw_event WHERE region_code LIKE '${q.region}%' GROUP BY case_id)
    SELECT ${key} AS key, count(DISTINCT c.p) AS people, count(*) AS filed, count(*) FILTER (WHERE c.accepted) AS accepted,
           count(*) FILTER (WHERE c.completed) AS completed,
           count(*) FILTER (WHERE c.completed AND c.wd <= c.pd) AS on_time,
           round(avg(c.wd) FILTER (WHERE c.completed), 2) AS avg_wd,
           count(*) FILTER (WHERE c.supplemented) AS supplemented
      FROM c WHERE ${period.join(' AND ')} GROUP BY 1 ORDER BY 1`;
}

/** 堵点 of an item over raw events: the directly-follows counts and cases by 补正 rounds. */
export function rawBottleneckSql(itemCode: string): string[] {
  return [
    `SELECT type AS "from", next AS "to", count(*) AS count
       FROM (SELECT type, lead(type) OVER (PARTITION BY case_id ORDER BY seq) AS next
               FROM raw_event WHERE item_code = '${itemCode}') s
      WHERE next IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    `SELECT rounds, count(*) AS cases FROM (
       SELECT case_id, count(*) FILTER (WHERE type = 'supplement-requested') AS rounds
         FROM raw_event WHERE item_code = '${itemCode}' GROUP BY case_id) s GROUP BY 1 ORDER BY 1`,
  ];
}
