/** Boot: loadConfig → openDatabase → migrate → seed (first start) → buildApp → listen. */
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig, ConfigError } from './config.js';
import { openDatabase, migrateToLatest } from './platform/db/index.js';
import { loggerOptions } from './platform/logger.js';
import { buildApp } from './app.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { cipherFrom, dataKeysFrom } from './platform/crypto/index.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = pino(loggerOptions(config.logLevel));
  const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite'), poolSize: config.databasePoolSize });
  log.info({ dialect: database.dialect }, config.databaseUrl ? 'connected to PostgreSQL server' : `embedded PGlite under ${config.dataDir}`);
  const applied = await migrateToLatest(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const keys = dataKeysFrom(config);
  const cipher = cipherFrom(keys);
  if (config.seedDemo) await seedDemoIfEmpty(database.db, cipher, keys.indexKey, config, log);

  const app = await buildApp({ config, database, keys });
  const close = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  log.info(`通办 Tongban is running: http://localhost:${config.port}  (API docs: /docs, OpenAPI: /openapi.json)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
