/**
 * Boot: loadConfig → openDatabase → migrate → seed (first start) → buildApp → listen.
 * With PROCESSES > 1 (a PostgreSQL server only), the first process — the primary — migrates and
 * seeds, then forks that many API processes sharing the port (node:cluster) and restarts one that
 * dies. The primary keeps the background work (WORKERS: outbox delivery, messages, 电子监察 sweeps,
 * webhooks, 主动服务 rechecks), done once for the machine, and the DuckDB analytics store, which
 * admits one process: the API processes answer requests only and ask the primary's store over IPC.
 */
import cluster from 'node:cluster';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { loadConfig, ConfigError, type Config } from './config.js';
import { DataDirLocked, openDatabase, migrateToLatest } from './platform/db/index.js';
import { loggerOptions } from './platform/logger.js';
import { buildApp } from './app.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { cipherFrom, dataKeysFrom } from './platform/crypto/index.js';
import { ProcessStore, serveStore, type AnalyticsStore, type Channel } from './modules/analytics/index.js';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

const openConfigured = (config: Config) =>
  openDatabase({
    url: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
    poolSize: config.databasePoolSize,
  });

/** Migrations and the first-start demo data: once, before any process serves. */
async function prepare(
  config: Config,
  log: Logger,
  database: Awaited<ReturnType<typeof openConfigured>>,
): Promise<void> {
  log.info(
    { dialect: database.dialect },
    config.databaseUrl ? 'connected to PostgreSQL server' : `embedded PGlite under ${config.dataDir}`,
  );
  const keys = dataKeysFrom(config);
  const applied = await migrateToLatest(database.db, { cipher: cipherFrom(keys) });
  if (applied.length) log.info({ applied }, 'migrations applied');
  if (config.seedDemo) await seedDemoIfEmpty(database.db, cipherFrom(keys), keys.indexKey, config, log);
}

async function serve(
  config: Config,
  log: Logger,
  database: Awaited<ReturnType<typeof openConfigured>>,
  analyticsStore?: AnalyticsStore,
): Promise<void> {
  const app = await buildApp({ config, database, keys: dataKeysFrom(config), analyticsStore });
  const close = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  const closeOn = (signal: NodeJS.Signals): void => {
    close(signal).catch((err: unknown) => {
      log.error({ err, signal }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGINT', closeOn);
  process.once('SIGTERM', closeOn);
  await app.listen({ port: config.port, host: config.host });
}

async function main(): Promise<void> {
  const config = configOrExit();
  const log = pino(loggerOptions(config.logLevel));
  if (cluster.isWorker) {
    // An API process: the primary does the background work and holds the DuckDB store.
    const store = config.analytics.clickhouseUrl ? undefined : new ProcessStore(process as Channel);
    return serve({ ...config, workers: false }, log, await openConfigured(config), store);
  }

  const database = await openConfigured(config);
  await prepare(config, log, database);
  if (config.processes === 1) {
    await serve(config, log, database);
  } else {
    // The primary: the background work and the analytics store, for the machine (it does not listen).
    const app = await buildApp({ config, database, keys: dataKeysFrom(config) });
    await app.ready();
    // Dates in analytics slices and changes cross the IPC channel as dates.
    cluster.setupPrimary({ serialization: 'advanced' });
    if (!config.analytics.clickhouseUrl)
      cluster.on('fork', (worker) => {
        serveStore(app.analytics.store, worker as Channel, (err) =>
          log.error({ err, pid: worker.process.pid }, 'an API process’s analytics call failed'),
        );
      });
    let stopping = false;
    for (let i = 0; i < config.processes; i++) cluster.fork();
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      log.error({ pid: worker.process.pid, code, signal }, 'a server process died; starting another');
      cluster.fork();
    });
    const closePrimary = (): void => {
      app
        .close()
        .then(() => database.close())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
    };
    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      let left = Object.keys(cluster.workers ?? {}).length;
      if (left === 0) return closePrimary();
      cluster.on('exit', () => --left === 0 && closePrimary());
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  }
  log.info(
    `通办 Tongban is running: http://localhost:${config.port}  (API docs: /docs, OpenAPI: /openapi.json${config.processes > 1 ? `; ${config.processes} processes` : ''})`,
  );
}

main().catch((e) => {
  // Another process has the embedded database open: say who, without a stack trace.
  if (e instanceof DataDirLocked) console.error(`${e.zh}\n${e.message}`);
  else console.error(e);
  process.exit(e instanceof DataDirLocked ? 2 : 1);
});
