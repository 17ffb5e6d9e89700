/**
 * npm run backup / restore of the embedded database: a round trip brings back exactly the data
 * of the backup; both refuse beside a running holder of the database; no silent overwrite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../platform/db/index.js';
import { holdDatabase, killHard, npmRun, templateDataDir } from '../test/processes.js';
import { TEST_DATA_KEY } from '../test/keys.js';

const embedded = !inject('databaseUrl');

// Each step runs a tool in its own process (a few seconds each on a busy machine).
describe.runIf(embedded)('npm run backup and npm run restore', { timeout: 600_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  const pglite = () => path.join(dataDir, 'pglite');
  const marks = async () => {
    const database = await openDatabase({ dataDir: pglite() });
    try {
      const marks = await sql<{ v: string }>`SELECT v FROM public.backup_mark ORDER BY v`.execute(database.db);
      const items = await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalog.item`.execute(database.db);
      return { marks: marks.rows.map((r) => r.v), items: items.rows[0]!.n };
    } finally {
      await database.close();
    }
  };
  const mark = async (v: string) => {
    const database = await openDatabase({ dataDir: pglite() });
    await sql`CREATE TABLE IF NOT EXISTS public.backup_mark (v text)`.execute(database.db);
    await sql`INSERT INTO public.backup_mark VALUES (${v})`.execute(database.db);
    await database.close();
  };

  beforeAll(async () => {
    dataDir = await templateDataDir(inject('pgliteSnapshot'));
    env = { DATA_DIR: dataDir, DATA_KEY: TEST_DATA_KEY, LOG_LEVEL: 'silent' };
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('restores exactly what was backed up, and refuses to overwrite without --force', async () => {
    await mark('in the backup');
    const file = path.join(dataDir, 'tongban.backup.tar.gz');
    const backup = npmRun('backup', env, [file]);
    expect(backup.status, backup.out).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(npmRun('backup', env, [file]).status).toBe(2);

    await mark('after the backup');
    const refused = npmRun('restore', env, [file]);
    expect(refused.status, refused.out).toBe(2);
    expect(refused.out).toContain('--force');
    expect((await marks()).marks).toEqual(['after the backup', 'in the backup']);

    const restored = npmRun('restore', env, [file, '--force']);
    expect(restored.status, restored.out).toBe(0);
    const after = await marks();
    expect(after.marks).toEqual(['in the backup']);
    expect(after.items).toBeGreaterThan(0);
    expect(fs.readdirSync(dataDir).filter((f) => /restoring|replaced/.test(f))).toEqual([]);
  });

  it('leaves the database as it was when the file is not a backup', async () => {
    const before = await marks();
    const bogus = path.join(dataDir, 'not-a-backup.tar.gz');
    fs.writeFileSync(bogus, 'not a tarball');
    const r = npmRun('restore', env, [bogus, '--force']);
    expect(r.status, r.out).toBe(2);
    expect(await marks()).toEqual(before);
  });

  it('both refuse while a server has the database open, naming it', async () => {
    const holder = await holdDatabase(pglite());
    try {
      const file = path.join(dataDir, 'while-running.tar.gz');
      for (const [script, args] of [
        ['backup', [file]],
        ['restore', [path.join(dataDir, 'tongban.backup.tar.gz'), '--force']],
      ] as const) {
        const r = npmRun(script, env, [...args]);
        expect(r.status, r.out).toBe(2);
        expect(r.out).toContain(`pid ${holder.pid}`);
      }
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await killHard(holder);
    }
  });
});
