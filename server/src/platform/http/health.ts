/**
 * Probes for a load balancer or orchestrator: `/healthz` (liveness: the process answers; it never
 * touches the database, so a database outage does not get healthy processes restarted) and
 * `/readyz` (readiness: the database answers within `timeoutMs` and the server is not shutting
 * down; 503 problem+json otherwise, so traffic goes to another node until it is back).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { Health, Ready } from '../../../../contracts/platform.js';
import type { Database } from '../db/index.js';
import { sendProblem } from './problem.js';

/** Resolves true when the database answers a trivial query within `ms`. */
export async function databaseAnswers(database: Database, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const ping = sql`SELECT 1`.execute(database.db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsync<{ database: Database; timeoutMs?: number }> = async (
  app,
  { database, timeoutMs = 2_000 },
) => {
  let closing = false;
  app.addHook('onClose', async () => {
    closing = true;
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: '存活检查 Liveness',
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const, database: database.dialect }),
  );
  r.get(
    '/readyz',
    {
      schema: {
        tags: ['platform'],
        summary: '就绪检查：数据库可用 Readiness: the database answers',
        response: { 200: Ready },
      },
    },
    async (request, reply) => {
      if (!closing && (await databaseAnswers(database, timeoutMs)))
        return { status: 'ready' as const, database: database.dialect };
      reply.header('retry-after', '5');
      return sendProblem(
        request,
        reply,
        503,
        closing ? 'PLATFORM.SHUTTING_DOWN' : 'PLATFORM.DATABASE_UNAVAILABLE',
        closing
          ? { zh: '服务正在停止', en: 'The server is shutting down' }
          : { zh: '数据库暂时无法访问，请稍后重试', en: 'The database cannot be reached; retry later' },
      );
    },
  );
};
