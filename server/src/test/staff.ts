/**
 * Staff who sign in like people do (等保三级: password and TOTP code), for tests and browser journeys.
 * The harness's `t.staff` makes staff with an API token only.
 */
import { sql } from 'kysely';
import { generateSecret, generateSync } from 'otplib';
import type { TestApp } from './harness.js';
import { testCipher } from './keys.js';
import { hashPassword, type StaffRole } from '../modules/identity/index.js';

export const STAFF_PASSWORD = 'Chuangkou2026x';

export interface SigningStaff {
  id: string;
  username: string;
  authorization: string;
  /** Base32 TOTP secret, as an authenticator app holds it. */
  totpSecret: string;
}

/** A staff member with {@link STAFF_PASSWORD} and a TOTP secret, ready to sign in through the API or the page. */
export async function staffWithPassword(t: TestApp, roles: StaffRole[], regionCode: string): Promise<SigningStaff> {
  const { id, authorization } = await t.staff(roles, regionCode);
  const totpSecret = generateSecret();
  const { rows } = await sql<{ username: string }>`
    UPDATE identity.staff SET password_hash = ${await hashPassword(STAFF_PASSWORD)}, totp_secret_enc = ${testCipher().encrypt(totpSecret)}
    WHERE id = ${id} RETURNING username`.execute(t.db);
  return { id, username: rows[0]!.username, authorization, totpSecret };
}

/**
 * The staff member's current TOTP code. A code is accepted once (the step used is kept): this
 * forgets the last step, as if the next 30-second window had come, so a test may sign the same
 * person in several times in a row.
 */
export async function totpCode(t: TestApp, username: string): Promise<string> {
  const { rows } = await sql<{
    totpSecretEnc: string;
  }>`UPDATE identity.staff SET totp_last_step = NULL WHERE username = ${username} RETURNING totp_secret_enc`.execute(
    t.db,
  );
  return generateSync({ secret: testCipher().decrypt(rows[0]!.totpSecretEnc) });
}
