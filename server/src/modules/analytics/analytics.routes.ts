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
import type { AnalyticsDeps } from './analytics.deps.js';
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
