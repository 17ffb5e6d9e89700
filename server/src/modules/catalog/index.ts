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
import { CatalogSearch, type HotSearchPolicy } from './search/search.service.js';
import type { SearchCallers } from './search/askers.js';
import { rebuildSearchIndex } from './items.service.js';
import { formsRoutes } from './forms/forms.routes.js';
import { RegionDirectory } from './region-directory.js';
import { PublishedGuides } from './published-guides.js';

export const catalogRoutes: FastifyPluginAsync<{
  db: Db;
  metrics?: Metrics;
  callers: SearchCallers;
  hot?: HotSearchPolicy;
  /** The search to serve (the app shares one with the assistant); a new one when not given. */
  search?: CatalogSearch;
  /** The published guides to serve (shared with the assistant, like the search); new when not given. */
  guides?: PublishedGuides;
}> = async (app, { db, metrics, callers, hot, search: shared, guides: sharedGuides }) => {
  const search = shared ?? new CatalogSearch(db, { log: app.log, hot });
  metrics?.gauge(
    'tongban_search_log_pending',
    'Search-log entries waiting to be written (kept while the database is away)',
    [],
    () => [[{}, search.pendingEntries]],
  );
  metrics?.gauge(
    'tongban_search_index_updates',
    'Search index updates since start: the whole read model read (built) or the changed services applied',
    ['how'],
    () => [
      [{ how: 'built' }, search.updates.built],
      [{ how: 'applied' }, search.updates.applied],
    ],
  );
  metrics?.gauge(
    'tongban_search_index_generation',
    "The search read model's generation this node answers for",
    [],
    () => (search.generation === undefined ? [] : [[{}, search.generation]]),
  );
  // Build the search index before the server takes traffic, so no early caller waits for it.
  // A read model built by an older version of the tokens is rebuilt first.
  app.addHook('onReady', async () => search.warm(() => rebuildSearchIndex(db)));
  app.addHook('onClose', async () => {
    // Closing must not fail because the log could not be written (the database may be gone).
    await search.flush().catch((err: unknown) => app.log.error({ err }, 'search log: not written at close'));
  });
  // One directory of region codes for every catalogue route that takes a region.
  const regions = new RegionDirectory(db);
  const guides = sharedGuides ?? new PublishedGuides(db);
  await app.register(publicCatalogRoutes, { db, search, guides, callers, regions });
  // The platform's index key keys the askers and, as in every module, the audit chain.
  await app.register(adminCatalogRoutes, { db, search, guides, auditKey: callers.askerKey });
  await app.register(formsRoutes, { db, regions });
};

export {
  CatalogSearch,
  DEFAULT_HOT_POLICY,
  type HotSearchPolicy,
  type SearchLogSink,
} from './search/search.service.js';
export { askerOf, type SearchCallers } from './search/askers.js';
export { logSearchClicks, type LoggedClick } from './search/clicks.js';
export { loadSynonyms } from './search/search.repository.js';
export {
  getPublishedItem,
  getPublishedResult,
  rebuildSearchIndex,
  implementationCode,
  validateGuide,
  CATALOG_ADMIN,
  CATALOG_REVIEWER,
} from './items.service.js';
export { listThemes, getTheme, getThemeApplication } from './themes.service.js';
export { findItemServing, catalogueServing } from './serving.js';
export { listPublishedImplementations, type PublishedImplementation } from './items.repository.js';
export { themeFormFields } from './forms/theme-form.js';
export { sampleValues } from './forms/sample-values.js';
export { writeSynonym } from './search/synonyms.service.js';
export { PublishedGuides } from './published-guides.js';
export { regionNameEn, regionShortName, regionShortNameEn } from './region-names.js';
export { englishName as itemNameEn } from './search/names-en.js';
export { seedCatalog, catalogIsEmpty, type CatalogSeedResult } from './catalog.seed.js';
export {
  listVillageAddresses,
  listDepartments,
  listDepartmentsAbove,
  findDepartment,
  findDepartmentByKey,
  findRegion,
  listChildRegions,
  listRegionsByCode,
  departmentNames,
} from './regions.repository.js';
export {
  jsonSchemaOf,
  validateApplicationForm,
  personalKind,
  clearFormKeys,
  fieldsOfForm,
  UNKNOWN_FIELD,
} from './forms/application-form.js';
