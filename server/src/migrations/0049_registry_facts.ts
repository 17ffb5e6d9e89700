import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Facts the policies read from 法人库: 从业人数 (insured employees) and 纳税信用等级 (A/B/M/C/D).
 * Null where the registry has no record (a condition on it then fails).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE exchange.legal_entity ADD COLUMN employees int CHECK (employees >= 0)`,
    `ALTER TABLE exchange.legal_entity ADD COLUMN tax_credit_rating text CHECK (tax_credit_rating IN ('A', 'B', 'M', 'C', 'D'))`,
  ]);
}
