/**
 * One writer per embedded data directory: a second opener is refused with the holder named, a
 * stale lock (its process killed with SIGKILL, or its pid reused) is taken over, and the tools
 * refuse beside a running holder but run after a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { DataDirLocked, lockPathOf, openDatabase } from './index.js';
import { holdDatabase, killHard, npmRun, templateDataDir } from '../../test/processes.js';
import { TEST_DATA_KEY } from '../../test/keys.js';

const embedded = !inject('databaseUrl');
const dirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-lock-'));
  dirs.push(d);
  return path.join(d, 'pglite');
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The pid of a process that has exited. */
const deadPid = () =>
  spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout.trim();

describe.runIf(embedded)('the embedded data directory lock', { timeout: 120_000 }, () => {
  // One directory for these tests: creating a PGlite database takes seconds.
  const dir = tmpDir();

  it('refuses a second opener, naming the process that holds it, and frees the directory on close', async () => {
    const first = await openDatabase({ dataDir: dir });
    const refused = await openDatabase({ dataDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DataDirLocked);
    expect((refused as DataDirLocked).holder.pid).toBe(process.pid);
    expect((refused as DataDirLocked).message).toContain(`pid ${process.pid}`);
    expect((refused as DataDirLocked).zh).toContain(`pid ${process.pid}`);
    await first.close();
    expect(fs.existsSync(lockPathOf(dir))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('takes over a stale lock: a dead pid, or a live pid that is another process (reused)', async () => {
    for (const holder of [
      { pid: Number(deadPid()), processStart: undefined },
      { pid: process.ppid, processStart: '1' },
    ]) {
      fs.writeFileSync(
        lockPathOf(dir),
        JSON.stringify({
          ...holder,
          host: os.hostname(),
          since: '2026-01-01T00:00:00Z',
          command: 'main.ts',
          nonce: 'old',
        }),
      );
      const database = await openDatabase({ dataDir: dir });
      expect(JSON.parse(fs.readFileSync(lockPathOf(dir), 'utf8'))).toMatchObject({ pid: process.pid });
      await database.close();
    }
  });

  it('never takes over a lock held by another host', async () => {
    fs.writeFileSync(
      lockPathOf(dir),
      JSON.stringify({
        pid: 1,
        host: 'elsewhere.example',
        since: '2026-01-01T00:00:00Z',
        command: 'main.ts',
        nonce: 'x',
      }),
    );
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/on host elsewhere\.example/);
  });
});

describe.runIf(embedded)('audit:verify and keys:rotate beside a server and after a crash', { timeout: 600_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await templateDataDir(inject('pgliteSnapshot'));
    dirs.push(dataDir);
  });

  it('refuse while a process has the database open, naming it; run after it was killed with SIGKILL', async () => {
    const env = { DATA_DIR: dataDir, DATA_KEY: TEST_DATA_KEY, LOG_LEVEL: 'silent' };
    const holder = await holdDatabase(path.join(dataDir, 'pglite'));
    try {
      for (const tool of ['audit:verify', 'keys:rotate']) {
        const r = npmRun(tool, env);
        expect(r.status, r.out).toBe(2);
        expect(r.out).toContain(`pid ${holder.pid}`);
      }
    } finally {
      await killHard(holder);
    }
    // The crash left its lock (and PGlite's postmaster.pid) behind.
    expect(fs.existsSync(lockPathOf(path.join(dataDir, 'pglite')))).toBe(true);
    const verify = npmRun('audit:verify', env);
    expect(verify.status, verify.out).toBe(0);
    expect(verify.out).toContain('Audit log intact');
    const rotate = npmRun('keys:rotate', env);
    expect(rotate.status, rotate.out).toBe(0);
    expect(fs.existsSync(lockPathOf(path.join(dataDir, 'pglite')))).toBe(false);
  });
});
