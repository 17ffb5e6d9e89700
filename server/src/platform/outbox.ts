/**
 * Domain events go to the outbox in the same transaction as the change they describe; workers
 * deliver them at least once (handlers are idempotent).
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from './db/tables.js';

export interface DomainEvent<P = unknown> {
  /** `module.thing-happened`, e.g. `catalog.item-published`. */
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload: P;
}

export async function appendEvent(
  db: Kysely<PlatformTables>,
  event: DomainEvent,
  actorId: string | null,
): Promise<void> {
  await db
    .insertInto('platform.outbox')
    .values({
      topic: event.topic,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      payload: JSON.stringify(event.payload),
      actorId,
    })
    .execute();
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
