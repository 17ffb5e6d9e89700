/**
 * Staff passwords under 等保三级: a new one meets the rules and is none of the last
 * `PASSWORD_HISTORY` (the current one included); each change keeps the replaced hash and restarts
 * the password's age (`STAFF_PASSWORD_MAX_DAYS`).
 */
import type { Db } from '../../../platform/db/index.js';
import { invalid } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { hashPassword, passwordProblems, verifyPassword } from './password.js';

const FIELD = 'body.newPassword';

/** The hash of an acceptable new password for the staff member, or a 400 naming what is wrong. */
export async function checkNewStaffPassword(
  deps: Pick<IdentityDeps, 'db' | 'policy'>,
  staffId: string,
  username: string,
  password: string,
): Promise<string> {
  const weak = passwordProblems(password, [username]).map((p) => ({ ...p, field: FIELD }));
  if (weak.length)
    throw invalid(
      'IDENTITY.WEAK_PASSWORD',
      { zh: '新密码不符合要求', en: 'The new password does not meet the rules' },
      weak,
    );
  const n = deps.policy.passwordHistory;
  if (n > 0) {
    const current = await iq(deps.db)
      .selectFrom('identity.staff')
      .select('passwordHash')
      .where('id', '=', staffId)
      .executeTakeFirst();
    const earlier =
      n > 1
        ? await iq(deps.db)
            .selectFrom('identity.passwordHistory')
            .select('passwordHash')
            .where('staffId', '=', staffId)
            .orderBy('createdAt', 'desc')
            .limit(n - 1)
            .execute()
        : [];
    for (const hash of [current?.passwordHash, ...earlier.map((e) => e.passwordHash)]) {
      if (hash && (await verifyPassword(hash, password))) {
        const message = {
          zh: `新密码不能与最近 ${n} 次使用过的密码相同`,
          en: `The new password must differ from the last ${n} passwords`,
        };
        throw invalid('IDENTITY.PASSWORD_REUSED', message, [
          { field: FIELD, code: 'IDENTITY.PASSWORD_REUSED', message },
        ]);
      }
    }
  }
  return hashPassword(password);
}

/** Sets the new hash, keeps the replaced one in the history and restarts the password's age. */
export async function recordPasswordChange(db: Db, staffId: string, newHash: string, at: Date): Promise<void> {
  const before = await iq(db)
    .selectFrom('identity.staff')
    .select('passwordHash')
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (before?.passwordHash)
    await iq(db)
      .insertInto('identity.passwordHistory')
      .values({ staffId, passwordHash: before.passwordHash, createdAt: at })
      .execute();
  await iq(db)
    .updateTable('identity.staff')
    .set({ passwordHash: newHash, passwordChangedAt: at })
    .where('id', '=', staffId)
    .execute();
}
