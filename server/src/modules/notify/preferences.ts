/**
 * Per-person choices: the channels to try in order (the inbox is always the last resort of an
 * account), the e-mail address and WeChat openid to use, and quiet hours (免打扰) during which
 * non-urgent messages wait.
 */
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import { unauthorized, unprocessable } from '../../platform/errors.js';
import { nq, type ChannelName } from './notify.tables.js';
import type { NotificationPreferences } from '../../../../contracts/notify.js';

export type AccountRef = { kind: 'person' | 'staff'; id: string };

const DEFAULT_CHANNELS: Record<AccountRef['kind'], ChannelName[]> = { person: ['sms', 'inbox'], staff: ['inbox'] };

export interface Preference {
  channels: ChannelName[];
  email: string | null;
  wechatOpenId: string | null;
  quiet: { from: number; to: number } | null;
}

export async function preferenceOf(db: Db, cipher: FieldCipher, who: AccountRef): Promise<Preference> {
  const row = await nq(db)
    .selectFrom('notify.preference')
    .selectAll()
    .where('accountKind', '=', who.kind)
    .where('accountId', '=', who.id)
    .executeTakeFirst();
  const channels = row?.channels.length ? [...row.channels] : [...DEFAULT_CHANNELS[who.kind]];
  if (!channels.includes('inbox')) channels.push('inbox');
  return {
    channels,
    email: row?.emailEnc ? cipher.decrypt(row.emailEnc) : null,
    wechatOpenId: row?.wechatOpenIdEnc ? cipher.decrypt(row.wechatOpenIdEnc) : null,
    quiet: row && row.quietFrom !== null && row.quietTo !== null ? { from: row.quietFrom, to: row.quietTo } : null,
  };
}

export function accountOf(actor: Actor): AccountRef {
  if ((actor.kind !== 'person' && actor.kind !== 'staff') || !actor.id)
    throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  return { kind: actor.kind, id: actor.id };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export async function myPreferences(
  deps: { db: Db; cipher: FieldCipher },
  actor: Actor,
): Promise<NotificationPreferences> {
  const p = await preferenceOf(deps.db, deps.cipher, accountOf(actor));
  return {
    channels: p.channels,
    email: p.email,
    wechatOpenId: p.wechatOpenId,
    quietHours: p.quiet ? { from: toHhmm(p.quiet.from), to: toHhmm(p.quiet.to) } : null,
  };
}

export async function savePreferences(
  deps: { db: Db; cipher: FieldCipher; now: () => Date },
  actor: Actor,
  input: NotificationPreferences,
): Promise<NotificationPreferences> {
  const who = accountOf(actor);
  const need = (channel: ChannelName, has: unknown, field: string) => {
    if (input.channels.includes(channel) && !has)
      throw unprocessable(
        'NOTIFY.ADDRESS_REQUIRED',
        { zh: '所选渠道缺少接收地址', en: 'A chosen channel has no address to send to' },
        [
          {
            field: `body.${field}`,
            code: 'NOTIFY.ADDRESS_REQUIRED',
            message: { zh: '请填写接收地址', en: 'Give the address for this channel' },
          },
        ],
      );
  };
  need('email', input.email, 'email');
  need('wechat', input.wechatOpenId, 'wechatOpenId');
  if (who.kind === 'staff' && input.channels.includes('sms'))
    throw unprocessable('NOTIFY.NO_STAFF_SMS', {
      zh: '工作人员消息不通过短信发送',
      en: 'Staff messages are not sent by SMS',
    });
  const values = {
    channels: input.channels,
    emailEnc: input.email ? deps.cipher.encrypt(input.email) : null,
    wechatOpenIdEnc: input.wechatOpenId ? deps.cipher.encrypt(input.wechatOpenId) : null,
    quietFrom: input.quietHours ? toMinutes(input.quietHours.from) : null,
    quietTo: input.quietHours ? toMinutes(input.quietHours.to) : null,
    updatedAt: deps.now(),
  };
  await nq(deps.db)
    .insertInto('notify.preference')
    .values({ accountKind: who.kind, accountId: who.id, ...values })
    .onConflict((oc) => oc.columns(['accountKind', 'accountId']).doUpdateSet(values))
    .execute();
  return myPreferences(deps, actor);
}
