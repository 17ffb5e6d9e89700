import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * 亲属回避: a staff account may be linked to its holder's 公民身份号码 by the system administrator —
 * encrypted, with a blind index — and carries the kinship key (a keyed hash of surname and
 * normalised address from the population registry) that the `relatives` irregularity rule compares.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE identity.staff ADD COLUMN id_number_enc text`,
    `ALTER TABLE identity.staff ADD COLUMN id_number_index text`,
    `ALTER TABLE identity.staff ADD COLUMN kinship_key text`,
    `CREATE INDEX staff_by_id_number ON identity.staff (id_number_index) WHERE id_number_index IS NOT NULL`,
  ]);
}
