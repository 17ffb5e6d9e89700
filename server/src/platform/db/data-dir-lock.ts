/**
 * One writer per embedded data directory. PGlite does not lock its directory: two processes that
 * open it both write, and the database is silently corrupted. Every opener (the server, the
 * tools, backup and restore) therefore holds `<dataDir>.lock`, a file created atomically (written
 * whole beside it, then hard-linked into place, so nobody reads half a lock) that names the
 * holder: pid, host, the process's start time and its command.
 *
 * A lock whose holder is gone (kill -9, power loss) is stale: on the same host its pid no longer
 * runs, or runs a different process (the kernel's start time differs: the pid was reused). A stale
 * lock is taken over; a live one is refused with `DataDirLocked`, which names the holder. A lock
 * from another host (a shared volume) cannot be checked and is never taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder took the lock (ISO 8601). */
  since: string;
  /** The holder's command line, shortened: says which tool or server holds it. */
  command: string;
  /** The kernel's start time of the process (Linux /proc), to tell a reused pid apart. */
  processStart?: string;
  /** Random per lock: a takeover checks that it removes the very lock it judged stale. */
  nonce: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export class DataDirLocked extends Error {
  readonly zh: string;
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
    readonly lockPath: string,
  ) {
    const who = `pid ${holder.pid} (${holder.command})`;
    const where = holder.host === os.hostname() ? '' : ` on host ${holder.host}`;
    const zhWhere = holder.host === os.hostname() ? '' : `（主机 ${holder.host}）`;
    super(
      `The embedded database ${dataDir} is in use by ${who}${where} since ${holder.since}: stop it first. ` +
        (where ? `If that process is certainly gone, delete ${lockPath}.` : ''),
    );
    this.zh =
      `内嵌数据库 ${dataDir} 正被进程 ${who}${zhWhere} 使用（自 ${holder.since} 起），请先停止它。` +
      (zhWhere ? `若确认该进程已不存在，请删除 ${lockPath}。` : '');
    this.name = 'DataDirLocked';
  }
}

export const lockPathOf = (dataDir: string): string => `${path.resolve(dataDir)}.lock`;

/** Start time of a process in clock ticks since boot (Linux), or undefined where /proc is absent. */
function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command (field 2) may hold spaces and parentheses, so count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder of a lock still runs; a lock from another host counts as live. */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  if (holder.pid === process.pid) return holder.processStart === processStart(process.pid);
  if (!pidRuns(holder.pid)) return false;
  const started = processStart(holder.pid);
  return !(holder.processStart && started && started !== holder.processStart);
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' && typeof parsed.nonce === 'string' ? parsed : undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Not ours (locks are linked into place whole): nobody can hold it.
    return { pid: 0, host: os.hostname(), since: '?', command: 'unreadable lock file', nonce: '' };
  }
}

/** The live holder of a data directory's lock, if any (a stale lock reads as none). */
export function dataDirHolder(dataDir: string): LockHolder | undefined {
  const holder = readHolder(lockPathOf(dataDir));
  return holder && holderAlive(holder) ? holder : undefined;
}

/** Writes the lock whole beside it, then links it into place: link fails when the lock exists. */
function tryCreate(lockPath: string, holder: LockHolder): boolean {
  const draft = `${lockPath}.${holder.nonce}.new`;
  fs.writeFileSync(draft, JSON.stringify(holder), { mode: 0o644, flush: true });
  try {
    fs.linkSync(draft, lockPath);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/**
 * Removes a stale lock, unless another process replaced it meanwhile: the lock is first renamed
 * aside (atomic), then checked to be the one judged stale; a fresh lock moved by mistake is put back.
 */
function removeStale(lockPath: string, stale: LockHolder): void {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = readHolder(aside);
  if (moved && moved.nonce !== stale.nonce && holderAlive(moved)) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // Someone else took the lock meanwhile: the next attempt reads whoever holds it now.
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Takes the lock of an embedded data directory, or throws `DataDirLocked` naming its live holder. */
export function lockDataDir(dataDir: string): DataDirLock {
  const lockPath = lockPathOf(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    command: process.argv
      .slice(1)
      .map((a) => path.basename(a))
      .join(' ')
      .slice(0, 200),
    processStart: processStart(process.pid),
    nonce: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockPath, mine)) {
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          if (readHolder(lockPath)?.nonce === mine.nonce) fs.rmSync(lockPath, { force: true });
        },
      };
    }
    const holder = readHolder(lockPath);
    if (!holder) continue;
    // A lock this very process already holds counts as taken: one opener per process too.
    if (holder.pid !== 0 && holderAlive(holder)) throw new DataDirLocked(path.resolve(dataDir), holder, lockPath);
    removeStale(lockPath, holder);
  }
  throw new Error(`could not take the lock ${lockPath}: it keeps changing hands`);
}
