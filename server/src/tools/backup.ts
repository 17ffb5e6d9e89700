/**
 * `npm run backup -- <file> [--force]` and `npm run restore -- <file> [--force]`: a consistent
 * snapshot of the embedded database (PGlite under DATA_DIR) and its restore. Both refuse while a
 * server (or another tool) has the database open, naming the process; backup refuses to overwrite
 * a file and restore to replace a database unless --force. With DATABASE_URL they refuse and point
 * to pg_dump / pg_restore. Exit code 0 when done, 2 when refused.
 * The backup holds the database only: keep DATA_KEY (or DATA_DIR/data.key) and stored files apart.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { BackupRefused, DataDirLocked, backupEmbedded, restoreEmbedded } from '../platform/db/index.js';

async function main(): Promise<number> {
  const [mode, ...rest] = process.argv.slice(2);
  const force = rest.includes('--force');
  const file = rest.find((a) => !a.startsWith('--'));
  if ((mode !== 'backup' && mode !== 'restore') || !file) {
    console.error(`用法 Usage: npm run ${mode === 'restore' ? 'restore' : 'backup'} -- <文件 file> [--force]`);
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(
      '已配置 PostgreSQL 服务器（DATABASE_URL）：请用 pg_dump -Fc / pg_restore 备份与恢复。 ' +
        'A PostgreSQL server is configured (DATABASE_URL): back it up with pg_dump -Fc and restore with pg_restore.',
    );
    return 2;
  }
  const dataDir = path.join(config.dataDir, 'pglite');
  const target = path.resolve(file);
  if (mode === 'backup') {
    const bytes = await backupEmbedded(dataDir, target, { force });
    console.log(
      `已备份内嵌数据库到 ${target}（${(bytes / 1048576).toFixed(1)} MB）。 Backed up the embedded database to ${target}.`,
    );
  } else {
    await restoreEmbedded(target, dataDir, { force });
    console.log(
      `已从 ${target} 恢复内嵌数据库到 ${dataDir}。 Restored the embedded database under ${dataDir} from ${target}.`,
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof BackupRefused || e instanceof DataDirLocked) console.error(`${e.zh} ${e.message}`);
    else if (e instanceof ConfigError) console.error(`配置无效 Invalid configuration\n${e.message}`);
    else console.error(e);
    process.exit(2);
  },
);
