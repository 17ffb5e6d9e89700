/**
 * opendata (数据开放): the platform's own datasets — service performance per item and department,
 * 好差评 per department, with small cells withheld — through a CKAN Action API subset, DCAT
 * (JSON-LD, Turtle) and CSV/JSON downloads. Reads the analytics module's public view only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { OpenDataDeps } from './opendata.deps.js';
import { ckanRoutes } from './ckan.routes.js';
import { openDataRoutes } from './opendata.routes.js';

export const openDataModule: FastifyPluginAsync<{ deps: OpenDataDeps }> = async (app, opts) => {
  await app.register(ckanRoutes, opts);
  await app.register(openDataRoutes, opts);
};

export type { OpenDataDeps } from './opendata.deps.js';
