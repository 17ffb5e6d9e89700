/**
 * 需求分析 as DuckDB SQL over `search_fact`, `search_click` and `case_fact`. A person is counted
 * by their analytics key when signed in, else by the session key (a hash of the client address);
 * a query is listed only when at least `minPeople` of them asked it. The top list counts searches
 * that found something.
 */
import type { DemandSlice } from './analytics-store.js';

type Param = string | number | boolean | null;

/** Who a search counts as: the signed-in person, else the session. */
const WHO = 'coalesce(s.person_key, s.session_key)';

/**
 * A search led to an application: a result opened from it, and a case of that item filed by the
 * same person (signed in at the search or at the click) on the search's day or the next.
 */
const LED = `EXISTS (SELECT 1 FROM search_click c JOIN case_fact f ON f.item_code = c.item_code
                      AND f.person_key = coalesce(s.person_key, c.person_key)
                      AND f.filed_on BETWEEN s.day AND s.day + 1
                     WHERE c.search_id = s.search_id)`;
const CLICKED = 'EXISTS (SELECT 1 FROM search_click c WHERE c.search_id = s.search_id)';

function searchWhere(slice: DemandSlice): { sql: string; params: Param[] } {
  const conds = ['true'];
  const params: Param[] = [];
  if (slice.regionPrefix) {
    // A search for no region (anonymous, no household known) counts for the province only.
    conds.push('(starts_with(s.region_code, ?) OR (s.region_code IS NULL AND length(?) <= 2))');
    params.push(slice.regionPrefix, slice.regionPrefix);
  }
  withinPeriod('s.day', slice, conds, params);
  return { sql: conds.join(' AND '), params };
}

/** Adds the slice's period (`from`, `to`, both inclusive) on a DATE column to the conditions. */
function withinPeriod(column: string, slice: DemandSlice, conds: string[], params: Param[]): void {
  if (slice.from) {
    conds.push(`${column} >= CAST(? AS DATE)`);
    params.push(slice.from);
  }
  if (slice.to) {
    conds.push(`${column} <= CAST(? AS DATE)`);
    params.push(slice.to);
  }
}

/** A list of queries: `count` is what the list is about (a FILTER condition on search `s`). */
function queryList(w: { sql: string; params: Param[] }, counted: string, minPeople: number, limit: number) {
  return {
    sql: `SELECT s.query, count(*)::INTEGER AS searches, count(DISTINCT ${WHO})::INTEGER AS people,
                 count(*) FILTER (WHERE ${counted})::INTEGER AS count
            FROM search_fact s WHERE ${w.sql}
           GROUP BY s.query
          HAVING count(*) FILTER (WHERE ${counted}) > 0 AND count(DISTINCT ${WHO}) >= ?
           ORDER BY count DESC, people DESC, s.query LIMIT ?`,
    params: [...w.params, minPeople, limit],
  };
}

export function demandSql(slice: DemandSlice, opts: { minPeople: number; limit: number }) {
  const w = searchWhere(slice);
  const caseConds = ['true'];
  const caseParams: Param[] = [];
  if (slice.regionPrefix) {
    caseConds.push('(starts_with(f.region_code, ?) OR starts_with(f.home_region, ?))');
    caseParams.push(slice.regionPrefix, slice.regionPrefix);
  }
  withinPeriod('f.filed_on', slice, caseConds, caseParams);
  const caseWhere = caseConds.join(' AND ');
  return {
    totals: {
      sql: `SELECT count(*)::INTEGER AS searches, count(DISTINCT ${WHO})::INTEGER AS people,
                   count(*) FILTER (WHERE s.results = 0)::INTEGER AS "zeroResult",
                   count(*) FILTER (WHERE ${CLICKED})::INTEGER AS clicked,
                   count(*) FILTER (WHERE ${LED})::INTEGER AS "ledToApplication"
              FROM search_fact s WHERE ${w.sql}`,
      params: w.params,
    },
    top: queryList(w, 's.results > 0', opts.minPeople, opts.limit),
    zeroResult: queryList(w, 's.results = 0', opts.minPeople, opts.limit),
    noClick: queryList(w, `s.results > 0 AND NOT ${CLICKED}`, opts.minPeople, opts.limit),
    ledToApplication: queryList(w, LED, opts.minPeople, opts.limit),
    // Views: results opened from the slice's searches; online: the item's cases filed online in the period.
    viewedNotApplied: {
      sql: `WITH v AS (
              SELECT c.item_code, count(*)::INTEGER AS views, count(DISTINCT ${WHO})::INTEGER AS people
                FROM search_click c JOIN search_fact s ON s.search_id = c.search_id
               WHERE ${w.sql} GROUP BY 1 HAVING count(DISTINCT ${WHO}) >= ?),
            o AS (
              SELECT v.item_code, any_value(f.item_name) AS item_name,
                     count(f.case_id) FILTER (WHERE f.channel = 'online')::INTEGER AS online
                FROM v LEFT JOIN case_fact f ON f.item_code = v.item_code AND ${caseWhere}
               GROUP BY 1)
            SELECT v.item_code AS "itemCode", o.item_name AS "itemName", v.views, v.people, o.online
              FROM v JOIN o ON o.item_code = v.item_code
             ORDER BY o.online::DOUBLE / v.views, v.views DESC, v.item_code LIMIT ?`,
      params: [...w.params, opts.minPeople, ...caseParams, opts.limit],
    },
    // 跨县办理: a county's implementation applied for by people whose household is in another county.
    travel: {
      sql: `SELECT left(f.home_region, 6) AS "fromRegion", left(f.region_code, 6) AS "toRegion",
                   count(*)::INTEGER AS cases, count(DISTINCT f.person_key)::INTEGER AS people
              FROM case_fact f
             WHERE f.home_region IS NOT NULL AND length(f.region_code) >= 6
               AND left(f.home_region, 6) <> left(f.region_code, 6) AND ${caseWhere}
             GROUP BY 1, 2 ORDER BY cases DESC, 1, 2 LIMIT ?`,
      params: [...caseParams, opts.limit],
    },
  };
}
