/**
 * 找回密码: a person proves the phone with an SMS code and sets a new password; every session of
 * the account ends and the lockout is lifted. Staff passwords are reset by an administrator.
 */
import { invalid } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { recordAudit, type RequestMeta } from '../audit.js';
import { revokeSessionsOf } from '../sessions/sessions.js';
import { hashPassword, passwordProblems } from '../sign-in/password.js';
import { consumeSmsCode } from '../sign-in/sms-codes.js';

export async function resetPassword(
  deps: IdentityDeps,
  input: { phone: string; smsCode: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const weak = passwordProblems(input.password, [input.phone]);
  if (weak.length)
    throw invalid('IDENTITY.WEAK_PASSWORD', { zh: '密码不符合要求', en: 'The password does not meet the rules' }, weak);
  // A code is only ever sent to a phone with an account, so a consumed code means one exists.
  await consumeSmsCode(deps, input.phone, 'reset-password', input.smsCode);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    const account = await iq(trx)
      .updateTable('identity.personAccount')
      .set({ passwordHash, failedLogins: 0, lockedUntil: null })
      .where('phoneIndex', '=', deps.cipher.blindIndex(input.phone))
      .returning('id')
      .executeTakeFirstOrThrow();
    await revokeSessionsOf(trx, 'person', account.id, deps.now());
    await recordAudit(
      deps,
      trx,
      { id: account.id, kind: 'person' },
      'identity.password-reset',
      { type: 'person', id: account.id },
      meta,
    );
  });
}
