import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Who saw a 黄牌/红牌 and when: once per warning and person (the first look counts). The sweep's
 * inserts keep one index fewer: lookups by clock use `UNIQUE (clock_id, level, due_on)`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE supervision.warning_seen (
       warning_id uuid NOT NULL,
       staff_id uuid NOT NULL,
       seen_at timestamptz NOT NULL,
       PRIMARY KEY (warning_id, staff_id)
     )`,
    `DROP INDEX supervision.warning_clock`,
  ]);
}
