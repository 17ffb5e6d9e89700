/**
 * Child processes for tests that need a second process: a holder of an embedded database (stands
 * in for a running server, and is killed with SIGKILL to leave a stale lock), and the npm tools.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../platform/db/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Resolves when the child prints `line` on stdout; rejects when it exits first. */
export function waitForLine(child: ChildProcess, line: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(line);
      if (m) {
        child.stdout?.off('data', onData);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) =>
      reject(new Error(`child exited (${code}) before printing ${line}: ${err.slice(-2000)}`)),
    );
  });
}

/** A process that opens the embedded database under `dataDir` and keeps it open until killed. */
export async function holdDatabase(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'server/src/test/hold-database.ts'), dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForLine(child, /^open$/m);
  return child;
}

/** Kills a child with SIGKILL (no clean-up runs, as in a crash) and waits for it to be gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** Runs `npm run <script>` with the given environment; answers its exit code and output. */
export function npmRun(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): { status: number | null; out: string } {
  const r = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** A data directory holding the seeded test template (an embedded database on disk). */
export async function templateDataDir(snapshotFile: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-data-'));
  const database = await openDatabase({
    dataDir: path.join(dir, 'pglite'),
    loadDataDir: new Blob([await fs.readFile(snapshotFile)]),
  });
  await database.close();
  return dir;
}

/** A free loopback port. */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** What each server started by {@link startServer} has written to stderr so far. */
const stderrs = new WeakMap<ChildProcess, () => string>();
export const stderrOf = (server: ChildProcess): string => stderrs.get(server)?.() ?? '';

/** The real server (`main.ts`) as a child process; resolves once /readyz answers 200. */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  stderrs.set(child, () => err);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${err.slice(-2000)}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return child;
    if (Date.now() > deadline) {
      await killHard(child);
      throw new Error(`the server was not ready within 120 s: ${err.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
