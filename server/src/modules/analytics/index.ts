/**
 * analytics (辅助服务系统 · 大数据分析): a columnar store fed by the outbox (case events, 好差评
 * ratings), rebuildable from the PostgreSQL event log; indicators per region, department, item,
 * channel and month with small-cell suppression for the public; 堵点 of an item.
 * Hears: cases.case-event, evaluation.rating-recorded, catalog.searches-logged, catalog.search-clicked,
 * supervision.complaint-recorded, licenses.license-used, exchange.data-shared, exchange.reads-shared. Publishes nothing.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AnalyticsDeps } from './analytics.deps.js';
import { analyticsRoutes } from './analytics.routes.js';

export const analyticsModule: FastifyPluginAsync<{ deps: AnalyticsDeps }> = async (app, opts) => {
  await app.register(analyticsRoutes, opts);
};

export { personKeyOf, type AnalyticsDeps } from './analytics.deps.js';
export type { AnalyticsStore, CellSums, Slice, Grouping } from './store/analytics-store.js';
export { DuckDbStore } from './store/duckdb-store.js';
export { ClickHouseStore } from './store/clickhouse-store.js';
export { ProcessStore, serveStore, type Channel } from './store/process-store.js';
export { analyticsSubscriber } from './feed/feed.js';
export { rebuildStore, type RebuildProgress } from './feed/rebuild.js';
export { cellOf, cellsOf, readsAsStaff, sliceFor } from './indicators/indicators.service.js';
export { GLOSSARY } from './indicators/glossary.js';
