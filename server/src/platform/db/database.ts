/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise embedded PGlite (real
 * PostgreSQL in WASM) under the data directory. Both speak the same SQL through Kysely; write SQL
 * that PostgreSQL 15 accepts (PGlite is 18).
 */
import { CamelCasePlugin, Kysely, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from './pglite-dialect.js';
import { preparedStatementsPool } from './prepared-pool.js';
import pg from 'pg';
import { PostgresDialect } from 'kysely';
import fs from 'node:fs';
import type { PlatformTables } from './tables.js';
import { lockDataDir } from './data-dir-lock.js';
import { isDatabaseUnavailable } from './availability.js';

/** The handle every module receives. Modules widen it with their own tables via `withTables`. */
export type Db = Kysely<PlatformTables>;
export type Trx = Transaction<PlatformTables>;

export interface Database {
  db: Db;
  dialect: 'pglite' | 'postgres';
  /** The embedded engine (PGlite only), e.g. to dump a snapshot for tests. */
  pglite?: PGlite;
  /** Connections of the pool (PostgreSQL server only): open, idle, and callers waiting for one. */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** Start PGlite from a dumped data directory (a tarball produced by dumpDataDir). */
  loadDataDir?: Blob;
}

// Nested JSON keys are ours (camelCase already): leave them alone.
const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const keepString = (v: string) => v;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      // A server that does not answer (a network cut) fails the checkout instead of hanging it.
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8 || oid === NUMERIC) return toNumber;
          if (oid === DATE) return keepString;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server ends (a restart, or a test dropping its database) must not
    // crash the process; the pool replaces it on the next checkout.
    const connectionFailed = (e: Error & { code?: string }) => {
      if (!isDatabaseUnavailable(e)) console.error('PostgreSQL pool: connection failed', e.message);
    };
    pool.on('error', connectionFailed);
    // pg-pool listens for errors only on idle connections: one checked out between two statements
    // of a transaction when the server goes away would emit an error nobody hears, and end the
    // process. Each connection keeps a listener for life; the work using it fails and the pool drops it.
    pool.on('connect', (client) => client.on('error', connectionFailed));
    const db = new Kysely<PlatformTables>({
      dialect: new PostgresDialect({ pool: preparedStatementsPool(pool) }),
      plugins,
    });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, dialect: 'postgres', poolStats, close: () => db.destroy() };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (dataDir.startsWith('memory://')) return openPGlite(dataDir, opts.loadDataDir, () => {});
  fs.mkdirSync(dataDir, { recursive: true });
  // One writer per directory: refused here (DataDirLocked) while another process has it open.
  const lock = lockDataDir(dataDir);
  try {
    return await openPGlite(dataDir, opts.loadDataDir, () => lock.release());
  } catch (e) {
    lock.release();
    throw e;
  }
}

async function openPGlite(dataDir: string, loadDataDir: Blob | undefined, release: () => void): Promise<Database> {
  const client = await PGlite.create(dataDir, {
    loadDataDir,
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepString },
  });
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(client), plugins });
  return {
    db,
    dialect: 'pglite',
    pglite: client,
    close: async () => {
      try {
        await db.destroy();
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}
