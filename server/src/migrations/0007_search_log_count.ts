import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * The search log keeps one row per distinct query, region and outcome per flush window, with how
 * many times it was asked: a portal answers thousands of "营业执照" a minute.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE catalog.search_log ADD COLUMN count integer NOT NULL DEFAULT 1 CHECK (count > 0)`,
  ]);
}
