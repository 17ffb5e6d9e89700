/**
 * Webhook targets are checked for server-side request forgery: at subscription, private,
 * loopback, link-local and mapped addresses are refused in every spelling; in production only
 * https; at delivery the host is resolved again and the connection goes to the address checked, so
 * a name that turns private after the subscription (DNS rebinding) gets nothing.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, registryPersons } from '../../../test/people.js';
import type { Resolve } from '../../../platform/net/index.js';
import { call, departmentStaff } from '../exchange.test-kit.js';

let server: Server;
let port: number;
const received: { host: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ host: req.headers.host, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => new Promise((resolve) => server?.close(resolve)));

async function subscribe(t: TestApp, url: string) {
  const admin = await departmentStaff(t, 'gz-hrss', ['data_admin']);
  return call(t, admin.authorization, 'POST', '/api/exchange/subscriptions', {
    departmentId: admin.departmentId,
    eventTypes: ['death'],
    channel: 'webhook',
    url,
  });
}

async function recordDeath(t: TestApp, reference: string) {
  const health = await departmentStaff(t, 'gz-health', ['registrar']);
  const [p] = await registryPersons(t, 'any', 1);
  const res = await call(t, health.authorization, 'POST', '/api/exchange/life-events', {
    departmentId: health.departmentId,
    event: { type: 'death', idNumber: p!.idNumber, occurredOn: '2026-11-21', reference },
  });
  expect(res.statusCode, res.body).toBe(201);
  return p!;
}

describe('webhook subscriptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: GENEROUS_LIMITS });
  });
  afterAll(async () => t?.close());

  it('refuses private, loopback, link-local and mapped targets in every spelling', async () => {
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      'http://127.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.1/',
      'https://[::ffff:7f00:1]/',
      'https://0x7f.1/',
      'https://2130706433/',
      'https://[::1]/',
      'https://[fd12::1]/',
      'https://192.168.1.1/',
      'https://100.64.0.1/',
      'http://localhost/hook',
    ]) {
      const res = await subscribe(t, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toMatch(/^EXCHANGE\.WEBHOOK_TARGET_(FORBIDDEN|UNRESOLVED)$/);
      expect(res.json().detail).not.toContain(url);
    }
    const kept = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM exchange.subscription WHERE channel = 'webhook'`.execute(t.db);
    expect(kept.rows[0]!.n).toBe(0);
  });

  it('accepts a public address', async () => {
    const res = await subscribe(t, 'https://8.8.8.8/tongban/hook');
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('in production', () => {
  it('refuses plain http, and will not start with WEBHOOK_ALLOW_PRIVATE', async () => {
    const t = await createTestApp({ env: { ...GENEROUS_LIMITS, NODE_ENV: 'production' } });
    try {
      const res = await subscribe(t, 'http://8.8.8.8/hook');
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('EXCHANGE.BAD_WEBHOOK_URL');
      expect((await subscribe(t, 'https://8.8.8.8/hook')).statusCode).toBe(201);
    } finally {
      await t.close();
    }
    await expect(createTestApp({ env: { NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE: 'true' } })).rejects.toThrow(
      /WEBHOOK_ALLOW_PRIVATE/,
    );
  });
});

describe('delivery', () => {
  it('resolves the host again and sends nothing when it has turned private (DNS rebinding)', async () => {
    const answers: string[] = [];
    // Public when the subscription is checked, loopback (where the receiver listens) afterwards.
    const resolve: Resolve = async () => {
      const address = answers.length === 0 ? '93.184.216.34' : '127.0.0.1';
      answers.push(address);
      return [{ address, family: 4 }];
    };
    const t = await createTestApp({ env: GENEROUS_LIMITS, resolve });
    try {
      expect((await subscribe(t, `http://receiver.example:${port}/rebind`)).statusCode).toBe(201);
      await recordDeath(t, 'rebind-1');
      const before = received.length;
      expect(await t.app.exchange.deliverDue(new Date())).toMatchObject({ attempted: 1, delivered: 0, retrying: 1 });
      expect(received.length).toBe(before);
      expect(answers).toEqual(['93.184.216.34', '127.0.0.1']);
      const row = await sql<{ lastError: string }>`SELECT last_error FROM exchange.webhook_delivery`.execute(t.db);
      expect(row.rows[0]!.lastError).toMatch(/non-public/);
    } finally {
      await t.close();
    }
  });

  it('connects to the address it checked, once per delivery (a local receiver with the development switch)', async () => {
    let lookups = 0;
    const resolve: Resolve = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const t = await createTestApp({ env: { ...GENEROUS_LIMITS, WEBHOOK_ALLOW_PRIVATE: 'true' }, resolve });
    try {
      expect((await subscribe(t, `http://receiver.example:${port}/pinned`)).statusCode).toBe(201);
      const p = await recordDeath(t, 'pinned-1');
      lookups = 0;
      expect(await t.app.exchange.deliverDue(new Date())).toMatchObject({ attempted: 1, delivered: 1 });
      expect(lookups).toBe(1);
      const got = received.at(-1)!;
      expect(got.host).toBe(`receiver.example:${port}`);
      expect(JSON.parse(got.body).persons[0].idNumber).toBe(p.idNumber);
    } finally {
      await t.close();
    }
  });
});
