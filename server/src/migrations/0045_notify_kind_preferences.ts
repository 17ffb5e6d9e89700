import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Channels per kind of message: a person may choose other channels for one kind (`{"fee-due": ["email"]}`)
 * or switch a non-urgent kind off (an empty list); kinds not named follow the general channels.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [`ALTER TABLE notify.preference ADD COLUMN kinds jsonb NOT NULL DEFAULT '{}'::jsonb`]);
}
