/**
 * The analytics store in ClickHouse (`ANALYTICS_STORE=clickhouse`, `CLICKHOUSE_URL`): for a province
 * whose API nodes share one store. Each fact table is a `ReplacingMergeTree` ordered by its key with
 * a `version` column (the change's watermark), read with `FINAL`; `apply` inserts the change's rows
 * and deletes the older steps and tasks of its cases. The questions are the DuckDB store's SQL
 * translated by `clickhouse-sql.ts`. ClickHouse has no multi-statement transaction: a change is
 * written rows first, watermark last, so a failure leaves the watermark behind and the events are
 * delivered again (applying twice is harmless).
 */
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type {
  AnalyticsStore,
  BottleneckSums,
  CellSums,
  DemandSlice,
  DemandSums,
  Grouping,
  ProcessSums,
  Slice,
  StoreChange,
} from './analytics-store.js';
import { KEYS, SCHEMA, TABLES, bottleneckSql, cellsSql, rowsOf } from './store-sql.js';
import { demandSql } from './demand-sql.js';
import { processSql } from './process-sql.js';
import { toClickHouse } from './clickhouse-sql.js';

type Param = string | number | boolean | null;
type Table = keyof typeof TABLES;

const TYPES: Record<string, string> = {
  VARCHAR: 'String',
  DATE: 'Date',
  INTEGER: 'Int32',
  BIGINT: 'Int64',
  BOOLEAN: 'Bool',
  DOUBLE: 'Float64',
};

/** The ClickHouse DDL of the store's tables, derived from the DuckDB schema (one definition of the columns). */
export function clickHouseSchema(): string[] {
  const ddl = SCHEMA.join('\n');
  const tables = Object.entries(TABLES).map(([table, columns]) => {
    const defs = columns.map((c) => {
      const m = new RegExp(`\\b${c} (VARCHAR|DATE|INTEGER|BIGINT|BOOLEAN|DOUBLE)( NOT NULL| PRIMARY KEY)?`).exec(ddl);
      if (!m) throw new Error(`no type for ${table}.${c}`);
      const type = TYPES[m[1]!]!;
      return `${c} ${m[2] ? type : `Nullable(${type})`}`;
    });
    return `CREATE TABLE IF NOT EXISTS ${table} (${defs.join(', ')}, version UInt64)
      ENGINE = ReplacingMergeTree(version) ORDER BY (${KEYS[table as Table].join(', ')})`;
  });
  return [
    ...tables,
    `CREATE TABLE IF NOT EXISTS meta (key String, value Int64) ENGINE = ReplacingMergeTree(value) ORDER BY key`,
  ];
}

export class ClickHouseStore implements AnalyticsStore {
  readonly engine = 'clickhouse' as const;

  private constructor(private readonly client: ClickHouseClient) {}

  static async open(url: string): Promise<ClickHouseStore> {
    const client = createClient({ url, clickhouse_settings: { join_use_nulls: 1 } });
    for (const statement of clickHouseSchema()) await client.command({ query: statement });
    return new ClickHouseStore(client);
  }

  async #rows<T>(sql: string, params: Param[] = []): Promise<T[]> {
    const { query, params: query_params } = toClickHouse(sql, params);
    const result = await this.client.query({ query, query_params, format: 'JSONEachRow' });
    return (await result.json()) as T[];
  }

  async #insert(table: Table, rows: Record<string, Param>[], version: number): Promise<void> {
    if (rows.length === 0) return;
    await this.client.insert({ table, values: rows.map((r) => ({ ...r, version })), format: 'JSONEachRow' });
  }

  async apply(change: StoreChange): Promise<void> {
    const { cases, steps, tasks } = rowsOf(change);
    const version = change.watermark;
    const ids = cases.map((c) => String(c.case_id));
    if (ids.length)
      for (const table of ['case_step', 'task_fact'])
        await this.client.command({
          query: `DELETE FROM ${table} WHERE case_id IN {ids:Array(String)} AND version < {version:UInt64}`,
          query_params: { ids, version },
        });
    await this.#insert('case_fact', cases, version);
    await this.#insert('case_step', steps, version);
    await this.#insert('task_fact', tasks, version);
    await this.#insert('rating', change.ratings.map(rowsOf.rating), version);
    await this.#insert('search_fact', (change.searches ?? []).map(rowsOf.search), version);
    await this.#insert('search_click', (change.clicks ?? []).map(rowsOf.click), version);
    await this.#insert('complaint_fact', (change.complaints ?? []).map(rowsOf.complaint), version);
    await this.#insert('license_use', (change.licenseUses ?? []).map(rowsOf.licenseUse), version);
    await this.#insert('sharing_read', (change.sharingReads ?? []).map(rowsOf.sharingRead), version);
    await this.client.insert({ table: 'meta', values: [{ key: 'watermark', value: version }], format: 'JSONEachRow' });
  }

  async watermark(): Promise<number> {
    const [row] = await this.#rows<{ value: string }>(`SELECT max(value) AS value FROM meta WHERE key = 'watermark'`);
    return row ? Number(row.value) : 0;
  }

  cells(slice: Slice, by: Grouping): Promise<CellSums[]> {
    const { sql, params } = cellsSql(slice, by);
    return this.#rows<CellSums>(sql, params);
  }

  async bottlenecks(slice: Slice): Promise<BottleneckSums> {
    const q = bottleneckSql(slice);
    const [head] = await this.#rows<{ cases: number; people: number; returns: number }>(q.head.sql, q.head.params);
    return {
      cases: head?.cases ?? 0,
      people: head?.people ?? 0,
      returns: head?.returns ?? 0,
      steps: await this.#rows(q.steps.sql, q.steps.params),
      parallel: await this.#rows(q.parallel.sql, q.parallel.params),
      follows: await this.#rows(q.follows.sql, q.follows.params),
      supplementRounds: await this.#rows(q.rounds.sql, q.rounds.params),
    };
  }

  /** The directly-follows graph; its SQL is DuckDB's (`process-sql.ts`), translated like the rest. */
  async process(slice: Slice, types: readonly string[]): Promise<ProcessSums> {
    const q = processSql(slice, types);
    const [head] = await this.#rows<{ cases: number; people: number }>(q.head.sql, q.head.params);
    return {
      cases: head?.cases ?? 0,
      people: head?.people ?? 0,
      edges: await this.#rows(q.edges.sql, q.edges.params),
      days: await this.#rows(q.days.sql, q.days.params),
      heat: await this.#rows(q.heat.sql, q.heat.params),
    };
  }

  async demand(slice: DemandSlice, opts: { minPeople: number; limit: number }): Promise<DemandSums> {
    const q = demandSql(slice, opts);
    const [totals] = await this.#rows<DemandSums['totals']>(q.totals.sql, q.totals.params);
    return {
      totals: totals!,
      top: await this.#rows(q.top.sql, q.top.params),
      zeroResult: await this.#rows(q.zeroResult.sql, q.zeroResult.params),
      noClick: await this.#rows(q.noClick.sql, q.noClick.params),
      ledToApplication: await this.#rows(q.ledToApplication.sql, q.ledToApplication.params),
      viewedNotApplied: await this.#rows(q.viewedNotApplied.sql, q.viewedNotApplied.params),
      travel: await this.#rows(q.travel.sql, q.travel.params),
    };
  }

  async dump(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const [table, columns] of Object.entries(TABLES))
      out[table] = await this.#rows(`SELECT ${columns.join(', ')} FROM ${table} FINAL ORDER BY ${columns.join(', ')}`);
    return out;
  }

  async clear(): Promise<void> {
    for (const table of [...Object.keys(TABLES), 'meta'])
      await this.client.command({ query: `TRUNCATE TABLE ${table}` });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
