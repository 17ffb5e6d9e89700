/** /metrics: per-route request series, the outbox and search-log gauges, and refused without the token. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { loadConfig } from '../../config.js';
import { registerMetrics } from './index.js';

const TOKEN = 'metrics-test-token-0123456789';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => t?.close());

const scrape = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return res.body;
};

/** The value of one series, by its exact label set as printed. */
const value = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  it('counts requests per route pattern, never the raw URL, with latency histograms', async () => {
    const items = JSON.parse(
      (await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=%E5%BC%80%E9%A5%AD%E5%BA%97' })).body,
    ) as { items: { code: string }[] };
    const code = items.items[0]!.code;
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: `/api/catalog/items/${code}` });
    const refused = await t.app.inject({ method: 'GET', url: '/api/catalog/items/no-such-item-110101199003074514' });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    await t.app.inject({ method: 'GET', url: '/no/such/path/13900001111' });

    const text = await scrape();
    expect(value(text, 'http_requests_total{method="GET",route="/api/catalog/items/:code",status_code="200"}')).toBe(3);
    expect(
      value(
        text,
        `http_requests_total{method="GET",route="/api/catalog/items/:code",status_code="${refused.statusCode}"}`,
      ),
    ).toBe(1);
    expect(value(text, 'http_requests_total{method="GET",route="/api/catalog/search",status_code="200"}')).toBe(1);
    expect(value(text, 'http_requests_total{method="GET",route="unmatched",status_code="404"}')).toBe(1);
    expect(
      value(
        text,
        'http_request_duration_seconds_count{method="GET",route="/api/catalog/items/:code",status_code="200"}',
      ),
    ).toBe(3);
    // No identifier, path or query from a request reaches a label.
    for (const raw of [code, '110101199003074514', '13900001111', '开饭店', '/no/such/path'])
      expect(text).not.toContain(raw);
  });

  it('reports the database, the outbox backlog per subscriber and the search-log entries waiting', async () => {
    const text = await scrape();
    expect(value(text, 'tongban_database_up')).toBe(1);
    // WORKERS=false in tests: nothing was delivered, and the search above waits in the log buffer:
    // its query entry, its asker (热门搜索 counts distinct people) and the search itself (需求分析).
    expect(value(text, 'tongban_search_log_pending')).toBe(3);
    // The index was read in full once, at start, and nothing changed since.
    expect(value(text, 'tongban_search_index_updates{how="built"}')).toBe(1);
    expect(value(text, 'tongban_search_index_updates{how="applied"}')).toBe(0);
    expect(value(text, 'tongban_search_index_generation')).toBeGreaterThan(0);
    expect(value(text, 'tongban_outbox_poll_failures')).toBe(0);
    for (const subscriber of ['cases.life-events', 'licenses.issuance']) {
      for (const name of [
        'tongban_outbox_pending',
        'tongban_outbox_retrying',
        'tongban_outbox_dead_letters',
        'tongban_outbox_lag_seconds',
      ]) {
        expect(value(text, `${name}{subscriber="${subscriber}"}`), `${name} ${subscriber}`).toBeGreaterThanOrEqual(0);
      }
    }
    if (t.database.dialect === 'postgres')
      expect(value(text, 'tongban_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('is refused without the token or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: TOKEN }]) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'PLATFORM.METRICS_TOKEN_REQUIRED' });
      expect(res.body).not.toContain('http_requests_total');
    }
  });

  it('does not exist when no token is configured', async () => {
    const bare = Fastify();
    try {
      expect(
        await registerMetrics(bare, { token: loadConfig({}).metricsToken, database: t.database, outbox: t.app.outbox }),
      ).toBeUndefined();
      expect((await bare.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
