/**
 * `npm run analytics:rebuild`: empties the analytics store and refills it from the PostgreSQL
 * event log (the outbox), with a progress bar. Run it with the server stopped when the store is
 * the embedded DuckDB file (one process may hold it). Exit code 0 when done, 2 when it cannot run.
 */
import { householdRegionsIn } from '../household-region.js';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLocked, migrateToLatest, openDatabase, type Database } from '../platform/db/index.js';
import { cipherFrom, dataKeysFrom } from '../platform/crypto/index.js';
import { CalendarService } from '../platform/calendar/calendar.service.js';
import {
  ClickHouseStore,
  DuckDbStore,
  personKeyOf,
  type AnalyticsStore,
  rebuildStore,
  type RebuildProgress,
} from '../modules/analytics/index.js';

function bar({ done, total }: RebuildProgress): string {
  const share = total ? done / total : 1;
  const filled = Math.round(share * 30);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${done}/${total} 事件 events`;
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`配置无效 Invalid configuration\n${e.message}`);
      return 2;
    }
    throw e;
  }
  let database: Database;
  try {
    database = await openDatabase({
      url: config.databaseUrl,
      dataDir: path.join(config.dataDir, 'pglite'),
      poolSize: 2,
    });
  } catch (e) {
    if (!(e instanceof DataDirLocked)) throw e;
    console.error(`${e.zh} ${e.message}`);
    return 2;
  }
  let store: AnalyticsStore;
  try {
    store = config.analytics.clickhouseUrl
      ? await ClickHouseStore.open(config.analytics.clickhouseUrl)
      : await DuckDbStore.open(config.analytics.duckdbPath);
  } catch (e) {
    await database.close();
    console.error(
      `分析库被占用，请先停止服务 The analytics store is in use; stop the server first: ${(e as Error).message}`,
    );
    return 2;
  }
  try {
    const keys = dataKeysFrom(config);
    // The schema the server would bring it to (forward-only), so a rebuild also works on a copy restored elsewhere.
    await migrateToLatest(database.db, { cipher: cipherFrom(keys) });
    const deps = {
      db: database.db,
      calendar: new CalendarService(database.db),
      store,
      personKey: personKeyOf(keys.indexKey),
      minCell: config.analytics.minCell,
      minPeople: config.hotSearch.minPeople,
      homeRegions: householdRegionsIn,
    };
    const started = Date.now();
    const result = await rebuildStore(deps, database.db, (p) => process.stderr.write(bar(p)));
    process.stderr.write('\n');
    console.log(
      `分析库已重建：${result.done} 个事件，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。 Analytics store rebuilt from ${result.done} events (${config.analytics.duckdbPath}).`,
    );
    return 0;
  } finally {
    await store.close();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
