import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * The sweep looks for cases paused in a special procedure for long (异常监察 long-suspension while
 * it still runs): the paused clocks by the day their pause began, without reading every clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE INDEX clock_paused_since ON supervision.clock (paused_since) WHERE state = 'paused' AND kind = 'case_promised'`,
  ]);
}
