/**
 * SMS one-time codes (短信验证码): six digits, five minutes, five tries, at most one a minute and
 * ten a day per phone. The code goes out through the outbox (encrypted) to notify, which sends the
 * SMS through the configured gateway; outside production the code is also written to the log for developers.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { appendEvent } from '../../../platform/outbox.js';
import { tooManyRequests, unprocessable } from '../../../platform/errors.js';
import { maskPhone } from '../../../platform/privacy/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { sha256 } from '../sessions/sessions.js';

export type SmsPurpose = 'register' | 'sign-in' | 'reset-password';
const TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

const codeHash = (id: string, code: string) => sha256(`${id}:${code}`);

export async function sendSmsCode(
  deps: IdentityDeps,
  phone: string,
  purpose: SmsPurpose,
): Promise<{ expiresAt: Date }> {
  const { db, cipher, now } = deps;
  const at = now();
  const phoneIndex = cipher.blindIndex(phone);
  const recent = await iq(db)
    .selectFrom('identity.smsCode')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('createdAt').as('last')])
    .where('phoneIndex', '=', phoneIndex)
    .where('createdAt', '>', new Date(at.getTime() - 86_400_000))
    .executeTakeFirstOrThrow();
  if (recent.last && at.getTime() - new Date(recent.last).getTime() < 60_000) {
    throw tooManyRequests('IDENTITY.SMS_TOO_SOON', {
      zh: '验证码发送过于频繁，请一分钟后再试',
      en: 'A code was sent less than a minute ago; try again shortly',
    });
  }
  if (Number(recent.n) >= 10) {
    throw tooManyRequests('IDENTITY.SMS_DAILY_LIMIT', {
      zh: '今日验证码发送次数已达上限',
      en: 'Too many codes sent to this phone today',
    });
  }
  // Sign-in and reset codes go only to phones with an account; the answer is the same either way.
  const account =
    purpose !== 'register'
      ? await iq(db)
          .selectFrom('identity.personAccount')
          .select('id')
          .where('phoneIndex', '=', phoneIndex)
          .executeTakeFirst()
      : { id: null };
  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(at.getTime() + TTL_MS);
  await db.transaction().execute(async (trx) => {
    await iq(trx)
      .insertInto('identity.smsCode')
      .values({ id, phoneIndex, purpose, codeHash: codeHash(id, code), expiresAt, createdAt: at, consumedAt: null })
      .execute();
    if (account) {
      const text = `【通办】您的验证码为 ${code}，5 分钟内有效。请勿告诉他人。`;
      await appendEvent(
        trx,
        {
          topic: 'identity.sms-requested',
          aggregateType: 'identity.sms',
          aggregateId: id,
          payload: { to: cipher.encrypt(phone), text: cipher.encrypt(text), code: cipher.encrypt(code), purpose },
        },
        null,
      );
    }
  });
  if (account && !deps.production)
    deps.log.info({ phone: maskPhone(phone), purpose, code }, 'SMS code (development only)');
  return { expiresAt };
}

/** Consumes the newest live code for the phone and purpose if `code` matches it. */
export async function consumeSmsCode(
  deps: IdentityDeps,
  phone: string,
  purpose: SmsPurpose,
  code: string,
  field = 'body.smsCode',
): Promise<void> {
  const { db, cipher, now } = deps;
  const at = now();
  const wrong = () =>
    unprocessable('IDENTITY.BAD_SMS_CODE', { zh: '验证码错误或已过期', en: 'The code is wrong or has expired' }, [
      { field, code: 'IDENTITY.BAD_SMS_CODE', message: { zh: '验证码错误或已过期', en: 'Wrong or expired code' } },
    ]);
  // A wrong code still counts as an attempt: the transaction commits, then the request fails.
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await iq(trx)
      .selectFrom('identity.smsCode')
      .select(['id', 'codeHash', 'attempts'])
      .where('phoneIndex', '=', cipher.blindIndex(phone))
      .where('purpose', '=', purpose)
      .where('consumedAt', 'is', null)
      .where('expiresAt', '>', at)
      .orderBy('createdAt', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.attempts >= MAX_ATTEMPTS) return 'wrong';
    if (row.codeHash !== codeHash(row.id, code)) {
      await iq(trx)
        .updateTable('identity.smsCode')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', row.id)
        .execute();
      return 'wrong';
    }
    await iq(trx).updateTable('identity.smsCode').set({ consumedAt: at }).where('id', '=', row.id).execute();
    return 'ok';
  });
  if (outcome !== 'ok') throw wrong();
}
