/**
 * `GET /metrics`: the Prometheus text format, only for a scraper presenting
 * `Authorization: Bearer <METRICS_TOKEN>` (401 problem+json otherwise). Without a token
 * configured the route does not exist.
 */
import type { FastifyPluginAsync } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { sendProblem } from '../http/problem.js';
import type { Metrics } from './metrics.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics; token: string }> = async (
  app,
  { metrics, token },
) => {
  const expected = digest(`Bearer ${token}`);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const given = request.headers.authorization;
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(request, reply, 401, 'PLATFORM.METRICS_TOKEN_REQUIRED', {
        zh: '读取监控指标需要有效的令牌（METRICS_TOKEN）',
        en: 'Reading the metrics needs a valid bearer token (METRICS_TOKEN)',
      });
    }
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
};
