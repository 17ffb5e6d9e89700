import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/** A TOTP code is accepted once (the last used time step is kept); SMS codes for password reset. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `ALTER TABLE identity.staff ADD COLUMN totp_last_step bigint`,
    `ALTER TABLE identity.sms_code DROP CONSTRAINT sms_code_purpose_check`,
    `ALTER TABLE identity.sms_code ADD CONSTRAINT sms_code_purpose_check CHECK (purpose IN ('register', 'sign-in', 'reset-password'))`,
  ]);
}
