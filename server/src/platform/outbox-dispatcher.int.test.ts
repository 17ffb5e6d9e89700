import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/harness.js';
import { OutboxDispatcher, type OutboxEvent } from './outbox-dispatcher.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await sql`CREATE TABLE public.effect (subscriber text NOT NULL, event_id bigint NOT NULL)`.execute(t.db);
});
afterAll(async () => t?.close());

const effects = async (subscriber: string) =>
  (
    await sql<{
      eventId: number;
    }>`SELECT event_id AS "eventId" FROM public.effect WHERE subscriber = ${subscriber} ORDER BY event_id`.execute(t.db)
  ).rows.map((r) => r.eventId);

const record = (subscriber: string) => async (e: OutboxEvent, trx: typeof t.db) => {
  await sql`INSERT INTO public.effect (subscriber, event_id) VALUES (${subscriber}, ${e.id})`.execute(trx);
};

// The mechanism under test carries any topic: events are written as rows (appendEvent takes declared topics only).
const emit = (topic: string, n: number) =>
  t.db
    .insertInto('platform.outbox')
    .values({ topic, aggregateType: 'test', aggregateId: String(n), payload: JSON.stringify({ n }), actorId: null })
    .execute();

describe('outbox dispatcher', () => {
  it('delivers each event once to each subscriber of its topic, and a failing one again later until it succeeds', async () => {
    let clock = new Date('2026-11-23T08:00:00Z');
    const d = new OutboxDispatcher<string>(t.db, { now: () => clock });
    let failuresLeft = 2;
    d.subscribe({ name: 'steady', topics: ['t.a', 't.b'], handle: record('steady') });
    d.subscribe({
      name: 'flaky',
      topics: ['t.a'],
      handle: async (e, trx) => {
        await record('flaky')(e, trx); // written, then rolled back with the failure
        if (failuresLeft-- > 0) throw new Error('endpoint down');
      },
    });
    await emit('t.a', 1);
    await emit('t.b', 2);
    await emit('t.c', 3);

    expect(await d.drain()).toBe(2); // steady ×2; flaky failed once
    expect(await effects('steady')).toHaveLength(2);
    expect(await effects('flaky')).toEqual([]);
    expect(await d.drain()).toBe(0); // not due yet: nothing is retried before its time

    clock = new Date(clock.getTime() + 1_000);
    expect(await d.drain()).toBe(0); // second failure, next try after 2 s
    clock = new Date(clock.getTime() + 2_000);
    expect(await d.drain()).toBe(1);
    expect(await effects('flaky')).toHaveLength(1);

    const { rows } = await sql<{ state: string; attempts: number }>`
      SELECT state, attempts FROM platform.outbox_delivery WHERE subscriber = 'flaky'`.execute(t.db);
    expect(rows).toEqual([{ state: 'delivered', attempts: 3 }]);

    // A second dispatcher on the same database (another API node) delivers nothing again.
    const other = new OutboxDispatcher<string>(t.db, { now: () => clock });
    other.subscribe({ name: 'steady', topics: ['t.a', 't.b'], handle: record('steady') });
    other.subscribe({ name: 'flaky', topics: ['t.a'], handle: record('flaky') });
    expect(await other.drain()).toBe(0);
    expect(await effects('steady')).toHaveLength(2);
  });

  it('hands new events to a batch handler in one transaction, and replays a failed batch event by event', async () => {
    const d = new OutboxDispatcher<string>(t.db);
    const batches: number[] = [];
    d.subscribe({
      name: 'batched',
      topics: ['t.g'],
      handle: async (e, trx) => {
        await record('batched')(e, trx);
        if ((e.payload as { n: number }).n === 13) throw new Error('bad event');
      },
      handleBatch: async (events, trx) => {
        batches.push(events.length);
        for (const e of events) await record('batched')(e, trx);
        if (events.some((e) => (e.payload as { n: number }).n === 13)) throw new Error('bad event in the batch');
      },
    });
    for (let i = 10; i < 13; i++) await emit('t.g', i);
    expect(await d.drain()).toBe(3);
    expect(batches).toEqual([3]);
    for (let i = 13; i < 16; i++) await emit('t.g', i);
    expect(await d.drain()).toBe(2); // the batch failed: each alone, 13 fails and waits for its retry
    expect(batches).toEqual([3, 3]);
    expect(await effects('batched')).toHaveLength(5);
    const { rows } = await sql<{ state: string }>`
      SELECT state FROM platform.outbox_delivery WHERE subscriber = 'batched' AND state <> 'delivered'`.execute(t.db);
    expect(rows).toEqual([{ state: 'retry' }]);
  });

  it('takes as many new events at once as a batch subscriber asks, more than its own default', async () => {
    const d = new OutboxDispatcher<string>(t.db, { batchSize: 2 });
    const batches: number[] = [];
    d.subscribe({
      name: 'wide',
      topics: ['t.w'],
      batchSize: 5,
      handle: record('wide'),
      handleBatch: async (events, trx) => {
        batches.push(events.length);
        for (const e of events) await record('wide')(e, trx);
      },
    });
    for (let i = 20; i < 27; i++) await emit('t.w', i);
    await d.drain();
    expect(batches).toEqual([5, 2]);
    expect(await effects('wide')).toHaveLength(7);
  });

  it('gives up after the last attempt and keeps the error for an operator', async () => {
    let clock = new Date('2026-11-23T09:00:00Z');
    const d = new OutboxDispatcher<string>(t.db, { now: () => clock, maxAttempts: 3 });
    d.subscribe({
      name: 'broken',
      topics: ['t.d'],
      handle: async () => {
        throw new Error('bad payload');
      },
    });
    await emit('t.d', 4);
    for (let i = 0; i < 5; i++) {
      await d.drain();
      clock = new Date(clock.getTime() + 60_000);
    }
    const { rows } = await sql<{ state: string; attempts: number; lastError: string }>`
      SELECT state, attempts, last_error AS "lastError" FROM platform.outbox_delivery WHERE subscriber = 'broken'`.execute(
      t.db,
    );
    expect(rows).toEqual([{ state: 'dead', attempts: 3, lastError: 'bad payload' }]);
  });

  it('runs concurrent drains of two nodes without delivering an event twice', async () => {
    const a = new OutboxDispatcher<string>(t.db);
    const b = new OutboxDispatcher<string>(t.db);
    for (const d of [a, b]) d.subscribe({ name: 'raced', topics: ['t.e'], handle: record('raced') });
    for (let i = 0; i < 20; i++) await emit('t.e', i);
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(20);
    const ids = await effects('raced');
    expect(new Set(ids).size).toBe(20);
    expect(ids).toHaveLength(20);
  });

  it('runs two nodes racing on the same retried events without repeating an effect', async () => {
    let clock = new Date('2026-11-23T09:00:00Z');
    const failedOnce = new Set<number>();
    const dispatcher = () => {
      const d = new OutboxDispatcher<string>(t.db, { now: () => clock });
      d.subscribe({
        name: 'retried',
        topics: ['t.f'],
        handle: async (e, trx) => {
          await record('retried')(e, trx);
          if (!failedOnce.has(e.id)) {
            failedOnce.add(e.id);
            throw new Error('receiver down');
          }
        },
      });
      return d;
    };
    const [a, b] = [dispatcher(), dispatcher()];
    for (let i = 0; i < 20; i++) await emit('t.f', i);
    expect(await a.drain()).toBe(0); // every event failed once and waits for its retry
    const waiting = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM platform.outbox_delivery WHERE subscriber = 'retried' AND state = 'retry'`.execute(
      t.db,
    );
    expect(Number(waiting.rows[0]!.n)).toBe(20);

    clock = new Date(clock.getTime() + 1_000);
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(20);
    const ids = await effects('retried');
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    const rows = await sql<{
      state: string;
      attempts: number;
    }>`SELECT DISTINCT state, attempts FROM platform.outbox_delivery WHERE subscriber = 'retried'`.execute(t.db);
    expect(rows.rows).toEqual([{ state: 'delivered', attempts: 2 }]);
  });
  it("stops a drain under way after the batch in hand when told to stop (a first start's backlog takes minutes)", async () => {
    const d = new OutboxDispatcher<string>(t.db, { batchSize: 2 });
    let handled = 0;
    let stopped: Promise<void> | undefined;
    d.subscribe({
      name: 'slow',
      topics: ['t.stop'],
      handle: async (e, trx) => {
        await record('slow')(e, trx);
        // Told to stop while the first batch is in hand.
        if (++handled === 1) stopped = d.stop();
      },
    });
    for (let n = 0; n < 10; n++) await emit('t.stop', n);
    expect(await d.drain()).toBe(2);
    await stopped;
    expect(await effects('slow')).toHaveLength(2);
    // Started again, it delivers the rest.
    d.start();
    try {
      await expect.poll(async () => (await effects('slow')).length, { timeout: 10_000 }).toBe(10);
    } finally {
      await d.stop();
    }
  });

  it('polls no subscriber while the outbox is unchanged, and still finds a new event and one committed late below the newest', async () => {
    const d = new OutboxDispatcher<string>(t.db, { pollMs: 10 });
    let scans = 0;
    d.subscribe({
      name: 'idle',
      // Read once by each of the subscriber's scans for new events.
      get topics() {
        scans++;
        return ['t.idle'];
      },
      handle: record('idle'),
    });
    // An id taken now and used later: its event commits after a newer one was delivered.
    const late = Number(
      (await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('platform.outbox', 'id')) AS id`.execute(t.db))
        .rows[0]!.id,
    );
    await emit('t.idle', 1);
    d.start();
    try {
      await expect.poll(async () => (await effects('idle')).length, { timeout: 10_000 }).toBe(1);
      // Many poll intervals later nothing has changed, and nobody was asked again after the first quiet poll.
      await new Promise((r) => setTimeout(r, 300));
      const quiet = scans;
      await new Promise((r) => setTimeout(r, 300));
      expect(scans).toBe(quiet);
      await sql`INSERT INTO platform.outbox (id, topic, aggregate_type, aggregate_id, payload, actor_id)
                VALUES (${late}, 't.idle', 'test', 'late', '{"n": 2}', NULL)`.execute(t.db);
      await expect.poll(async () => (await effects('idle')).length, { timeout: 10_000 }).toBe(2);
      await emit('t.idle', 3);
      await expect.poll(async () => (await effects('idle')).length, { timeout: 10_000 }).toBe(3);
    } finally {
      await d.stop();
    }
  });

  it('lets a lingering subscriber take the new events of a while as one batch, not one each pass; drain() does not wait', async () => {
    let clock = new Date('2026-11-23T09:00:00Z');
    const d = new OutboxDispatcher<string>(t.db, { pollMs: 10, now: () => clock });
    const batches: number[][] = [];
    d.subscribe({ name: 'eager', topics: ['t.l'], handle: record('eager') });
    const lingering = {
      name: 'lingering',
      topics: ['t.l'],
      lingerMs: 1_000,
      handle: record('lingering'),
      handleBatch: async (events: OutboxEvent[], trx: typeof t.db) => {
        batches.push(events.map((e) => Number(e.id)));
        for (const e of events) await record('lingering')(e, trx);
      },
    };
    d.subscribe(lingering);
    await emit('t.l', 1);
    d.start();
    try {
      await expect.poll(async () => (await effects('lingering')).length, { timeout: 10_000 }).toBe(1);
      for (const n of [2, 3, 4]) {
        await emit('t.l', n);
        await expect.poll(async () => (await effects('eager')).length, { timeout: 10_000 }).toBe(n);
      }
      // The eager subscriber had each as it came; on the dispatcher's clock no time has passed.
      expect(await effects('lingering')).toHaveLength(1);
      // A second later the three go together, though nothing new came to wake the poll.
      clock = new Date(clock.getTime() + 1_000);
      await expect.poll(async () => (await effects('lingering')).length, { timeout: 10_000 }).toBe(4);
      expect(batches).toHaveLength(1);
      expect(batches[0]).toHaveLength(3);
    } finally {
      await d.stop();
    }
    // A drain (tests, shutdown) hands everything over at once.
    const other = new OutboxDispatcher<string>(t.db, { now: () => clock });
    other.subscribe({ ...lingering, name: 'lingering-drained' });
    expect(await other.drain()).toBe(4);
    await emit('t.l', 5);
    expect(await other.drain()).toBe(1);
  });
});
