/**
 * 大数据 API: `GET /api/analytics/indicators` (public: small cells withheld; staff who read
 * analytics: their scope in full), `/api/analytics/bottlenecks?item=` (staff), `/api/analytics/glossary`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BottleneckAnswer,
  BottleneckQuery,
  Glossary,
  IndicatorAnswer,
  IndicatorQuery,
} from '../../../../contracts/analytics.js';
import {
  CapabilityAnswer,
  CapabilityQuery,
  DemandAnswer,
  DemandQuery,
} from '../../../../contracts/analytics-demand.js';
import { ProcessAnswer, ProcessQuery, RegionTiles, RegionTilesQuery } from '../../../../contracts/analytics-process.js';
import type { AnalyticsDeps } from './analytics.deps.js';
import { processMap } from './process/process.service.js';
import { regionTiles } from './map/region-tiles.service.js';
import { demand } from './demand/demand.service.js';
import { capability } from './capability/capability.service.js';
import { indicators } from './indicators/indicators.service.js';
import { bottlenecks } from './indicators/bottlenecks.service.js';
import { GLOSSARY } from './indicators/glossary.js';

const tags = ['analytics 大数据分析'];

export const analyticsRoutes: FastifyPluginAsyncZod<{ deps: AnalyticsDeps }> = async (app, { deps }) => {
  app.get(
    '/api/analytics/indicators',
    {
      schema: {
        tags,
        summary:
          '政务服务指标 Accepted, completed, on time, working days, 即办/全程网办 shares, 补正 and refusal rates, satisfaction — by region, department, item, channel or month',
        querystring: IndicatorQuery,
        response: { 200: IndicatorAnswer },
      },
    },
    async (request) => indicators(deps, request.actor, request.query),
  );
  app.get(
    '/api/analytics/bottlenecks',
    {
      schema: {
        tags,
        summary: '堵点分析 Dwell per step, 补正 loops and the directly-follows graph of an item (staff in scope)',
        querystring: BottleneckQuery,
        response: { 200: BottleneckAnswer },
      },
    },
    async (request) => bottlenecks(deps, request.actor, request.query),
  );
  app.get(
    '/api/analytics/process',
    {
      schema: {
        tags,
        summary:
          "流程挖掘 The directly-follows graph of an item's cases against its defined process (deviations marked, median hours and working days per edge), and the dwell of each department step by month",
        description:
          'Public: an edge or a cell of fewer people than the publication threshold is withheld. Staff who read analytics: their scope in full.',
        querystring: ProcessQuery,
        response: { 200: ProcessAnswer },
      },
    },
    async (request) => processMap(deps, request.actor, request.query),
  );
  app.get(
    '/api/analytics/region-tiles',
    {
      schema: {
        tags,
        summary:
          '瓦片地图 The regions one level below a region as tiles of a schematic map at fixed places, named in Chinese and English',
        querystring: RegionTilesQuery,
        response: { 200: RegionTiles },
      },
    },
    async (request) => regionTiles(deps, request.query),
  );
  app.get(
    '/api/analytics/demand',
    {
      schema: {
        tags,
        summary:
          '需求分析 Top searches, zero-result and no-click queries, searches that led to an application, items viewed but seldom applied for online, applications to another county',
        description:
          'Public: a query is listed only when enough distinct people (or sessions) asked it, and the counts of a row of fewer people than the publication threshold are withheld. Staff who read analytics: their region in full.',
        querystring: DemandQuery,
        response: { 200: DemandAnswer },
      },
    },
    async (request) => demand(deps, request.actor, request.query),
  );
  app.get(
    '/api/analytics/capability',
    {
      schema: {
        tags,
        summary:
          '一体化政务服务能力指数 Service coverage, guide completeness, online maturity and effectiveness of a region, each with its formula, inputs and weight',
        description:
          'The catalogue-based sub-scores are public; the effectiveness of the cases is withheld from the public when fewer people than the publication threshold are counted. Staff who read analytics: their scope (default: their region).',
        querystring: CapabilityQuery,
        response: { 200: CapabilityAnswer },
      },
    },
    async (request) => capability(deps, request.actor, request.query),
  );
  app.get(
    '/api/analytics/glossary',
    {
      schema: {
        tags,
        summary: '指标口径 What every published figure means, with its formula',
        response: { 200: Glossary },
      },
    },
    async () => ({ entries: [...GLOSSARY], minCell: deps.minCell }),
  );
};
