/**
 * Where the machine's CPU went during a bench step, by role, from Linux's /proc: each API
 * process, the background process (the cluster's primary), PostgreSQL's processes (a server on
 * this machine), the load generator itself, and the rest. The roles are found again at each
 * reading, so a restarted process is counted too. Elsewhere than Linux it reports nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on Linux
type Ticks = Map<number, { role: string; ticks: number }>;

function stat(pid: number): { ppid: number; comm: string; ticks: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return {
      comm: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')),
      ppid: Number(rest[1]),
      ticks: Number(rest[11]) + Number(rest[12]),
    };
  } catch {
    return undefined; // gone meanwhile
  }
}

function reading(serverPid: number): Ticks {
  const out: Ticks = new Map();
  // The API processes are the server's children running what it runs (not a helper it started).
  const server = stat(serverPid)?.comm;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (!s) continue;
    const role =
      pid === process.pid
        ? 'load generator'
        : pid === serverPid
          ? 'background'
          : s.ppid === serverPid && s.comm === server
            ? `API ${pid}`
            : s.comm === 'postgres'
              ? 'PostgreSQL'
              : 'other';
    out.set(pid, { role, ticks: s.ticks });
  }
  return out;
}

/** CPU milliseconds by role between two readings; the API processes summed as `API`. */
export interface CpuSpent {
  api: number;
  background: number;
  postgres: number;
  generator: number;
  other: number;
}

function spentByRole(before: Ticks, after: Ticks): Map<string, number> {
  const by = new Map<string, number>();
  for (const [pid, { role, ticks }] of after) by.set(role, (by.get(role) ?? 0) + ticks - (before.get(pid)?.ticks ?? 0));
  return by;
}

/** Starts counting; `spent()` answers each role's CPU milliseconds so far (Linux; zeros elsewhere). */
export function cpuSpent(serverPid: number | undefined): { spent(): CpuSpent } {
  const zero = { api: 0, background: 0, postgres: 0, generator: 0, other: 0 };
  if (os.platform() !== 'linux' || serverPid === undefined) return { spent: () => zero };
  const before = reading(serverPid);
  return {
    spent() {
      const by = spentByRole(before, reading(serverPid));
      const ms = (role: string) => (by.get(role) ?? 0) * TICK_MS;
      const api = [...by.keys()].filter((r) => r.startsWith('API ')).reduce((n, r) => n + ms(r), 0);
      return {
        api,
        background: ms('background'),
        postgres: ms('PostgreSQL'),
        generator: ms('load generator'),
        other: ms('other'),
      };
    },
  };
}

/** Starts counting; `stop()` answers a line of each role's share and the idle share, in % of one core. */
export function cpuShares(serverPid: number | undefined): { stop(): { line: string; idle: number } } {
  if (os.platform() !== 'linux' || serverPid === undefined) return { stop: () => ({ line: '', idle: Number.NaN }) };
  const before = reading(serverPid);
  const t0 = performance.now();
  return {
    stop() {
      const by = spentByRole(before, reading(serverPid));
      const ms = performance.now() - t0;
      const share = (role: string) => ((by.get(role) ?? 0) * TICK_MS * 100) / ms;
      const api = [...by.keys()].filter((r) => r.startsWith('API ')).sort();
      const cores = os.availableParallelism();
      const busy = [...by.keys()].reduce((n, r) => n + share(r), 0);
      const server = api.length
        ? `API ${api.map((r) => share(r).toFixed(0)).join(' + ')}, background ${share('background').toFixed(0)}`
        : `server (API and background) ${share('background').toFixed(0)}`;
      const idle = Math.max(0, cores * 100 - busy);
      return {
        line:
          `CPU, % of one core (${cores} cores): ${server}, PostgreSQL ${share('PostgreSQL').toFixed(0)}, ` +
          `load generator ${share('load generator').toFixed(0)}, other ${share('other').toFixed(0)}; ` +
          `idle ${idle.toFixed(0)}`,
        idle,
      };
    },
  };
}
