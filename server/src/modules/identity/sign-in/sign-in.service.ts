/**
 * Sign-in (登录): password (argon2id) with a TOTP code for staff in administrative roles (等保三级),
 * or an SMS code for persons; lockout with back-off after repeated failures; every attempt audited.
 * Failures never say whether the account exists.
 */
import { verifySync } from 'otplib';
import { isValidIdNumber } from '../../../platform/validators/index.js';
import { tooManyRequests, unauthorized } from '../../../platform/errors.js';
import type { Db } from '../../../platform/db/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { recordAudit, type RequestMeta } from '../audit.js';
import { createSession, type NewSession } from '../sessions/sessions.js';
import { verifyPassword } from './password.js';
import { consumeSmsCode } from './sms-codes.js';

/** Roles whose holders must present a second factor. */
export const TOTP_ROLES = ['catalog_admin', 'data_admin', 'system_admin'] as const;
const FREE_FAILURES = 5;
const MAX_LOCK_MINUTES = 24 * 60;

export type SignIn = { method: 'password'; account: string; password: string; totp?: string } | { method: 'sms'; phone: string; code: string };

export interface SignedIn {
  session: NewSession;
  subject: { kind: 'person' | 'staff'; id: string };
}

const badTotp = () => unauthorized('IDENTITY.BAD_TOTP', { zh: '动态口令错误或已使用过', en: 'Wrong or already used authenticator code' });
const badCredentials = () => unauthorized('IDENTITY.BAD_CREDENTIALS', { zh: '账号或密码错误', en: 'Wrong account or password' });

interface Account {
  kind: 'person' | 'staff';
  id: string;
  passwordHash: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  totpSecretEnc: string | null;
  totpLastStep: number | null;
  roles: string[];
}

async function findAccount(deps: IdentityDeps, account: string): Promise<Account | undefined> {
  const { db, cipher } = deps;
  const value = account.trim();
  if (isValidIdNumber(value) || /^1[3-9]\d{9}$/.test(value)) {
    const column = /^1[3-9]\d{9}$/.test(value) ? 'phoneIndex' : 'idNumberIndex';
    const p = await iq(db)
      .selectFrom('identity.personAccount')
      .select(['id', 'passwordHash', 'failedLogins', 'lockedUntil'])
      .where(column, '=', cipher.blindIndex(value.toUpperCase()))
      .where('active', '=', true)
      .executeTakeFirst();
    return p && { kind: 'person', ...p, totpSecretEnc: null, totpLastStep: null, roles: [] };
  }
  const s = await iq(db)
    .selectFrom('identity.staff')
    .select(['id', 'passwordHash', 'failedLogins', 'lockedUntil', 'totpSecretEnc', 'totpLastStep', 'roles'])
    .where('username', '=', value.toLowerCase())
    .where('active', '=', true)
    .executeTakeFirst();
  return s && { kind: 'staff', ...s };
}

const table = (kind: 'person' | 'staff') => (kind === 'person' ? 'identity.personAccount' : 'identity.staff') as 'identity.personAccount';

async function recordFailure(db: Db, account: Account, now: Date): Promise<void> {
  const failures = account.failedLogins + 1;
  const lockMinutes = failures >= FREE_FAILURES ? Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_MINUTES) : 0;
  await iq(db)
    .updateTable(table(account.kind))
    .set({ failedLogins: failures, lockedUntil: lockMinutes ? new Date(now.getTime() + lockMinutes * 60_000) : null })
    .where('id', '=', account.id)
    .execute();
}

export async function signIn(deps: IdentityDeps, input: SignIn, meta: RequestMeta): Promise<SignedIn> {
  const now = deps.now();
  const account = input.method === 'password' ? await findAccount(deps, input.account) : await findAccount(deps, input.phone);
  const fail = async (reason: string, error: Error = badCredentials()): Promise<never> => {
    if (account) await recordFailure(deps.db, account, now);
    await recordAudit(deps, deps.db, { id: null, kind: 'anonymous' }, 'identity.sign-in-failed', { type: account?.kind ?? 'account', id: account?.id ?? null }, meta, { detail: { method: input.method, reason } });
    throw error;
  };
  if (account?.lockedUntil && account.lockedUntil > now) {
    await recordAudit(deps, deps.db, { id: null, kind: 'anonymous' }, 'identity.sign-in-refused', { type: account.kind, id: account.id }, meta, { detail: { reason: 'locked' } });
    throw tooManyRequests('IDENTITY.ACCOUNT_LOCKED', { zh: '登录失败次数过多，账号已暂时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is locked for a while' }, [], {
      retryAfterSeconds: Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  let totpStep: number | undefined;
  if (input.method === 'password') {
    if (!(await verifyPassword(account?.passwordHash, input.password)) || !account) return fail('password');
    if (account.kind === 'staff' && account.roles.some((r) => (TOTP_ROLES as readonly string[]).includes(r))) {
      if (!account.totpSecretEnc) return fail('totp-not-enrolled', unauthorized('IDENTITY.TOTP_NOT_ENROLLED', { zh: '管理岗位须先绑定动态口令，请联系系统管理员', en: 'Administrative roles need an authenticator; ask a system administrator' }));
      if (!input.totp) throw unauthorized('IDENTITY.TOTP_REQUIRED', { zh: '请输入动态口令', en: 'Enter the code from your authenticator' });
      const secret = deps.cipher.decrypt(account.totpSecretEnc);
      // A code is good once: steps up to the last one used are refused (a replayed code).
      const result = verifySync({ secret, token: input.totp, epochTolerance: 30, epoch: Math.floor(now.getTime() / 1000), ...(account.totpLastStep !== null ? { afterTimeStep: account.totpLastStep } : {}) });
      if (!result.valid || !('timeStep' in result)) return fail('totp', badTotp());
      totpStep = result.timeStep;
    }
  } else {
    if (!account || account.kind !== 'person') {
      // Same answer as a wrong code, so that phones without an account are not revealed.
      await consumeSmsCode(deps, input.phone, 'sign-in', input.code, 'body.code');
      return fail('sms');
    }
    try {
      await consumeSmsCode(deps, input.phone, 'sign-in', input.code, 'body.code');
    } catch (e) {
      return fail('sms', e as Error);
    }
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
    await iq(trx).updateTable(table(account.kind)).set({ failedLogins: 0, lockedUntil: null }).where('id', '=', account.id).execute();
    const session = await createSession(trx, subject, meta, now);
    await recordAudit(deps, trx, subject, 'identity.signed-in', { type: account.kind, id: account.id }, meta, { detail: { method: input.method } });
    return { session, subject };
  });
  return signedIn ?? fail('totp-replay', badTotp());
}
