/**
 * The analytics store in DuckDB, embedded: one file under DATA_DIR (`analytics.duckdb`, next to
 * PGlite's data) or in memory for tests. Writes go one at a time through a queue (one connection);
 * a change is one DuckDB transaction, so the watermark never runs ahead of the rows.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
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
import { SCHEMA, TABLES, bottleneckSql, cellsSql, rowsOf } from './store-sql.js';
import { demandSql } from './demand-sql.js';
import { processSql } from './process-sql.js';

type Param = string | number | boolean | null;

export class DuckDbStore implements AnalyticsStore {
  readonly engine = 'duckdb' as const;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  /** Opens (and creates when missing) the store at `path`; `:memory:` for a throwaway one. */
  static async open(path: string): Promise<DuckDbStore> {
    // The data directory exists when PGlite made it; on a PostgreSQL server nothing else creates it.
    if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    for (const statement of SCHEMA) await conn.run(statement);
    return new DuckDbStore(instance, conn);
  }

  /** Runs `work` after everything queued before it (DuckDB transactions on one connection do not nest). */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #rows<T>(sql: string, params: Param[] = []): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjectsJson() as T[];
  }

  async #insert(table: string, rows: Record<string, Param>[]): Promise<void> {
    const columns = TABLES[table as keyof typeof TABLES];
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      await this.conn.run(
        `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
        chunk.flatMap((r) => columns.map((c) => r[c] ?? null)) as DuckDBValue[],
      );
    }
  }

  apply(change: StoreChange): Promise<void> {
    return this.#serial(async () => {
      await this.conn.run('BEGIN TRANSACTION');
      try {
        const ids = change.cases.map((c) => c.record.caseId);
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          const list = chunk.map(() => '?').join(', ');
          for (const table of ['case_step', 'task_fact'])
            await this.conn.run(`DELETE FROM ${table} WHERE case_id IN (${list})`, chunk);
        }
        const { cases, steps, tasks } = rowsOf(change);
        await this.#insert('case_fact', cases);
        await this.#insert('case_step', steps);
        await this.#insert('task_fact', tasks);
        await this.#insert(
          'rating',
          change.ratings.map((r) => rowsOf.rating(r)),
        );
        await this.#insert('search_fact', (change.searches ?? []).map(rowsOf.search));
        await this.#insert('search_click', (change.clicks ?? []).map(rowsOf.click));
        await this.conn.run(
          `INSERT OR REPLACE INTO meta (key, value) VALUES ('watermark', greatest(?, coalesce((SELECT value FROM meta WHERE key = 'watermark'), 0)))`,
          [change.watermark],
        );
        await this.conn.run('COMMIT');
      } catch (e) {
        await this.conn.run('ROLLBACK');
        throw e;
      }
    });
  }

  async watermark(): Promise<number> {
    const [row] = await this.#rows<{ value: string }>(`SELECT value FROM meta WHERE key = 'watermark'`);
    return row ? Number(row.value) : 0;
  }

  cells(slice: Slice, by: Grouping): Promise<CellSums[]> {
    const { sql, params } = cellsSql(slice, by);
    return this.#serial(() => this.#rows<CellSums>(sql, params));
  }

  bottlenecks(slice: Slice): Promise<BottleneckSums> {
    return this.#serial(async () => {
      const q = bottleneckSql(slice);
      const [head] = await this.#rows<{ cases: number; people: number; returns: number }>(q.head.sql, q.head.params);
      return {
        cases: head?.cases ?? 0,
        people: head?.people ?? 0,
        returns: head?.returns ?? 0,
        steps: await this.#rows(q.steps.sql, q.steps.params),
        follows: await this.#rows(q.follows.sql, q.follows.params),
        supplementRounds: await this.#rows(q.rounds.sql, q.rounds.params),
      };
    });
  }

  process(slice: Slice, types: readonly string[]): Promise<ProcessSums> {
    return this.#serial(async () => {
      const q = processSql(slice, types);
      const [head] = await this.#rows<{ cases: number; people: number }>(q.head.sql, q.head.params);
      return {
        cases: head?.cases ?? 0,
        people: head?.people ?? 0,
        edges: await this.#rows(q.edges.sql, q.edges.params),
        days: await this.#rows(q.days.sql, q.days.params),
        heat: await this.#rows(q.heat.sql, q.heat.params),
      };
    });
  }

  demand(slice: DemandSlice, opts: { minPeople: number; limit: number }): Promise<DemandSums> {
    return this.#serial(async () => {
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
    });
  }

  dump(): Promise<Record<string, unknown[]>> {
    return this.#serial(async () => {
      const out: Record<string, unknown[]> = {};
      for (const [table, columns] of Object.entries(TABLES))
        out[table] = await this.#rows(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ALL`);
      return out;
    });
  }

  clear(): Promise<void> {
    return this.#serial(async () => {
      for (const table of [...Object.keys(TABLES), 'meta']) await this.conn.run(`DELETE FROM ${table}`);
    });
  }

  async close(): Promise<void> {
    await this.#serial(async () => undefined);
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
