export { openDatabase, type Database, type Db, type Trx, type OpenOptions } from './database.js';
export { migrateToLatest, migrateBefore, type MigrationContext } from './migrate.js';
export { execStatements, isUniqueViolation } from './sql.js';
export type { PlatformTables } from './tables.js';
export {
  DataDirLocked,
  dataDirHolder,
  lockDataDir,
  lockPathOf,
  type DataDirLock,
  type LockHolder,
} from './data-dir-lock.js';
export { isDatabaseUnavailable } from './availability.js';
export { backupEmbedded, restoreEmbedded, BackupRefused } from './embedded-backup.js';
