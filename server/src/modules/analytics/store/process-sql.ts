/**
 * Process mining over the store: the directly-follows pairs of the control-flow events of a slice's
 * cases (with the time between them), and the dwell of each department step by month. DuckDB text;
 * a ClickHouse adapter translates `quantile_disc(x, 0.5)` to `quantileExactLow(0.5)(x)` and
 * `epoch_ms(x)` to `fromUnixTimestamp64Milli(x)`; `lead() OVER` stays.
 */
import type { Slice } from './analytics-store.js';
import { ownRows, where } from './store-sql.js';

/** Beijing date (UTC+8, no summer time since 1991) of an epoch-milliseconds column, as yyyy-MM-dd. */
const beijingDay = (ms: string) => `strftime(CAST(epoch_ms(${ms} + 28800000) AS DATE), '%Y-%m-%d')`;

export function processSql(slice: Slice, types: readonly string[]) {
  const w = where(slice, 'a.period_day');
  const list = types.map(() => '?').join(', ');
  const own = ownRows(slice);
  const params = [...w.params, ...own.params, ...types];
  const pairs = `
    WITH s AS (
      SELECT a.person_key, s.type, s.at_ms,
             lead(s.type) OVER w AS next, lead(s.at_ms) OVER w AS next_ms
        FROM case_step s JOIN case_fact a ON a.case_id = s.case_id
       WHERE ${w.sql} ${own.sql('s')} AND s.type IN (${list})
      WINDOW w AS (PARTITION BY s.case_id ORDER BY s.seq))`;
  return {
    head: {
      sql: `SELECT count(*)::INTEGER AS cases, count(DISTINCT a.person_key)::INTEGER AS people FROM case_fact a WHERE ${w.sql}`,
      params: w.params,
    },
    edges: {
      sql: `${pairs}
        SELECT type AS "from", next AS "to", count(*)::INTEGER AS count,
               count(DISTINCT person_key)::INTEGER AS people,
               quantile_disc(next_ms - at_ms, 0.5)::DOUBLE AS "medianMs"
          FROM s WHERE next IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      params,
    },
    /** The pairs by the days they happened on, for working days on the platform's calendar. */
    days: {
      sql: `${pairs}
        SELECT type AS "from", next AS "to", ${beijingDay('at_ms')} AS "fromDay", ${beijingDay('next_ms')} AS "toDay",
               count(*)::INTEGER AS n
          FROM s WHERE next IS NOT NULL GROUP BY 1, 2, 3, 4`,
      params,
    },
    heat: {
      sql: `SELECT t.name AS step, t.department_id AS "departmentId", strftime(t.opened_on, '%Y-%m') AS month,
                   count(*)::INTEGER AS tasks, count(DISTINCT a.person_key)::INTEGER AS people,
                   round(avg(t.working_days), 2)::DOUBLE AS "avgWorkingDays"
              FROM task_fact t JOIN case_fact a ON a.case_id = t.case_id
             WHERE ${w.sql} ${own.sql('t')} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      params: [...w.params, ...own.params],
    },
  };
}
