/**
 * Life events through HTTP: a death recorded once by the health department is applied to the
 * registries, reaches a department inbox, and reaches three department systems by signed webhook
 * exactly once each — one of them failing twice first — with the outbox event for the platform.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../../test/people.js';
import { verifyWebhookSignature } from '../index.js';
import { call, departmentStaff } from '../exchange.test-kit.js';
import { testCipher } from '../../../test/keys.js';

const cipher = testCipher();

interface Received {
  path: string;
  body: string;
  headers: IncomingMessage['headers'];
  status: number;
}

let t: TestApp;
let server: Server;
let base: string;
const received: Received[] = [];
/** How many times each path still answers 500 before it succeeds. */
const failures = new Map<string, number>([['/civil', 2]]);

let healthClerk: Awaited<ReturnType<typeof departmentStaff>>;
let policeClerk: Awaited<ReturnType<typeof departmentStaff>>;
let hrssClerk: Awaited<ReturnType<typeof departmentStaff>>;
let deceased: RegistryPerson & { c: Client };
const secrets = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({ env: { ...GENEROUS_LIMITS, WEBHOOK_ALLOW_PRIVATE: 'true' } });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const left = failures.get(req.url!) ?? 0;
      const status = left > 0 ? 500 : 204;
      if (left > 0) failures.set(req.url!, left - 1);
      received.push({ path: req.url!, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  healthClerk = await departmentStaff(t, 'gz-health', ['registrar']);
  policeClerk = await departmentStaff(t, 'gz-police', ['registrar']);
  hrssClerk = await departmentStaff(t, 'gz-hrss', ['registrar']);
  // Subscribers: three department systems by webhook (人社 ends the pension, 医保, 民政), 公安's inbox.
  for (const [key, path] of [
    ['gz-hrss', '/pension'],
    ['gz-medicare', '/medicare'],
    ['gz-civil', '/civil'],
  ] as const) {
    const admin = await departmentStaff(t, key, ['data_admin']);
    const res = await call(t, admin.authorization, 'POST', '/api/exchange/subscriptions', {
      departmentId: admin.departmentId,
      eventTypes: ['death'],
      channel: 'webhook',
      url: `${base}${path}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().secret).toMatch(/^whsec_/);
    secrets.set(path, res.json().secret);
  }
  const policeAdmin = await departmentStaff(t, 'gz-police', ['data_admin']);
  expect(
    (
      await call(t, policeAdmin.authorization, 'POST', '/api/exchange/subscriptions', {
        departmentId: policeAdmin.departmentId,
        eventTypes: ['death', 'birth'],
        channel: 'inbox',
      })
    ).statusCode,
  ).toBe(201);

  const [p] = await registryPersons(t, 'any', 1);
  deceased = { ...p!, c: (await register(t, p!)).c };
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

const death = (reference: string) => ({
  departmentId: healthClerk.departmentId,
  event: { type: 'death', idNumber: deceased.idNumber, occurredOn: '2026-11-20', reference },
});

describe('a death, recorded once', () => {
  let eventId: string;

  it('is refused from a department that does not record deaths', async () => {
    const res = await call(t, hrssClerk.authorization, 'POST', '/api/exchange/life-events', {
      ...death('人社-1'),
      departmentId: hrssClerk.departmentId,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('EXCHANGE.NOT_RECORDER');
    const other = await call(t, hrssClerk.authorization, 'POST', '/api/exchange/life-events', death('借用卫健部门'));
    expect(other.json().code).toBe('EXCHANGE.NOT_YOUR_DEPARTMENT');
  });

  it('is applied to the registries, with the outbox event for the platform', async () => {
    const res = await call(
      t,
      healthClerk.authorization,
      'POST',
      '/api/exchange/life-events',
      death('死亡医学证明 Q520000123'),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ created: true, inboxItems: 1, webhookDeliveries: 3 });
    eventId = res.json().eventId;
    const person = await sql<{
      alive: boolean;
      deathDate: string;
      householdStatus: string;
    }>`SELECT alive, death_date, household_status FROM exchange.person WHERE id = ${deceased.id}`.execute(t.db);
    expect(person.rows[0]).toEqual({ alive: false, deathDate: '2026-11-20', householdStatus: 'cancelled' });
    const outbox = await sql<{
      payload: unknown;
    }>`SELECT payload FROM platform.outbox WHERE topic = 'exchange.life-event-recorded' AND aggregate_id = ${eventId}`.execute(
      t.db,
    );
    expect(outbox.rows).toHaveLength(1);
    const payload = outbox.rows[0]!.payload;
    expect(typeof payload === 'string' ? JSON.parse(payload) : payload).toEqual({
      eventId,
      type: 'death',
      occurredOn: '2026-11-20',
      personIds: [deceased.id],
      creditCode: null,
    });
  });

  it('answers the same event when recorded again, and refuses a second death', async () => {
    const again = await call(
      t,
      healthClerk.authorization,
      'POST',
      '/api/exchange/life-events',
      death('死亡医学证明 Q520000123'),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ eventId, created: false });
    const second = await call(t, healthClerk.authorization, 'POST', '/api/exchange/life-events', death('另一份证明'));
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('EXCHANGE.REGISTRY_CONFLICT');
  });

  it('reaches three subscribers by webhook exactly once each, one failing twice first', async () => {
    const t0 = new Date();
    expect(await t.app.exchange.deliverDue(t0)).toEqual({ attempted: 3, delivered: 2, retrying: 1, dead: 0 });
    // Not yet due: the backoff holds the failed one back.
    expect((await t.app.exchange.deliverDue(new Date(t0.getTime() + 10_000))).attempted).toBe(0);
    expect(await t.app.exchange.deliverDue(new Date(t0.getTime() + 31_000))).toEqual({
      attempted: 1,
      delivered: 0,
      retrying: 1,
      dead: 0,
    });
    expect((await t.app.exchange.deliverDue(new Date(t0.getTime() + 31_000 + 50_000))).attempted).toBe(0);
    expect(await t.app.exchange.deliverDue(new Date(t0.getTime() + 31_000 + 61_000))).toEqual({
      attempted: 1,
      delivered: 1,
      retrying: 0,
      dead: 0,
    });
    expect((await t.app.exchange.deliverDue(new Date(t0.getTime() + 86_400_000))).attempted).toBe(0);

    const ok = (path: string) => received.filter((r) => r.path === path && r.status < 300);
    for (const path of ['/pension', '/medicare', '/civil']) expect(ok(path), path).toHaveLength(1);
    const civil = received.filter((r) => r.path === '/civil');
    expect(civil.map((r) => r.status)).toEqual([500, 500, 204]);
    // Every attempt of one delivery carries the same idempotency key, and each subscriber its own.
    expect(new Set(civil.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(new Set(received.map((r) => r.headers['idempotency-key'])).size).toBe(3);

    for (const r of received) {
      const header = String(r.headers['tongban-signature']);
      const signedAt = Number(/t=(\d+)/.exec(header)![1]);
      expect(verifyWebhookSignature(secrets.get(r.path)!, header, r.body, signedAt)).toMatchObject({ ok: true });
      expect(
        verifyWebhookSignature(secrets.get(r.path === '/civil' ? '/pension' : '/civil')!, header, r.body, signedAt),
      ).toMatchObject({ ok: false });
      const body = JSON.parse(r.body);
      expect(body).toMatchObject({
        eventId,
        type: 'death',
        occurredOn: '2026-11-20',
        persons: [{ idNumber: deceased.idNumber, name: deceased.name }],
        id: r.headers['idempotency-key'],
      });
    }
    const states = await sql<{
      state: string;
      attempts: number;
    }>`SELECT state, attempts FROM exchange.webhook_delivery WHERE event_id = ${eventId} ORDER BY attempts`.execute(
      t.db,
    );
    expect(states.rows).toEqual([
      { state: 'delivered', attempts: 1 },
      { state: 'delivered', attempts: 1 },
      { state: 'delivered', attempts: 3 },
    ]);
  });

  it('reaches the subscribing department’s inbox, masked, for its staff only', async () => {
    const inbox = await call(t, policeClerk.authorization, 'GET', '/api/exchange/inbox');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const [item] = inbox.json().items;
    expect(item).toMatchObject({
      event: { id: eventId, type: 'death', occurredOn: '2026-11-20', recordedBy: '贵州省卫生健康委员会' },
      persons: [
        { name: deceased.name, idNumber: `${deceased.idNumber.slice(0, 6)}********${deceased.idNumber.slice(-4)}` },
      ],
    });
    expect(inbox.body).not.toContain(deceased.idNumber);
    expect((await call(t, hrssClerk.authorization, 'GET', '/api/exchange/inbox')).json().items).toEqual([]);
    expect(
      (await call(t, hrssClerk.authorization, 'POST', `/api/exchange/inbox/${item.id}/acknowledge`)).statusCode,
    ).toBe(404);
    expect(
      (await call(t, policeClerk.authorization, 'POST', `/api/exchange/inbox/${item.id}/acknowledge`)).statusCode,
    ).toBe(204);
    expect((await call(t, policeClerk.authorization, 'GET', '/api/exchange/inbox')).json().items).toEqual([]);
    expect(
      (await call(t, policeClerk.authorization, 'GET', '/api/exchange/inbox?state=all')).json().items,
    ).toHaveLength(1);
  });

  it('shows the notices among the uses of the person’s data', async () => {
    const uses = (await deceased.c.call('GET', '/api/me/data-uses')).json().uses as {
      department: string;
      via: string;
      purpose: string;
    }[];
    expect(uses.map((u) => u.department).sort()).toEqual(
      ['贵州省人力资源和社会保障厅', '贵州省医疗保障局', '贵州省民政厅'].sort(),
    );
    expect(uses.every((u) => u.via === 'system' && u.purpose === '生命周期事件通知：死亡')).toBe(true);
  });
});

describe('other life events', () => {
  it('marries two people, then divorces them, in the civil-affairs registry', async () => {
    const all = await sql<{ id: string; enc: string }>`SELECT id, personal_enc AS enc FROM exchange.person`.execute(
      t.db,
    );
    const byId = new Map(all.rows.map((r) => [r.id, JSON.parse(cipher.decrypt(r.enc)) as { maritalStatus: string }]));
    const personal = (id: string) => byId.get(id)!;
    const civil = await departmentStaff(t, 'gz-civil', ['registrar']);
    const people = await registryPersons(t, 'any', 300);
    const pair = people
      .filter((p) => personal(p.id).maritalStatus === 'unmarried' && p.idNumber.slice(6, 14) < '20000101')
      .slice(0, 2);
    expect(pair).toHaveLength(2);
    const idNumbers = pair.map((p) => p.idNumber);
    const married = await call(t, civil.authorization, 'POST', '/api/exchange/life-events', {
      departmentId: civil.departmentId,
      event: { type: 'marriage', idNumbers, occurredOn: '2026-11-21', reference: '结婚登记 J5200-2026-001' },
    });
    expect(married.statusCode, married.body).toBe(201);
    const status = async () =>
      (
        await sql<{
          id: string;
          enc: string;
        }>`SELECT id, personal_enc AS enc FROM exchange.person WHERE id IN (${pair[0]!.id}, ${pair[1]!.id})`.execute(
          t.db,
        )
      ).rows.map((r) => JSON.parse(cipher.decrypt(r.enc)).maritalStatus);
    expect(await status()).toEqual(['married', 'married']);
    const again = await call(t, civil.authorization, 'POST', '/api/exchange/life-events', {
      departmentId: civil.departmentId,
      event: { type: 'marriage', idNumbers, occurredOn: '2026-11-22', reference: '结婚登记 J5200-2026-002' },
    });
    expect(again.json().code).toBe('EXCHANGE.REGISTRY_CONFLICT');
    const divorced = await call(t, civil.authorization, 'POST', '/api/exchange/life-events', {
      departmentId: civil.departmentId,
      event: { type: 'divorce', idNumbers, occurredOn: '2026-11-22', reference: '离婚登记 L5200-2026-001' },
    });
    expect(divorced.statusCode, divorced.body).toBe(201);
    expect(await status()).toEqual(['divorced', 'divorced']);
  });

  it('refuses an event that does not validate, naming nothing personal', async () => {
    const res = await call(t, healthClerk.authorization, 'POST', '/api/exchange/life-events', {
      departmentId: healthClerk.departmentId,
      event: { type: 'death', idNumber: '110105194912310020', occurredOn: '2026-11-20', reference: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('110105194912310020');
  });
});

describe('the webhook worker', () => {
  it('delivers on its own on a node with workers, and stops when the app closes', async () => {
    const node = await createTestApp({ env: { ...GENEROUS_LIMITS, WORKERS: 'true', WEBHOOK_ALLOW_PRIVATE: 'true' } });
    try {
      const admin = await departmentStaff(node, 'gz-hrss', ['data_admin']);
      const health = await departmentStaff(node, 'gz-health', ['registrar']);
      const sub = await call(node, admin.authorization, 'POST', '/api/exchange/subscriptions', {
        departmentId: admin.departmentId,
        eventTypes: ['death'],
        channel: 'webhook',
        url: `${base}/worker`,
      });
      expect(sub.statusCode).toBe(201);
      const [p] = await registryPersons(node, 'any', 1);
      const recorded = await call(node, health.authorization, 'POST', '/api/exchange/life-events', {
        departmentId: health.departmentId,
        event: { type: 'death', idNumber: p!.idNumber, occurredOn: '2026-11-21', reference: 'worker-1' },
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
      for (let i = 0; i < 50 && !received.some((r) => r.path === '/worker'); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(received.filter((r) => r.path === '/worker')).toHaveLength(1);
    } finally {
      await node.close();
    }
  });
});
