/**
 * catalog (互联网服务系统 · 事项目录): regions, departments, service items with their guides and
 * publishing workflow, themes (一件事), power and service lists, and Chinese search.
 * Events: catalog.item-created, -edited, -drafted, -submitted, -published, -rejected, -retired.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/index.js';
import type { Metrics } from '../../platform/metrics/index.js';
import { publicCatalogRoutes } from './catalog.routes.js';
import { adminCatalogRoutes } from './catalog-admin.routes.js';
import { CatalogSearch } from './search/search.service.js';

export const catalogRoutes: FastifyPluginAsync<{ db: Db; metrics?: Metrics }> = async (app, { db, metrics }) => {
  const search = new CatalogSearch(db, { log: app.log });
  metrics?.gauge(
    'tongban_search_log_pending',
    'Search-log entries waiting to be written (kept while the database is away)',
    [],
    () => [[{}, search.pendingEntries]],
  );
  // Build the search index before the server takes traffic, so no early caller waits for it.
  app.addHook('onReady', async () => search.warm());
  app.addHook('onClose', async () => {
    // Closing must not fail because the log could not be written (the database may be gone).
    await search.flush().catch((err: unknown) => app.log.error({ err }, 'search log: not written at close'));
  });
  await app.register(publicCatalogRoutes, { db, search });
  await app.register(adminCatalogRoutes, { db, search });
};

export { CatalogSearch, type SearchLogSink } from './search/search.service.js';
export {
  getPublishedItem,
  rebuildSearchIndex,
  implementationCode,
  validateGuide,
  CATALOG_ADMIN,
  CATALOG_REVIEWER,
} from './items.service.js';
export { listThemes, getTheme } from './themes.service.js';
export { seedCatalog, catalogIsEmpty, type CatalogSeedResult } from './catalog.seed.js';
export { listVillageAddresses, listDepartments, findDepartment, findDepartmentByKey } from './regions.repository.js';
export { jsonSchemaOf, validateApplicationForm, personalKind, clearFormKeys } from './forms/application-form.js';
