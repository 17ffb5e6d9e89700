import type { Kysely } from 'kysely';
import { execStatements } from '../platform/db/sql.js';

/**
 * Sign-in that cannot lock people out, and 等保三级 staff controls: failures counted per account
 * (or per unknown account name) and per client address instead of a lock on the account; staff
 * password history and age. Licence serials are random now: an index to check one is free.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `CREATE TABLE identity.sign_in_throttle (
       key text PRIMARY KEY,
       failures integer NOT NULL DEFAULT 0,
       last_failure_at timestamptz NOT NULL,
       wait_until timestamptz
     )`,
    `CREATE TABLE identity.password_history (
       staff_id uuid NOT NULL REFERENCES identity.staff (id),
       password_hash text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX password_history_staff ON identity.password_history (staff_id, created_at DESC)`,
    `ALTER TABLE identity.staff ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()`,
    // The old lock is replaced by the throttle: nobody stays locked out by it.
    `UPDATE identity.staff SET locked_until = NULL, failed_logins = 0`,
    `UPDATE identity.person_account SET locked_until = NULL, failed_logins = 0`,
    `CREATE INDEX license_issuer_serial ON licenses.license (issuer_department_id, type_code, serial)`,
  ]);
}
