/**
 * Turns an outbox event into notifications and their first deliveries, inside the outbox's
 * delivery transaction: a notification's key (event id, kind, recipient) makes a redelivered event
 * plan nothing new. A person or staff member always gets the inbox copy (站内信 is the record) and,
 * beside it, the first push channel (SMS, e-mail, WeChat) of their preference; each delivery's key
 * (`<notification key>:<channel>`) makes it once. An address (an SMS code) gets the SMS only.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import type { OutboxEvent, OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { personLanguages } from '../../identity/index.js';
import type { NotifyDeps } from '../notify.deps.js';
import { nq, type ChannelName, type Locale } from '../notify.tables.js';
import { channelsFor, preferencesOf, type Preference } from '../preferences.js';
import { MESSAGE_KINDS } from '../templates/catalogue.js';
import { batchFacts, RULES, type Planned } from '../intake/rules.js';
import type { Topic } from '../../../../../contracts/events.js';

/** The channels of a preference this platform can use for the person and kind, in order (the inbox last). */
export function usableChannels(deps: Pick<NotifyDeps, 'channels'>, p: Preference, kind: string): ChannelName[] {
  return channelsFor(p, kind).filter(
    (c) =>
      c === 'inbox' ||
      c === 'sms' ||
      (c === 'email' && p.email && deps.channels.email) ||
      (c === 'wechat' && p.wechatOpenId && deps.channels.wechat),
  );
}

/**
 * An account's first deliveries: the inbox copy, and the first push channel when there is one
 * (none when the person chose 只放入我的消息; nothing at all when they switched the kind off).
 */
function firstDeliveries(usable: readonly ChannelName[]): ChannelName[] {
  if (usable.length === 0) return [];
  const push = usable.find((c) => c !== 'inbox');
  return push ? ['inbox', push] : ['inbox'];
}

interface NewDelivery {
  notificationId: string;
  key: string;
  channel: ChannelName;
  toEnc: string | null;
  fallbackOf: string | null;
  at: Date;
}

export async function insertDeliveries(trx: Db, ds: NewDelivery[]): Promise<void> {
  if (ds.length === 0) return;
  await nq(trx)
    .insertInto('notify.delivery')
    .values(
      ds.map((d) => ({
        id: randomUUID(),
        notificationId: d.notificationId,
        channel: d.channel,
        idempotencyKey: `${d.key}:${d.channel}`,
        toEnc: d.toEnc,
        fallbackOf: d.fallbackOf,
        state: 'pending' as const,
        nextAttemptAt: d.at,
        leaseUntil: null,
        providerRef: null,
        lastError: null,
        createdAt: d.at,
        updatedAt: d.at,
      })),
    )
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .execute();
}

/**
 * Plans the messages of a batch of events: the recipients' preferences in one query, the
 * notifications and their first deliveries in one insert each (a key already planned plans nothing).
 */
async function plan(deps: NotifyDeps, trx: Db, planned: { event: OutboxEvent; n: Planned }[]): Promise<void> {
  const at = deps.now();
  const accounts = planned.flatMap(({ n }) => (n.recipient.kind === 'address' ? [] : [n.recipient]));
  const prefs = await preferencesOf(trx, deps.cipher, accounts);
  const languages: ReadonlyMap<string, Locale> = await personLanguages(
    trx,
    accounts.flatMap((a) => (a.kind === 'person' ? [a.id] : [])),
  );
  const rows = planned.flatMap(({ event, n }) => {
    const r = n.recipient;
    const key = `${event.id}:${n.kind}:${r.kind === 'address' ? 'address' : `${r.kind}:${r.id}`}`;
    let locale: Locale | null = 'zh-CN';
    let channels: ChannelName[] = ['sms'];
    if (r.kind !== 'address') {
      if (r.kind === 'person') locale = languages.get(r.id) ?? null;
      channels = firstDeliveries(usableChannels(deps, prefs.get(`${r.kind}:${r.id}`)!, n.kind));
    }
    if (!locale || channels.length === 0) return []; // an account gone, or a kind the person switched off
    return [{ key, channels, toEnc: r.kind === 'address' ? r.phoneEnc : null, n, r, locale }];
  });
  if (rows.length === 0) return;
  const inserted = await nq(trx)
    .insertInto('notify.notification')
    .values(
      rows.map(({ key, n, r, locale }) => ({
        id: randomUUID(),
        key,
        event: n.kind,
        urgent: MESSAGE_KINDS[n.kind].urgent,
        recipientKind: r.kind,
        recipientId: r.kind === 'address' ? null : r.id,
        locale,
        varsEnc: deps.cipher.encrypt(JSON.stringify(n.vars)),
        link: n.link ?? null,
        createdAt: at,
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .returning(['id', 'key'])
    .execute();
  const byKey = new Map(rows.map((row) => [row.key, row]));
  await insertDeliveries(
    trx,
    inserted.flatMap(({ id, key }) => {
      const row = byKey.get(key)!;
      return row.channels.map((channel) => ({
        notificationId: id,
        key,
        channel,
        toEnc: row.toEnc,
        fallbackOf: null,
        at,
      }));
    }),
  );
}

export const NOTIFY_TOPICS = Object.keys(RULES) as Topic[];

/** The outbox subscriber that plans what people are told (a batch of events at a time when it can). */
/**
 * When an event happened: the moment its payload states (a case step's `at`, a decision's
 * `decidedAt`), else when it was written to the outbox.
 */
export function happenedAt(event: OutboxEvent): Date {
  const p = event.payload as Record<string, unknown> | null;
  const stated = typeof p?.at === 'string' ? p.at : typeof p?.decidedAt === 'string' ? p.decidedAt : undefined;
  const at = stated ? new Date(stated) : new Date(event.occurredAt);
  return Number.isNaN(at.getTime()) ? new Date(event.occurredAt) : at;
}

export function notifySubscriber(deps: NotifyDeps): OutboxSubscriber {
  const planEvents = async (events: OutboxEvent[], trx: Db) => {
    const planned: { event: OutboxEvent; n: Planned }[] = [];
    // News only: an event older than `maxAgeHours` when it gets here — a backlog after a long outage,
    // a restored database, the seeded demo history — tells nobody (the case page shows where it stands).
    const oldest = deps.maxAgeHours ? deps.now().getTime() - deps.maxAgeHours * 3_600_000 : -Infinity;
    const stale = events.filter((e) => happenedAt(e).getTime() < oldest);
    if (stale.length)
      deps.log.info(
        { events: stale.length, maxAgeHours: deps.maxAgeHours, firstEventId: stale[0]!.id },
        'notify: events older than the news window told nobody',
      );
    const news = events.filter((e) => happenedAt(e).getTime() >= oldest && RULES[e.topic as Topic]);
    const facts = await batchFacts(trx, news);
    for (const event of news)
      for (const n of await RULES[event.topic as Topic]!(event, trx, deps.cipher, facts)) planned.push({ event, n });
    await plan(deps, trx, planned);
  };
  return {
    name: 'notify',
    topics: NOTIFY_TOPICS,
    handle: (event, trx) => planEvents([event], trx),
    handleBatch: planEvents,
    // A batch's cases, staff and preferences are read once for the batch: take what has queued up.
    batchSize: 500,
  };
}
