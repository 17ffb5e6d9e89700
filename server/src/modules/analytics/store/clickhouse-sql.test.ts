/**
 * The store's questions in ClickHouse's dialect, checked where no ClickHouse server runs: the
 * translation of `FILTER`, percentiles, string and date functions, `FINAL` reads and parameters.
 */
import { describe, expect, it } from 'vitest';
import { toClickHouse } from './clickhouse-sql.js';
import { clickHouseSchema } from './clickhouse-store.js';
import { bottleneckSql, cellsSql } from './store-sql.js';
import { processSql } from './process-sql.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the ClickHouse translation of the store SQL', () => {
  it('turns aggregate FILTERs, nested ones too, into -If combinators', () => {
    const sql = `SELECT count(*) FILTER (WHERE a.outcome IN ('approved', 'refused'))::INTEGER AS completed,
      round(avg(a.working_days) FILTER (WHERE a.outcome IN ('approved', 'refused')), 2)::DOUBLE AS avg,
      quantile_disc(a.working_days, 0.9) FILTER (WHERE a.x > (1 + 2))::INTEGER AS p90,
      quantile_disc(t.working_days, 0.9)::INTEGER AS p, any_value(a.item_name) AS label
      FROM case_fact a WHERE starts_with(a.region_code, ?) AND a.period_day >= CAST(? AS DATE)
        AND strftime(a.period_day, '%Y-%m') = ? AND a.immediate = ? AND a.returns > ?`;
    expect(squash(toClickHouse(sql, ['52', '2026-01-01', '2026-01', true, 2]).query)).toBe(
      squash(`SELECT countIf(a.outcome IN ('approved', 'refused'))::INTEGER AS completed,
      round(avgIf(a.working_days, a.outcome IN ('approved', 'refused')), 2)::DOUBLE AS avg,
      quantileExactHighIf(0.9)(a.working_days, a.x > (1 + 2))::INTEGER AS p90,
      quantileExactHigh(0.9)(t.working_days)::INTEGER AS p, any(a.item_name) AS label
      FROM case_fact AS a FINAL WHERE startsWith(a.region_code, {p0:String}) AND a.period_day >= CAST({p1:String} AS DATE)
        AND formatDateTime(a.period_day, '%Y-%m') = {p2:String} AND a.immediate = {p3:Bool} AND a.returns > {p4:Int64}`),
    );
    expect(toClickHouse(sql, ['52', '2026-01-01', '2026-01', true, 2]).params).toEqual({
      p0: '52',
      p1: '2026-01-01',
      p2: '2026-01',
      p3: true,
      p4: 2,
    });
  });

  it('leaves no DuckDB-only construct in the indicators and 堵点 questions', () => {
    const cells = cellsSql({ regionPrefix: '5201', departmentIds: ['d1', 'd2'], from: '2026-01-01' }, 'month');
    const { query, params } = toClickHouse(cells.sql, cells.params);
    expect(query).not.toMatch(/FILTER|quantile_disc|starts_with|strftime|any_value|\?/);
    expect(query).toContain('FROM case_fact AS a FINAL');
    expect(query).toContain('LEFT JOIN case_fact AS f FINAL ON f.case_id = a.case_id');
    expect(Object.keys(params)).toHaveLength(cells.params.length);
    const follows = bottleneckSql({ itemCode: 'X', regionPrefix: '52' }).follows;
    expect(squash(toClickHouse(follows.sql, follows.params).query)).toContain(
      'lead(s.type) OVER (PARTITION BY s.case_id ORDER BY s.seq) AS next FROM case_step AS s FINAL JOIN case_fact AS a FINAL',
    );
    // An item's 堵点 and nothing else reads the item's own steps, without their cases.
    const own = bottleneckSql({ itemCode: 'X' }).follows;
    expect(squash(toClickHouse(own.sql, own.params).query)).toContain(
      'AS next FROM case_step AS s FINAL WHERE s.item_code = {p0:String})',
    );
  });

  it('leaves no DuckDB-only construct in the directly-follows graph and the step heat map', () => {
    const q = processSql({ itemCode: 'X', regionPrefix: '5201' }, ['submitted', 'accepted', 'approved']);
    for (const part of [q.head, q.edges, q.days, q.heat]) {
      const { query, params } = toClickHouse(part.sql, part.params);
      expect(query).not.toMatch(/FILTER|quantile_disc|starts_with|strftime|any_value|epoch_ms|\?/);
      expect(Object.keys(params)).toHaveLength(part.params.length);
    }
  });

  it('refuses a statement whose placeholders and values disagree', () => {
    expect(() => toClickHouse('SELECT ?', [])).toThrow(/placeholders/);
  });

  it('makes each fact table a ReplacingMergeTree on its key, versioned by the watermark', () => {
    const schema = clickHouseSchema().map(squash);
    expect(schema).toContainEqual(
      expect.stringMatching(
        /^CREATE TABLE IF NOT EXISTS case_step \(case_id String, seq Int32, event_id Int64, type String, at_ms Int64, item_code String, version UInt64\) ENGINE = ReplacingMergeTree\(version\) ORDER BY \(case_id, seq\)$/,
      ),
    );
    expect(schema.find((s) => s.includes('TABLE IF NOT EXISTS case_fact'))).toContain('accepted_on Nullable(Date)');
    expect(schema.find((s) => s.includes('TABLE IF NOT EXISTS case_fact'))).toContain('home_region Nullable(String)');
  });
});
