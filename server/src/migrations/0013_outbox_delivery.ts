import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Outbox delivery per subscriber: one row per (subscriber, event) once the subscriber has handled
 * the event (written in the handler's own transaction, so an effect and its delivery mark commit
 * together) or has failed on it and waits for a retry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE platform.outbox_delivery (
       subscriber text NOT NULL CHECK (length(subscriber) BETWEEN 1 AND 100),
       event_id bigint NOT NULL REFERENCES platform.outbox (id),
       state text NOT NULL CHECK (state IN ('delivered', 'retry', 'dead')),
       attempts integer NOT NULL CHECK (attempts > 0),
       next_attempt_at timestamptz,
       last_error text,
       updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (subscriber, event_id)
     )`,
    `CREATE INDEX outbox_delivery_due ON platform.outbox_delivery (subscriber, next_attempt_at) WHERE state = 'retry'`,
    `CREATE INDEX outbox_topic ON platform.outbox (topic, id)`,
  ]);
}
