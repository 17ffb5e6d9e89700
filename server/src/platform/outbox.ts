/**
 * Domain events go to the outbox in the same transaction as the change they describe; workers
 * deliver them at least once (handlers are idempotent). Topics and payloads are declared once, in
 * `contracts/events.ts`: publishing an undeclared topic fails to typecheck and throws, a payload
 * that does not match its schema throws, and subscribers receive the payload typed and parsed.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { EVENTS, isTopic, type EventPayload, type Topic } from '../../../contracts/events.js';
import type { PlatformTables } from './db/tables.js';
import type { Db } from './db/index.js';
import type { OutboxEvent, OutboxSubscriber } from './outbox-dispatcher.js';

export type { EventPayload, Topic } from '../../../contracts/events.js';

/** One event of a declared topic, as published. */
export type DomainEvent<T extends Topic = Topic> = {
  [K in T]: {
    /** `module.thing-happened`, e.g. `catalog.item-published`. */
    topic: K;
    aggregateType: string;
    aggregateId: string;
    payload: EventPayload<K>;
  };
}[T];

/** One event as delivered to a subscriber of its topic. */
export type DeliveredEvent<T extends Topic = Topic> = {
  [K in T]: Omit<OutboxEvent, 'topic' | 'payload'> & { topic: K; payload: EventPayload<K> };
}[T];

function payloadOf<T extends Topic>(topic: T, payload: unknown): EventPayload<T> {
  if (!isTopic(topic)) throw new Error(`outbox topic ${String(topic)} is not declared in contracts/events.ts`);
  const parsed = EVENTS[topic].safeParse(typeof payload === 'string' ? JSON.parse(payload) : payload);
  if (!parsed.success) throw new Error(`outbox ${topic}: payload does not match its schema: ${parsed.error.message}`);
  return parsed.data as EventPayload<T>;
}

export async function appendEvent<T extends Topic>(
  db: Kysely<PlatformTables>,
  event: DomainEvent<T>,
  actorId: string | null,
): Promise<void> {
  const payload = payloadOf(event.topic, event.payload);
  await db
    .insertInto('platform.outbox')
    .values({
      topic: event.topic,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      payload: JSON.stringify(payload),
      actorId,
    })
    .execute();
}

/**
 * The outbox row of an event written by the statement that makes the change, as its last part:
 * `INSERT … SELECT … FROM source`, one row per row of `source` (a name the statement's WITH
 * defines). `fill` sets payload fields to SQL expressions over `source`, for values the same
 * statement computes (a number it takes). The payload is checked against its schema as given,
 * with a stand-in for each filled field; the row is returned with `RETURNING payload`.
 */
export function appendEventFrom<T extends Topic>(
  event: DomainEvent<T>,
  actorId: string | null,
  source: string,
  fill: Partial<Record<keyof EventPayload<T> & string, RawBuilder<unknown>>>,
): RawBuilder<{ payload: EventPayload<T> }> {
  const payload = payloadOf(event.topic, event.payload);
  const filled = Object.entries(fill).flatMap(([key, value]) => [sql.lit(key), value as RawBuilder<unknown>]);
  return sql<{ payload: EventPayload<T> }>`
    INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
    SELECT ${event.topic}, ${event.aggregateType}, ${event.aggregateId},
           ${JSON.stringify(payload)}::jsonb || jsonb_build_object(${sql.join(filled)}), ${actorId}
      FROM ${sql.table(source)}
    RETURNING payload`;
}

/**
 * A subscriber to declared topics: `handle` gets each event with its payload parsed by the topic's
 * schema (a payload that does not parse fails the delivery, which is retried and then left dead).
 */
export function subscriber<const T extends Topic>(
  name: string,
  topics: readonly T[],
  handle: (event: DeliveredEvent<T>, trx: Db) => Promise<void>,
  /** Optional: several new events at once (see `OutboxSubscriber.handleBatch`), each payload checked as for `handle`. */
  handleBatch?: (events: DeliveredEvent<T>[], trx: Db) => Promise<void>,
  batchSize?: number,
  /** Optional: at most one batch of new events in this many milliseconds (see `OutboxSubscriber.lingerMs`). */
  lingerMs?: number,
): OutboxSubscriber {
  const typed = (event: OutboxEvent) =>
    ({ ...event, payload: payloadOf(event.topic as T, event.payload) }) as DeliveredEvent<T>;
  return {
    name,
    topics,
    handle: async (event, trx) => handle(typed(event), trx),
    ...(handleBatch
      ? { handleBatch: async (events: OutboxEvent[], trx: Db) => handleBatch(events.map(typed), trx) }
      : {}),
    ...(batchSize ? { batchSize } : {}),
    ...(lingerMs ? { lingerMs } : {}),
  };
}

export async function listEvents(db: Kysely<PlatformTables>, aggregateType: string, aggregateId: string) {
  return db
    .selectFrom('platform.outbox')
    .select(['id', 'topic', 'payload', 'actorId', 'occurredAt'])
    .where('aggregateType', '=', aggregateType)
    .where('aggregateId', '=', aggregateId)
    .orderBy('id')
    .execute();
}
