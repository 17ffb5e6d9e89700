import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 收件地: the region of the window that filed a case for a walk-in resident (全省通办: a 南明 window
 * files a 云岩 item). That window keeps read access to the case and hands over the result; the
 * handling place (办理地, `region_code`) decides. Cases filed before this migration take the
 * filing clerk's region.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE cases."case" ADD COLUMN filing_region_code text`,
    `UPDATE cases."case" c SET filing_region_code = s.region_code FROM identity.staff s WHERE c.filed_by = s.id`,
    `CREATE INDEX case_filing_window ON cases."case" (filing_region_code, status) WHERE filing_region_code IS NOT NULL AND status IN ('submitted', 'awaiting_supplement')`,
  ]);
}
