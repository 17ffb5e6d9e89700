/**
 * catalog (互联网服务系统 · 事项目录): regions, departments, service items with their guides and
 * publishing workflow, themes (一件事), power and service lists, and Chinese search.
 * Events: catalog.item-created, -edited, -drafted, -submitted, -published, -rejected, -retired.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/index.js';
import { publicCatalogRoutes } from './catalog.routes.js';
import { adminCatalogRoutes } from './catalog-admin.routes.js';
import { CatalogSearch } from './search/search.service.js';

export const catalogRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const search = new CatalogSearch(db);
  // Build the search index before the server takes traffic, so no early caller waits for it.
  app.addHook('onReady', async () => search.warm());
  app.addHook('onClose', async () => search.flush());
  await app.register(publicCatalogRoutes, { db, search });
  await app.register(adminCatalogRoutes, { db, search });
};

export { CatalogSearch } from './search/search.service.js';
export { getPublishedItem, rebuildSearchIndex, implementationCode, validateGuide, CATALOG_ADMIN, CATALOG_REVIEWER } from './items.service.js';
export { listThemes, getTheme } from './themes.service.js';
export { seedCatalog, catalogIsEmpty, type CatalogSeedResult } from './catalog.seed.js';
export { listVillageAddresses, listDepartments, findDepartment } from './regions.repository.js';
export { jsonSchemaOf, validateApplicationForm, personalKind, clearFormKeys } from './forms/application-form.js';
