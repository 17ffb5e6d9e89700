/**
 * Turns an outbox event into notifications and their first deliveries, inside the outbox's
 * delivery transaction: a notification's key (event id, kind, recipient) makes a redelivered event
 * plan nothing new. The first channel is the recipient's first usable preference.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import type { OutboxEvent, OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { personContact } from '../../identity/index.js';
import type { NotifyDeps } from '../notify.deps.js';
import { nq, type ChannelName, type Locale } from '../notify.tables.js';
import { preferenceOf, type Preference } from '../preferences.js';
import { MESSAGE_KINDS } from '../templates/catalogue.js';
import { RULES, type Planned } from '../intake/rules.js';
import type { Topic } from '../../../../../contracts/events.js';

/** The channels of a preference this platform can use for the person, in order. */
export function usableChannels(deps: Pick<NotifyDeps, 'channels'>, p: Preference): ChannelName[] {
  return p.channels.filter(
    (c) =>
      c === 'inbox' ||
      c === 'sms' ||
      (c === 'email' && p.email && deps.channels.email) ||
      (c === 'wechat' && p.wechatOpenId && deps.channels.wechat),
  );
}

export async function insertDelivery(
  trx: Db,
  d: {
    notificationId: string;
    key: string;
    channel: ChannelName;
    toEnc: string | null;
    fallbackOf: string | null;
    at: Date;
  },
): Promise<void> {
  await nq(trx)
    .insertInto('notify.delivery')
    .values({
      id: randomUUID(),
      notificationId: d.notificationId,
      channel: d.channel,
      idempotencyKey: `${d.key}:${d.channel}`,
      toEnc: d.toEnc,
      fallbackOf: d.fallbackOf,
      state: 'pending',
      nextAttemptAt: d.at,
      leaseUntil: null,
      providerRef: null,
      lastError: null,
      createdAt: d.at,
      updatedAt: d.at,
    })
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .execute();
}

async function plan(deps: NotifyDeps, trx: Db, event: OutboxEvent, n: Planned): Promise<void> {
  const at = deps.now();
  const r = n.recipient;
  const key = `${event.id}:${n.kind}:${r.kind === 'address' ? 'address' : `${r.kind}:${r.id}`}`;
  let locale: Locale = 'zh-CN';
  let channel: ChannelName = 'sms';
  if (r.kind !== 'address') {
    if (r.kind === 'person') {
      const contact = await personContact({ db: trx, cipher: deps.cipher }, r.id);
      if (!contact) return;
      locale = contact.language;
    }
    channel = usableChannels(deps, await preferenceOf(trx, deps.cipher, r))[0] ?? 'inbox';
  }
  const id = randomUUID();
  const inserted = await nq(trx)
    .insertInto('notify.notification')
    .values({
      id,
      key,
      event: n.kind,
      urgent: MESSAGE_KINDS[n.kind].urgent,
      recipientKind: r.kind,
      recipientId: r.kind === 'address' ? null : r.id,
      locale,
      varsEnc: deps.cipher.encrypt(JSON.stringify(n.vars)),
      link: n.link ?? null,
      createdAt: at,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  await insertDelivery(trx, {
    notificationId: id,
    key,
    channel,
    toEnc: r.kind === 'address' ? r.phoneEnc : null,
    fallbackOf: null,
    at,
  });
}

export const NOTIFY_TOPICS = Object.keys(RULES) as Topic[];

/** The outbox subscriber that plans what people are told. */
export function notifySubscriber(deps: NotifyDeps): OutboxSubscriber {
  return {
    name: 'notify',
    topics: NOTIFY_TOPICS,
    async handle(event, trx) {
      const rule = RULES[event.topic as Topic];
      if (!rule) return;
      for (const n of await rule(event, trx, deps.cipher)) await plan(deps, trx, event, n);
    },
  };
}
