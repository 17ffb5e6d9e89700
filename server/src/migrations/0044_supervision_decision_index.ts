import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/** 异常监察's bulk out-of-hours rule reads one account's recent decisions across cases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE INDEX event_staff_decisions ON cases.event (actor_id, at)
       WHERE type IN ('approved', 'refused', 'task-approved')`,
  ]);
}
