/**
 * Metrics for the whole application: `registerMetrics` instruments every request and serves
 * `/metrics` when a token is configured, with the platform's own gauges (database reachable,
 * connection pool, outbox backlog and lag per subscriber). Modules add theirs through `gauge`.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/index.js';
import { databaseAnswers } from '../http/health.js';
import type { OutboxDispatcher } from '../outbox-dispatcher.js';
import { createMetrics, httpMetrics, type Metrics } from './metrics.js';
import { metricsRoutes } from './metrics.routes.js';

export type { Metrics } from './metrics.js';

export async function registerMetrics(
  app: FastifyInstance,
  opts: { token: string | undefined; database: Database; outbox: OutboxDispatcher },
): Promise<Metrics | undefined> {
  if (!opts.token) return undefined;
  const metrics = createMetrics();
  await app.register(httpMetrics, { metrics });
  await app.register(metricsRoutes, { metrics, token: opts.token });
  platformGauges(metrics, opts.database, opts.outbox);
  return metrics;
}

function platformGauges(metrics: Metrics, database: Database, outbox: OutboxDispatcher): void {
  metrics.gauge(
    'tongban_database_up',
    'Whether the database answered a query within 2 s (1) or not (0)',
    [],
    async () => [[{}, (await databaseAnswers(database, 2_000)) ? 1 : 0]],
  );
  const pool = database.poolStats;
  if (pool) {
    metrics.gauge(
      'tongban_db_pool_connections',
      'Connections of the PostgreSQL pool by state (total, idle, waiting callers)',
      ['state'],
      () => {
        const s = pool();
        return [
          [{ state: 'total' }, s.total],
          [{ state: 'idle' }, s.idle],
          [{ state: 'waiting' }, s.waiting],
        ];
      },
    );
  }
  // One reading of the backlog serves the four outbox gauges of a scrape.
  let reading: ReturnType<OutboxDispatcher['backlog']> | undefined;
  const backlog = () => {
    reading ??= outbox.backlog().finally(() => setImmediate(() => (reading = undefined)));
    return reading;
  };
  const per = (pick: (b: Awaited<ReturnType<OutboxDispatcher['backlog']>>[number]) => number) => async () =>
    (await backlog()).map((b): [{ subscriber: string }, number] => [{ subscriber: b.subscriber }, pick(b)]);
  metrics.gauge(
    'tongban_outbox_pending',
    'Outbox events not yet delivered to a subscriber (new, not yet tried)',
    ['subscriber'],
    per((b) => b.pending),
  );
  metrics.gauge(
    'tongban_outbox_retrying',
    'Outbox deliveries that failed and wait for a retry',
    ['subscriber'],
    per((b) => b.retrying),
  );
  metrics.gauge(
    'tongban_outbox_dead_letters',
    'Outbox deliveries given up after the last attempt (need an operator)',
    ['subscriber'],
    per((b) => b.dead),
  );
  metrics.gauge(
    'tongban_outbox_lag_seconds',
    'Age of the oldest outbox event waiting for a subscriber (0 when none)',
    ['subscriber'],
    async () => {
      const now = Date.now();
      return (await backlog()).map((b) => [
        { subscriber: b.subscriber },
        b.oldestWaitingAt ? Math.max(0, (now - b.oldestWaitingAt.getTime()) / 1000) : 0,
      ]);
    },
  );
  metrics.gauge(
    'tongban_outbox_poll_failures',
    'Failed outbox polls in a row (the dispatcher backs off while above 0)',
    [],
    () => [[{}, outbox.consecutiveFailures]],
  );
}
