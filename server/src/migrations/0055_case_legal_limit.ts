import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * A case carries its item's 法定办结时限 (legal limit, working days) as of its filing, beside the
 * promised one, so 电子监察 runs its legal clock. Cases filed before carry their item's published one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE cases."case" ADD COLUMN legal_days integer CHECK (legal_days >= 0)`,
    `UPDATE cases."case" c SET legal_days = (v.guide ->> 'legalLimitDays')::integer
       FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
      WHERE i.code = c.item_code AND v.guide ? 'legalLimitDays'`,
  ]);
}
