export { openDatabase, pgliteInUse, type Database, type Db, type Trx, type OpenOptions } from './database.js';
export { migrateToLatest, migrateBefore, type MigrationContext } from './migrate.js';
export { execStatements, isUniqueViolation } from './sql.js';
export type { PlatformTables } from './tables.js';
