/**
 * Where an operation's cost goes on a PostgreSQL server of our own: statements per operation (from
 * pg_stat_statements, when the server preloads it), and CPU per operation of this process and of the
 * server's processes (from /proc: every child of the postmaster, and those that ended). Printed by
 * benchmarks to say what a path spends that another does not; never asserted.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../server/src/platform/db/index.js';

/** Load pg_stat_statements in a throwaway cluster: set before `startCluster()`. */
export const PG_STAT_STATEMENTS = '-c shared_preload_libraries=pg_stat_statements';

const TICK_MS = 10; // USER_HZ = 100 on Linux

const statFields = (pid: number | string): string[] | undefined => {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return undefined;
  }
};

export interface Statement {
  query: string;
  perOp: number;
  rowsPerCall: number;
  execUs: number;
}

export interface Cost {
  ops: number;
  processUs: number;
  serverUs: number | undefined;
  statements: Statement[];
}

/** A meter on one database: call `start()`, run the operations, then `stop(ops)`. */
export async function costMeter(db: Db) {
  const backend = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid;
  const postmaster = Number(statFields(backend)?.[1]);
  const serverMs = (): number | undefined => {
    if (!fs.existsSync('/proc') || !postmaster) return undefined;
    let ticks = 0;
    for (const p of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      const s = statFields(p);
      if (!s) continue;
      if (Number(s[1]) === postmaster) ticks += Number(s[11]) + Number(s[12]);
      if (Number(p) === postmaster) ticks += Number(s[11]) + Number(s[12]) + Number(s[13]) + Number(s[14]);
    }
    return ticks * TICK_MS;
  };
  const statements = await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`.execute(db).then(
    () => true,
    () => false,
  );
  let started: { cpu: NodeJS.CpuUsage; server: number | undefined } | undefined;
  return {
    async start(): Promise<void> {
      if (statements) await sql`SELECT pg_stat_statements_reset()`.execute(db);
      started = { cpu: process.cpuUsage(), server: serverMs() };
    },
    async stop(ops: number): Promise<Cost> {
      const cpu = process.cpuUsage(started!.cpu);
      const server = serverMs();
      const rows = statements
        ? (
            await sql<{ query: string; calls: number; rows: number; ms: number }>`
              SELECT query, calls::int AS calls, rows::int AS rows, total_exec_time AS ms FROM pg_stat_statements
              WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                AND query NOT LIKE '%pg_stat_statements%'`.execute(db)
          ).rows
        : [];
      return {
        ops,
        processUs: ((cpu.user + cpu.system) / ops) | 0,
        serverUs:
          server !== undefined && started!.server !== undefined ? ((server - started!.server) * 1000) / ops : undefined,
        statements: rows
          .map((r) => ({
            query: r.query.replace(/\s+/g, ' '),
            perOp: r.calls / ops,
            rowsPerCall: r.rows / r.calls,
            execUs: (r.ms * 1000) / r.calls,
          }))
          .filter((s) => s.perOp >= 0.001)
          .sort((a, b) => b.perOp - a.perOp),
      };
    },
  };
}

/** "412 µs here + 233 µs in the database per query; 1.15 statements per query: …" */
export function formatCost(label: string, c: Cost): string {
  const stmts = c.statements.reduce((n, s) => n + s.perOp, 0);
  const lines = [
    `${label}: ${c.processUs} µs CPU in this process + ${c.serverUs === undefined ? '?' : c.serverUs.toFixed(0)} µs in the database server per operation; ${c.statements.length ? `${stmts.toFixed(2)} statements per operation` : 'statements not counted (no pg_stat_statements)'}`,
  ];
  for (const s of c.statements.slice(0, 4))
    lines.push(
      `    ${s.perOp.toFixed(3)}/op, ${s.rowsPerCall.toFixed(1)} rows, ${s.execUs.toFixed(0)} µs exec: ${s.query.slice(0, 100)}`,
    );
  return lines.join('\n');
}
