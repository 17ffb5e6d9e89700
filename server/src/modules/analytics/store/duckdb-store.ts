/**
 * The analytics store in DuckDB, embedded: one file under DATA_DIR (`analytics.duckdb`, next to
 * PGlite's data) or in memory for tests. Writes go one at a time through a queue (one connection);
 * a change is one DuckDB transaction, so the watermark never runs ahead of the rows.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type DuckDBValue,
} from '@duckdb/node-api';
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
import { NUMBER_EARLIER_PEOPLE, PEOPLE_SCHEMA } from './people-sql.js';
import {
  afterChange,
  CHANGED_TABLES,
  COMPACT,
  CUBE_SCHEMA,
  CUBE_TABLES,
  UNBUILT,
  beforeChange,
  build,
} from './cube-sql.js';

type Table = keyof typeof TABLES;
/** How staged rows are written: replacing rows of the same key, or by the key's index (ignored when present, replaced). */
type Write = 'replace' | 'ignore' | 'upsert';

/** The watermark's row, 0 until a change is applied. */
const WATERMARK_ROW = `INSERT OR IGNORE INTO meta (key, value) VALUES ('watermark', 0)`;
import { demandSql } from './demand-sql.js';
import { processSql } from './process-sql.js';

type Param = string | number | boolean | null;

/** The columns staged for a table: its own, and a case's person number (kept in DuckDB only). */
const staged = (table: Table): readonly string[] =>
  table === 'case_fact' ? [...TABLES.case_fact, 'person_no'] : TABLES[table];

/** A string as an SQL literal. */
const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;

export class DuckDbStore implements AnalyticsStore {
  readonly engine = 'duckdb' as const;
  #queue: Promise<unknown> = Promise.resolve();
  /** Rows of `case_cell` when last folded, and delta rows appended since (counted from the changed cases). */
  #foldedRows = 0;
  #deltaRows = 0;
  /** The highest person number given (`people-sql.ts`). */
  #maxPerson = 0;
  /** Prepared questions by their text, least recently used first. */
  readonly #statements = new Map<string, DuckDBPreparedStatement>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly compactAfter: number,
  ) {}

  /**
   * Opens (and creates when missing) the store at `path`; `:memory:` for a throwaway one.
   * `compactAfter`: the fewest delta rows the cells gather before they are folded.
   */
  static async open(path: string, opts: { compactAfter?: number } = {}): Promise<DuckDbStore> {
    // The data directory exists when PGlite made it; on a PostgreSQL server nothing else creates it.
    if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    for (const statement of [...SCHEMA, ...CUBE_SCHEMA, ...PEOPLE_SCHEMA]) await conn.run(statement);
    await conn.run(WATERMARK_ROW);
    const unnumbered = await conn.runAndReadAll(
      `SELECT EXISTS (SELECT 1 FROM case_fact WHERE person_no IS NULL) AS any`,
    );
    if (unnumbered.getRowObjectsJson()[0]?.any) {
      await conn.run('BEGIN TRANSACTION');
      for (const statement of NUMBER_EARLIER_PEOPLE) await conn.run(statement);
      await conn.run('COMMIT');
      // Rows updated in place are read through their update records until a checkpoint folds them in.
      await conn.run('CHECKPOINT');
    }
    // Cubes empty while cases are there: a store made before them, or filled without `apply`.
    const unbuilt = (await conn.runAndReadAll(UNBUILT)).getRowObjectsJson()[0] ?? {};
    for (const [cell, missing] of Object.entries(unbuilt)) {
      if (!missing) continue;
      await conn.run('BEGIN TRANSACTION');
      for (const statement of build(cell)) await conn.run(statement);
      await conn.run('COMMIT');
    }
    // Staging copies for the appender (this connection's own, text columns) .
    for (const table of Object.keys(TABLES) as Table[])
      await conn.run(
        `CREATE TEMP TABLE stage_${table} (${staged(table)
          .map((c) => `${c} VARCHAR`)
          .join(', ')})`,
      );
    for (const statement of CHANGED_TABLES) await conn.run(statement);
    const store = new DuckDbStore(instance, conn, opts.compactAfter ?? 50_000);
    const [counts] = await store.#rows<{ cells: number; people: number }>(
      'SELECT (SELECT count(*) FROM case_cell)::INTEGER AS cells, (SELECT coalesce(max(no), 0) FROM person_no)::INTEGER AS people',
    );
    store.#foldedRows = counts?.cells ?? 0;
    store.#maxPerson = counts?.people ?? 0;
    return store;
  }

  /** Runs `work` after everything queued before it (DuckDB transactions on one connection do not nest). */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Rows of a query. A query with parameters (the questions: the same text for every slice of one
   * shape) runs as a statement prepared once per text and kept (the last 64): planning one of the
   * dashboard's questions took 3–4 ms of its 30–45.
   */
  async #rows<T>(sql: string, params: Param[] = []): Promise<T[]> {
    if (params.length === 0) return (await this.conn.runAndReadAll(sql)).getRowObjectsJson() as T[];
    let statement = this.#statements.get(sql);
    if (statement) this.#statements.delete(sql);
    else statement = await this.conn.prepare(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > 64) {
      const [oldest, dropped] = this.#statements.entries().next().value!;
      this.#statements.delete(oldest);
      dropped.destroySync();
    }
    statement.bind(params as DuckDBValue[]);
    return (await statement.runAndReadAll()).getRowObjectsJson() as T[];
  }

  /**
   * Writes rows through DuckDB's appender into the table's staging copy (all text: the insert casts),
   * then replaces the rows of the same keys in one statement: a set-based write, not one bound
   * parameter per value (about 20× faster for the rebuild's batches). `alsoRun` gets the rows' keys
   * as SQL literals (single-column keys).
   */
  async #insert(
    table: Table,
    rows: Record<string, Param>[],
    alsoRun: (keys: string) => string[] = () => [],
    mode: Write = 'replace',
  ): Promise<void> {
    if (rows.length === 0) return;
    const columns = staged(table);
    const keyOf = (r: Record<string, Param>) => KEYS[table].map((k) => String(r[k])).join('\u0000');
    const unique = [...new Map(rows.map((r) => [keyOf(r), r])).values()];
    const appender = await this.conn.createAppender(`stage_${table}`, 'main', 'temp');
    try {
      for (const row of unique) {
        for (const c of columns) {
          const v = row[c];
          if (v === null || v === undefined) appender.appendNull();
          else appender.appendVarchar(String(v));
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    const list = columns.join(', ');
    const single = KEYS[table].length === 1 ? KEYS[table][0]! : null;
    const keys = single ? unique.map((r) => literal(String(r[single]))).join(', ') : '';
    for (const statement of alsoRun(keys)) await this.conn.run(statement);
    if (mode === 'replace') {
      // A single-column key: its rows found by an IN list of literals (DuckDB probes the key column
      // alone; a join with the staged rows read the whole table). DELETE + INSERT: about half the
      // work of DuckDB's INSERT OR REPLACE (profiled with the benchmark).
      const match = single
        ? `t.${single} IN (${keys})`
        : `EXISTS (SELECT 1 FROM temp.stage_${table} s WHERE ${KEYS[table].map((k) => `t.${k} = s.${k}`).join(' AND ')})`;
      await this.conn.run(`DELETE FROM ${table} t WHERE ${match}`);
    }
    const verb = { replace: 'INSERT', ignore: 'INSERT OR IGNORE', upsert: 'INSERT OR REPLACE' }[mode];
    await this.conn.run(`${verb} INTO ${table} (${list}) SELECT ${list} FROM temp.stage_${table}`);
    await this.conn.run(`DELETE FROM temp.stage_${table}`);
  }

  /**
   * Gives each case row its person's number (`people-sql.ts`): known keys looked up through the
   * dictionary (an IN list of the batch's keys), new ones numbered on from the highest (writes are one at a time).
   */
  async #numberPeople(cases: Record<string, Param>[]): Promise<void> {
    const wanted = [...new Set(cases.map((c) => String(c.person_key)))];
    if (wanted.length === 0) return;
    const known = new Map(
      (
        await this.#rows<{ person_key: string; no: number }>(
          `SELECT person_key, no FROM person_no WHERE person_key IN (${wanted.map(literal).join(', ')})`,
        )
      ).map((r) => [r.person_key, r.no]),
    );
    const added = wanted.filter((k) => !known.has(k));
    if (added.length > 0) {
      const appender = await this.conn.createAppender('person_no');
      try {
        for (const key of added) {
          known.set(key, ++this.#maxPerson);
          appender.appendVarchar(key);
          appender.appendInteger(this.#maxPerson);
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    }
    for (const c of cases) c.person_no = known.get(String(c.person_key))!;
  }

  /** Folds the cells' delta rows once they grow past a quarter of the folded cells (at least `compactAfter`). */
  async #compactWhenDue(changedCases: number): Promise<void> {
    this.#deltaRows += 2 * changedCases;
    if (this.#deltaRows < Math.max(this.compactAfter, this.#foldedRows / 4)) return;
    for (const statement of COMPACT) await this.conn.run(statement);
    const [row] = await this.#rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM case_cell');
    this.#foldedRows = row?.n ?? 0;
    this.#deltaRows = 0;
  }

  apply(change: StoreChange): Promise<void> {
    return this.#serial(async () => {
      // A change rolled back gives its new person numbers back.
      const people = this.#maxPerson;
      await this.conn.run('BEGIN TRANSACTION');
      try {
        const { cases, steps, tasks } = rowsOf(change);
        await this.#numberPeople(cases);
        // What the cases add to their cells is taken away before they are written and added after.
        await this.#insert('case_fact', cases, (keys) => beforeChange(staged('case_fact'), keys));
        if (cases.length > 0) {
          const [old] = await this.#rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM temp.changed_old');
          for (const statement of afterChange((old?.n ?? 0) > 0)) await this.conn.run(statement);
          await this.#compactWhenDue(cases.length);
        }
        // A case's steps come from its append-only event log: a step once written never changes, so
        // only new ones are added, found by the key's index (deleting a case's steps first would read
        // every step in the store). Tasks change (completed, reassigned) but never go: replaced by key.
        await this.#insert('case_step', steps, undefined, 'ignore');
        await this.#insert('task_fact', tasks, undefined, 'upsert');
        await this.#insert(
          'rating',
          change.ratings.map((r) => rowsOf.rating(r)),
        );
        await this.#insert('search_fact', (change.searches ?? []).map(rowsOf.search));
        await this.#insert('search_click', (change.clicks ?? []).map(rowsOf.click));
        await this.#insert('complaint_fact', (change.complaints ?? []).map(rowsOf.complaint));
        await this.#insert('license_use', (change.licenseUses ?? []).map(rowsOf.licenseUse));
        await this.#insert('sharing_read', (change.sharingReads ?? []).map(rowsOf.sharingRead));
        await this.conn.run(`UPDATE meta SET value = greatest(value, ?) WHERE key = 'watermark'`, [change.watermark]);
        await this.conn.run('COMMIT');
      } catch (e) {
        await this.conn.run('ROLLBACK');
        this.#maxPerson = people;
        throw e;
      }
    });
  }

  async watermark(): Promise<number> {
    const [row] = await this.#rows<{ value: string }>(`SELECT value FROM meta WHERE key = 'watermark'`);
    return row ? Number(row.value) : 0;
  }

  /** The sums of a slice's cells, from the pre-aggregated cells (`cube-sql.ts`). */
  cells(slice: Slice, by: Grouping): Promise<CellSums[]> {
    const { sql, params } = cellsSql(slice, by, { cube: { maxPerson: this.#maxPerson } });
    return this.#serial(() => this.#rows<CellSums>(sql, params));
  }

  /** The same sums counted from the cases themselves: what the cells must always equal. */
  cellsScanned(slice: Slice, by: Grouping): Promise<CellSums[]> {
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
        parallel: await this.#rows(q.parallel.sql, q.parallel.params),
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
      for (const table of [...Object.keys(TABLES), ...CUBE_TABLES, 'person_no', 'meta'])
        await this.conn.run(`DELETE FROM ${table}`);
      await this.conn.run(WATERMARK_ROW);
      this.#maxPerson = 0;
      this.#foldedRows = 0;
      this.#deltaRows = 0;
    });
  }

  async close(): Promise<void> {
    await this.#serial(async () => undefined);
    for (const statement of this.#statements.values()) statement.destroySync();
    this.#statements.clear();
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
