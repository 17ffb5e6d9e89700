import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 政策找人 followed to its end: an offer keeps the case its beneficiary then filed for the policy's
 * item (`case_id`, its tracking code) and that case's decision once made (`case_decision`: 准予
 * approved, 不予 refused, 不予受理 not_accepted), so 触达统计 counts applications and grants that
 * really happened instead of clicks. A case links to an offer of a policy once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE proactive.offer
       ADD COLUMN case_id uuid,
       ADD COLUMN tracking_code text,
       ADD COLUMN case_decision text CHECK (case_decision IN ('approved', 'refused', 'not_accepted')),
       ADD COLUMN applied_at timestamptz`,
    `CREATE UNIQUE INDEX offer_case ON proactive.offer (case_id, policy_code) WHERE case_id IS NOT NULL`,
  ]);
}
