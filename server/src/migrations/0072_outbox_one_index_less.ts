import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * `platform.outbox_undelivered` indexed the events whose `delivered_at` was still empty. Since
 * deliveries are recorded per subscriber (`platform.outbox_delivery`), nothing sets `delivered_at`
 * and nothing reads the index: it was a second copy of the primary key, written with every event
 * (eight a case under `bench:cases`, with no scan of it in pg_stat_user_indexes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, ['DROP INDEX platform.outbox_undelivered']);
}
