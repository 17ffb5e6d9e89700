/**
 * Backup and restore of the embedded database. A backup is PGlite's own dump of its data
 * directory (a gzipped tarball), taken while holding the directory's lock: nothing writes during
 * the dump, so it is consistent, and a running server refuses it (stop it first). A restore
 * loads the file into a fresh directory beside the target, checks that it opens, and only then
 * swaps it in; a bad file leaves the current database as it was.
 */
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase } from './database.js';
import { lockDataDir } from './data-dir-lock.js';

export class BackupRefused extends Error {
  constructor(
    readonly zh: string,
    en: string,
  ) {
    super(en);
  }
}

/** Writes a consistent snapshot of the embedded database under `dataDir` to `file`; answers its size. */
export async function backupEmbedded(dataDir: string, file: string, opts: { force?: boolean } = {}): Promise<number> {
  if (!existsSync(dataDir))
    throw new BackupRefused(`${dataDir} 下没有数据库。`, `there is no database under ${dataDir}.`);
  if (existsSync(file) && !opts.force)
    throw new BackupRefused(`${file} 已存在；要覆盖请加 --force。`, `${file} exists; pass --force to overwrite it.`);
  const database = await openDatabase({ dataDir });
  try {
    const dump = await database.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Written beside the target and renamed: a crash never leaves half a backup under its name.
    const draft = `${file}.${randomBytes(4).toString('hex')}.partial`;
    await fs.writeFile(draft, bytes, { flush: true });
    await fs.rename(draft, file);
    return bytes.length;
  } finally {
    await database.close();
  }
}

/** Replaces the embedded database under `dataDir` by the backup in `file` (refused over data unless `force`). */
export async function restoreEmbedded(file: string, dataDir: string, opts: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(file)) throw new BackupRefused(`没有备份文件 ${file}。`, `there is no backup file ${file}.`);
  // Held throughout: no server may open the directory while it is replaced.
  const lock = lockDataDir(dataDir);
  const staging = `${dataDir}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    const present = existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0;
    if (present && !opts.force) {
      throw new BackupRefused(
        `${dataDir} 下已有数据库；要用备份替换它请加 --force。`,
        `${dataDir} already holds a database; pass --force to replace it with the backup.`,
      );
    }
    const restored = await openDatabase({ dataDir: staging, loadDataDir: new Blob([await fs.readFile(file)]) }).catch(
      (e: unknown) => {
        throw new BackupRefused(
          `${file} 不是可用的备份。`,
          `${file} is not a usable backup (${e instanceof Error ? e.message : String(e)}).`,
        );
      },
    );
    try {
      await sql`SELECT 1`.execute(restored.db);
    } finally {
      await restored.close();
    }
    const replaced = `${dataDir}.replaced-${randomBytes(4).toString('hex')}`;
    if (existsSync(dataDir)) await fs.rename(dataDir, replaced);
    await fs.rename(staging, dataDir);
    await fs.rm(replaced, { recursive: true, force: true });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
    await fs.rm(`${staging}.lock`, { force: true });
    lock.release();
  }
}
