/**
 * Per-person choices: the channels to try in order (the inbox is always the last resort of an
 * account), the e-mail address and WeChat openid to use, and quiet hours (免打扰) during which
 * non-urgent messages wait.
 */
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import { unauthorized, unprocessable } from '../../platform/errors.js';
import type { Selectable } from 'kysely';
import { nq, type ChannelName, type PreferenceTable } from './notify.tables.js';
import { MESSAGE_KINDS, isMessageKind } from './templates/catalogue.js';
import type { MessageKindInfo, NotificationPreferences } from '../../../../contracts/notify.js';

export type AccountRef = { kind: 'person' | 'staff'; id: string };

const DEFAULT_CHANNELS: Record<AccountRef['kind'], ChannelName[]> = { person: ['sms', 'inbox'], staff: ['inbox'] };

export interface Preference {
  channels: ChannelName[];
  /** Channels per kind of message; an empty list: the kind is switched off. */
  kinds: Record<string, ChannelName[]>;
  email: string | null;
  wechatOpenId: string | null;
  quiet: { from: number; to: number } | null;
}

const withInbox = (channels: readonly ChannelName[]) =>
  channels.includes('inbox') ? [...channels] : [...channels, 'inbox' as const];

function toPreference(cipher: FieldCipher, who: AccountRef, row: Selectable<PreferenceTable> | undefined): Preference {
  return {
    channels: withInbox(row?.channels.length ? row.channels : DEFAULT_CHANNELS[who.kind]),
    kinds: row?.kinds ?? {},
    email: row?.emailEnc ? cipher.decrypt(row.emailEnc) : null,
    wechatOpenId: row?.wechatOpenIdEnc ? cipher.decrypt(row.wechatOpenIdEnc) : null,
    quiet: row && row.quietFrom !== null && row.quietTo !== null ? { from: row.quietFrom, to: row.quietTo } : null,
  };
}

export async function preferenceOf(db: Db, cipher: FieldCipher, who: AccountRef): Promise<Preference> {
  return (await preferencesOf(db, cipher, [who])).get(`${who.kind}:${who.id}`)!;
}

/** The preferences of many accounts in one query, by `kind:id`. */
export async function preferencesOf(
  db: Db,
  cipher: FieldCipher,
  who: readonly AccountRef[],
): Promise<Map<string, Preference>> {
  const ids = [...new Set(who.map((w) => w.id))];
  const rows = ids.length
    ? await nq(db).selectFrom('notify.preference').selectAll().where('accountId', 'in', ids).execute()
    : [];
  const byKey = new Map(rows.map((r) => [`${r.accountKind}:${r.accountId}`, r]));
  return new Map(
    who.map((w) => [`${w.kind}:${w.id}`, toPreference(cipher, w, byKey.get(`${w.kind}:${w.id}`))] as const),
  );
}

/**
 * The channels to tell one kind of message through, in order, the inbox last; none when the person
 * switched the kind off (urgent kinds cannot be).
 */
export function channelsFor(p: Preference, kind: string): ChannelName[] {
  const own = p.kinds[kind];
  if (!own) return p.channels;
  if (own.length === 0) return isMessageKind(kind) && MESSAGE_KINDS[kind].urgent ? p.channels : [];
  return withInbox(own);
}

/** The kinds of message an account of this kind may be told. */
export function kindsFor(kind: AccountRef['kind']): MessageKindInfo[] {
  return Object.entries(MESSAGE_KINDS)
    .filter(([, k]) => k.audience === kind)
    .map(([name, k]) => ({ kind: name, name: k.name, urgent: k.urgent }));
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
): Promise<NotificationPreferences & { available: MessageKindInfo[] }> {
  const who = accountOf(actor);
  const p = await preferenceOf(deps.db, deps.cipher, who);
  return {
    channels: p.channels,
    kinds: p.kinds,
    available: kindsFor(who.kind),
    email: p.email,
    wechatOpenId: p.wechatOpenId,
    quietHours: p.quiet ? { from: toHhmm(p.quiet.from), to: toHhmm(p.quiet.to) } : null,
  };
}

export async function savePreferences(
  deps: { db: Db; cipher: FieldCipher; now: () => Date },
  actor: Actor,
  input: NotificationPreferences,
): Promise<NotificationPreferences & { available: MessageKindInfo[] }> {
  const who = accountOf(actor);
  const kinds = checkedKinds(who, input.kinds);
  const chosen = new Set([...input.channels, ...Object.values(kinds).flat()]);
  const need = (channel: ChannelName, has: unknown, field: string) => {
    if (chosen.has(channel) && !has)
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
  if (who.kind === 'staff' && chosen.has('sms'))
    throw unprocessable('NOTIFY.NO_STAFF_SMS', {
      zh: '工作人员消息不通过短信发送',
      en: 'Staff messages are not sent by SMS',
    });
  const values = {
    channels: input.channels,
    kinds: JSON.stringify(kinds),
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

/** Per-kind choices: only kinds this account may be told, and no urgent kind switched off. */
function checkedKinds(who: AccountRef, kinds: Record<string, ChannelName[]>): Record<string, ChannelName[]> {
  const mine = new Map(kindsFor(who.kind).map((k) => [k.kind, k]));
  for (const [kind, channels] of Object.entries(kinds)) {
    const known = mine.get(kind);
    if (!known)
      throw unprocessable('NOTIFY.NO_SUCH_KIND', { zh: '没有这种消息', en: 'No such kind of message' }, [
        {
          field: `body.kinds.${kind}`,
          code: 'NOTIFY.NO_SUCH_KIND',
          message: { zh: '没有这种消息', en: 'No such kind of message' },
        },
      ]);
    if (known.urgent && channels.length === 0)
      throw unprocessable(
        'NOTIFY.URGENT_REQUIRED',
        { zh: `“${known.name.zh}”是紧急消息，不能关闭`, en: `“${known.name.en}” is urgent and cannot be switched off` },
        [
          {
            field: `body.kinds.${kind}`,
            code: 'NOTIFY.URGENT_REQUIRED',
            message: { zh: '紧急消息不能关闭', en: 'Urgent messages cannot be switched off' },
          },
        ],
      );
  }
  return Object.fromEntries(Object.entries(kinds).map(([k, c]) => [k, [...new Set(c)]]));
}
