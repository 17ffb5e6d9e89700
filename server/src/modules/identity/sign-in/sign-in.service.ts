/**
 * Sign-in (登录): password (argon2id) with a TOTP code for every staff member (等保三级), or an SMS
 * code for persons; throttled per account and per client (throttle.ts) with a second factor after
 * repeated failures instead of a lock; an expired staff password is changed in the same request;
 * every attempt audited. Answers do not depend on whether the account exists: the same codes and
 * messages, the same throttle, a password hash verified either way.
 */
import { verifySync } from 'otplib';
import { isValidIdNumber } from '../../../platform/validators/index.js';
import { forbidden, unauthorized } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { recordAudit, type RequestMeta } from '../audit.js';
import { createSession, revokeSessionsOf, type NewSession } from '../sessions/sessions.js';
import { verifyPassword } from './password.js';
import { consumeSmsCode, sendSmsCode } from './sms-codes.js';
import { checkNewStaffPassword, recordPasswordChange } from './password-policy.js';
import {
  clearThrottle,
  readThrottle,
  recordThrottledFailure,
  STEP_UP_AFTER,
  throttled,
  type ThrottleKeys,
} from './throttle.js';

export type SignIn =
  | { method: 'password'; account: string; password: string; totp?: string; stepUpCode?: string; newPassword?: string }
  | { method: 'sms'; phone: string; code: string };

export interface SignedIn {
  session: NewSession;
  subject: { kind: 'person' | 'staff'; id: string };
}

const badTotp = () =>
  unauthorized('IDENTITY.BAD_TOTP', { zh: '动态口令错误或已使用过', en: 'Wrong or already used authenticator code' });
const badCredentials = () =>
  unauthorized('IDENTITY.BAD_CREDENTIALS', { zh: '账号或密码错误', en: 'Wrong account or password' });
const stepUpRequired = () =>
  unauthorized('IDENTITY.STEP_UP_REQUIRED', {
    zh: '登录失败次数较多，为保护账号安全，请同时输入第二重验证（发送到绑定手机的短信验证码，工作人员为动态口令）',
    en: 'After several failed sign-ins a second factor is needed: the SMS code sent to the account’s phone (staff: the authenticator code)',
  });

const PHONE = /^1[3-9]\d{9}$/;
/** ID numbers and phones name persons; anything else is a staff user name. */
const isPersonIdentifier = (value: string) => PHONE.test(value) || isValidIdNumber(value);

interface Account {
  kind: 'person' | 'staff';
  id: string;
  passwordHash: string | null;
  phoneEnc: string | null;
  totpSecretEnc: string | null;
  totpLastStep: number | null;
  passwordChangedAt: Date | null;
}

/** The account an identifier names (ID number, phone or staff user name), normalised. */
async function findAccount(deps: IdentityDeps, identifier: string): Promise<Account | undefined> {
  const { db, cipher } = deps;
  if (isPersonIdentifier(identifier)) {
    const p = await iq(db)
      .selectFrom('identity.personAccount')
      .select(['id', 'passwordHash', 'phoneEnc'])
      .where(PHONE.test(identifier) ? 'phoneIndex' : 'idNumberIndex', '=', cipher.blindIndex(identifier))
      .where('active', '=', true)
      .executeTakeFirst();
    return p && { kind: 'person', ...p, totpSecretEnc: null, totpLastStep: null, passwordChangedAt: null };
  }
  const s = await iq(db)
    .selectFrom('identity.staff')
    .select(['id', 'passwordHash', 'totpSecretEnc', 'totpLastStep', 'passwordChangedAt'])
    .where('username', '=', identifier)
    .where('active', '=', true)
    .executeTakeFirst();
  return s && { kind: 'staff', ...s, phoneEnc: null };
}

const normalise = (identifier: string) => {
  const v = identifier.trim();
  return isPersonIdentifier(v.toUpperCase()) ? v.toUpperCase() : v.toLowerCase();
};

/** Throttle keys: the account when there is one, otherwise the name tried (same behaviour either way). */
const keysOf = (
  deps: IdentityDeps,
  identifier: string,
  account: Account | undefined,
  meta: RequestMeta,
): ThrottleKeys => ({
  account: account ? `account:${account.kind}:${account.id}` : `name:${deps.cipher.blindIndex(identifier)}`,
  client: `client:${meta.ip ?? 'unknown'}`,
});

/** The phone a person's second factor goes to; for a name without an account, the name itself (nothing is sent). */
const stepUpPhone = (deps: IdentityDeps, identifier: string, account: Account | undefined) =>
  account?.phoneEnc ? deps.cipher.decrypt(account.phoneEnc) : identifier;

/**
 * 登录验证码 as a second factor for a password sign-in (`purpose: step-up`): sent to the phone of
 * the account named by ID number or phone. The answer is the same whether or not there is one.
 */
export async function sendStepUpCode(deps: IdentityDeps, identifier: string): Promise<{ expiresAt: Date }> {
  const name = normalise(identifier);
  const account = isPersonIdentifier(name) ? await findAccount(deps, name) : undefined;
  return sendSmsCode(deps, stepUpPhone(deps, name, account), 'sign-in');
}

export async function signIn(deps: IdentityDeps, input: SignIn, meta: RequestMeta): Promise<SignedIn> {
  const now = deps.now();
  const identifier = normalise(input.method === 'password' ? input.account : input.phone);
  const account = await findAccount(deps, identifier);
  const keys = keysOf(deps, identifier, account, meta);
  const target = { type: account?.kind ?? 'account', id: account?.id ?? null };
  const refuse = async (reason: string, error: Error): Promise<never> => {
    await recordAudit(deps, deps.db, { id: null, kind: 'anonymous' }, 'identity.sign-in-refused', target, meta, {
      detail: { method: input.method, reason },
    });
    throw error;
  };
  const fail = async (reason: string, error: Error = badCredentials()): Promise<never> => {
    await recordThrottledFailure(deps.db, keys, now);
    await recordAudit(deps, deps.db, { id: null, kind: 'anonymous' }, 'identity.sign-in-failed', target, meta, {
      detail: { method: input.method, reason },
    });
    throw error;
  };

  const throttle = await readThrottle(deps.db, keys, now);
  if (throttle.waitSeconds > 0) return refuse('throttled', throttled(throttle.waitSeconds));

  let totpStep: number | undefined;
  let newPasswordHash: string | undefined;
  if (input.method === 'password') {
    if (throttle.accountFailures >= STEP_UP_AFTER) {
      // A second factor is due: persons an SMS code, staff their TOTP code (checked below).
      if (isPersonIdentifier(identifier) ? !input.stepUpCode : !input.totp)
        return refuse('step-up-required', stepUpRequired());
      if (isPersonIdentifier(identifier)) {
        try {
          await consumeSmsCode(
            deps,
            stepUpPhone(deps, identifier, account),
            'sign-in',
            input.stepUpCode!,
            'body.stepUpCode',
          );
        } catch (e) {
          return fail('step-up', e as Error);
        }
      }
    }
    if (!(await verifyPassword(account?.passwordHash, input.password)) || !account) return fail('password');
    if (account.kind === 'staff') {
      if (!account.totpSecretEnc)
        return fail(
          'totp-not-enrolled',
          unauthorized('IDENTITY.TOTP_NOT_ENROLLED', {
            zh: '工作人员须先绑定动态口令，请联系系统管理员',
            en: 'Staff need an authenticator; ask a system administrator',
          }),
        );
      if (!input.totp)
        throw unauthorized('IDENTITY.TOTP_REQUIRED', {
          zh: '请输入动态口令',
          en: 'Enter the code from your authenticator',
        });
      const expired =
        now.getTime() - account.passwordChangedAt!.getTime() > deps.policy.staffPasswordMaxDays * 86_400_000;
      if (expired && !input.newPassword) {
        return refuse(
          'password-expired',
          forbidden('IDENTITY.PASSWORD_EXPIRED', {
            zh: `密码已使用超过 ${deps.policy.staffPasswordMaxDays} 天，请设置新密码`,
            en: `The password is older than ${deps.policy.staffPasswordMaxDays} days; choose a new one`,
          }),
        );
      }
      if (input.newPassword)
        newPasswordHash = await checkNewStaffPassword(deps, account.id, identifier, input.newPassword);
      const secret = deps.cipher.decrypt(account.totpSecretEnc);
      // A code is good once: steps up to the last one used are refused (a replayed code).
      const result = verifySync({
        secret,
        token: input.totp,
        epochTolerance: 30,
        epoch: Math.floor(now.getTime() / 1000),
        ...(account.totpLastStep !== null ? { afterTimeStep: account.totpLastStep } : {}),
      });
      if (!result.valid || !('timeStep' in result)) return fail('totp', badTotp());
      totpStep = result.timeStep;
    }
  } else {
    // The same work and answer whether or not the phone has an account: a code nobody was sent is always wrong.
    try {
      await consumeSmsCode(deps, input.phone, 'sign-in', input.code, 'body.code');
    } catch (e) {
      return fail('sms', e as Error);
    }
    if (!account || account.kind !== 'person') return fail('sms');
  }
  const subject = { kind: account.kind, id: account.id };
  const signedIn = await deps.db.transaction().execute(async (trx) => {
    if (totpStep !== undefined) {
      // Two sign-ins racing with one code: only the first moves the step forward.
      const moved = await iq(trx)
        .updateTable('identity.staff')
        .set({ totpLastStep: totpStep })
        .where('id', '=', account.id)
        .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', totpStep!)]))
        .returning('id')
        .executeTakeFirst();
      if (!moved) return undefined;
    }
    if (newPasswordHash) {
      await recordPasswordChange(trx, account.id, newPasswordHash, now);
      await revokeSessionsOf(trx, 'staff', account.id, now);
      await recordAudit(deps, trx, subject, 'identity.password-changed', { type: 'staff', id: account.id }, meta, {
        detail: { at: 'sign-in' },
      });
    }
    await clearThrottle(trx, keys);
    const session = await createSession(trx, subject, meta, now);
    await recordAudit(deps, trx, subject, 'identity.signed-in', { type: account.kind, id: account.id }, meta, {
      detail: { method: input.method },
    });
    return { session, subject };
  });
  return signedIn ?? fail('totp-replay', badTotp());
}
