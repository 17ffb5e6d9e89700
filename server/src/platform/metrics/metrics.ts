/**
 * Prometheus metrics (prom-client), one registry per application: request rate and latency per
 * route pattern (never the raw URL, so no identifier or personal datum becomes a label), the
 * process's own figures, and gauges that modules read at scrape time (outbox backlog, search-log
 * entries waiting, connection pool). A gauge whose reading fails (the database is away) is left
 * out of that scrape, and `tongban_database_up` says why.
 */
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  /**
   * A gauge set at each scrape by `read`, which answers the value per label set. Labels must be
   * bounded and impersonal (a subscriber's name, a state), never an id, a query or a person.
   */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: () => Promise<Array<[Partial<Record<L, string>>, number]>> | Array<[Partial<Record<L, string>>, number]>,
  ): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    gauge(name, help, labelNames, read) {
      new Gauge({
        name,
        help,
        labelNames: [...labelNames],
        registers: [registry],
        async collect() {
          this.reset();
          try {
            for (const [labels, value] of await read()) this.set(labels, value);
          } catch {
            // Left out of this scrape; tongban_database_up tells the operator why.
          }
        },
      });
    },
  };
}

/** Counts and times every request by method, route pattern and status. */
export const httpMetrics = fp<{ metrics: Metrics }>(async (app, { metrics }) => {
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern (`/api/cases/:id`); paths no route matched share one label.
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
});
