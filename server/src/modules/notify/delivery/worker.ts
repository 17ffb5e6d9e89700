/**
 * Sends due deliveries. A delivery is claimed (state `sending`, a lease, one more attempt) in its
 * own committed statement before anything leaves the platform, so:
 * - two nodes never send one delivery at the same time (the claim skips rows another node holds);
 * - a node that dies mid-send leaves the delivery `sending`; after the lease another node sends it
 *   again with the same idempotency key, which the provider uses to drop the repeat (the inbox
 *   has one row per delivery), so the person is told once;
 * - a failure is retried with backoff; a permanent failure, or the last attempt, records a
 *   `failed` receipt and falls back to the next channel of the person's preference (the inbox in
 *   the end), in one transaction.
 * Non-urgent messages wait out quiet hours and the hourly rate limit without using an attempt.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import { personContact } from '../../identity/index.js';
import { PermanentFailure } from '../channels/channel.js';
import type { NotifyDeps } from '../notify.deps.js';
import { nq, type ChannelName, type Locale, type NotificationTable } from '../notify.tables.js';
import { preferenceOf, type Preference } from '../preferences.js';
import { isMessageKind, localVars } from '../templates/catalogue.js';
import { render } from '../templates/render.js';
import { templateFor } from '../templates/templates.service.js';
import { insertDelivery, usableChannels } from './plan.js';
import { releaseAfterQuiet } from './quiet-hours.js';

interface Claimed {
  id: string;
  notificationId: string;
  channel: ChannelName;
  idempotencyKey: string;
  toEnc: string | null;
  attempts: number;
}

type Outcome = 'sent' | 'failed' | 'retry' | 'postponed';

const HOUR = 3_600_000;

export class DeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly deps: NotifyDeps) {}

  /** Polls in the background until `stop()`; every failure is logged, none escapes. */
  start(pollMs = 1000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.drain().catch((err: unknown) => this.deps.log.error({ err }, 'notify delivery failed'));
    }, pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => 0);
  }

  /** Sends everything due now until nothing is left; answers how many deliveries were attempted. */
  drain(): Promise<number> {
    const run = (this.running ??= this.drainAll().finally(() => (this.running = undefined)));
    return run;
  }

  private async drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.claim(50);
      if (batch.length === 0) return total;
      total += batch.length;
      await Promise.all(batch.map((d) => this.deliver(d)));
    }
  }

  /** Claims due deliveries and those whose sender's lease ran out. */
  async claim(limit: number): Promise<Claimed[]> {
    const now = this.deps.now();
    const { rows } = await sql<Claimed>`
      UPDATE notify.delivery SET state = 'sending', attempts = attempts + 1,
             lease_until = ${new Date(now.getTime() + this.deps.leaseMs)}, updated_at = ${now}
       WHERE id IN (SELECT id FROM notify.delivery
                     WHERE (state = 'pending' AND next_attempt_at <= ${now}) OR (state = 'sending' AND lease_until <= ${now})
                     ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, notification_id AS "notificationId", channel, idempotency_key AS "idempotencyKey", to_enc AS "toEnc", attempts`.execute(
      this.deps.db,
    );
    return rows;
  }

  /** Sends one claimed delivery and records what happened. */
  async deliver(d: Claimed): Promise<Outcome> {
    const { db, cipher } = this.deps;
    const n = await nq(db)
      .selectFrom('notify.notification')
      .selectAll()
      .where('id', '=', d.notificationId)
      .executeTakeFirstOrThrow();
    const account =
      n.recipientKind === 'address' || !n.recipientId ? null : { kind: n.recipientKind, id: n.recipientId };
    const pref = account ? await preferenceOf(db, cipher, account) : null;
    try {
      if (!n.urgent) {
        const wait = await this.mustWait(n, d.channel, pref);
        if (wait) return await this.postpone(d, wait);
      }
      if (!isMessageKind(n.event)) throw new PermanentFailure(`unknown message kind ${n.event}`);
      const vars = localVars(JSON.parse(cipher.decrypt(n.varsEnc)) as Record<string, string>, n.locale);
      const rendered = render(await templateFor(db, n.event, d.channel, n.locale as Locale), vars, d.channel);
      if (d.channel === 'inbox') {
        await db.transaction().execute(async (trx) => {
          await nq(trx)
            .insertInto('notify.inbox')
            .values({
              id: randomUUID(),
              deliveryId: d.id,
              recipientKind: n.recipientKind as 'person' | 'staff',
              recipientId: n.recipientId!,
              event: n.event,
              title: rendered.title,
              body: rendered.text,
              link: n.link,
              createdAt: this.deps.now(),
              readAt: null,
            })
            .onConflict((oc) => oc.column('deliveryId').doNothing())
            .execute();
          await this.complete(trx, d, 'delivered', null);
        });
        return 'sent';
      }
      const channel = this.deps.channels[d.channel];
      if (!channel) throw new PermanentFailure(`the ${d.channel} channel is not configured`);
      const to = await this.addressOf(d, n, pref);
      const result = await channel.send({ ...rendered, to, idempotencyKey: d.idempotencyKey, kind: n.event });
      await this.complete(db, d, result.delivered ? 'delivered' : 'sent', result.ref ?? null);
      return 'sent';
    } catch (e) {
      return this.failed(d, n, pref, e);
    }
  }

  private async addressOf(d: Claimed, n: NotificationTable, pref: Preference | null): Promise<string> {
    const { db, cipher } = this.deps;
    if (d.toEnc) return cipher.decrypt(d.toEnc);
    const address =
      d.channel === 'sms' && n.recipientKind === 'person'
        ? (await personContact({ db, cipher }, n.recipientId!))?.phone
        : d.channel === 'email'
          ? pref?.email
          : d.channel === 'wechat'
            ? pref?.wechatOpenId
            : undefined;
    if (!address) throw new PermanentFailure(`no ${d.channel} address`);
    return address;
  }

  /** Quiet hours, then the hourly limit per person and channel: when the message may go instead. */
  private async mustWait(n: NotificationTable, channel: ChannelName, pref: Preference | null): Promise<Date | null> {
    const now = this.deps.now();
    const release = releaseAfterQuiet(now, pref?.quiet ?? null);
    if (release > now) return release;
    if (!n.recipientId || channel === 'inbox') return null;
    const sent = await nq(this.deps.db)
      .selectFrom('notify.delivery as d')
      .innerJoin('notify.notification as n', 'n.id', 'd.notificationId')
      .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('d.updatedAt').as('oldest')])
      .where('n.recipientId', '=', n.recipientId)
      .where('d.channel', '=', channel)
      .where('d.state', 'in', ['sent', 'delivered', 'read'])
      .where('d.updatedAt', '>', new Date(now.getTime() - HOUR))
      .executeTakeFirstOrThrow();
    if (Number(sent.count) < this.deps.ratePerHour || !sent.oldest) return null;
    return new Date(new Date(sent.oldest).getTime() + HOUR);
  }

  private async postpone(d: Claimed, until: Date): Promise<Outcome> {
    await nq(this.deps.db)
      .updateTable('notify.delivery')
      .set((eb) => ({
        state: 'pending',
        nextAttemptAt: until,
        leaseUntil: null,
        attempts: eb('attempts', '-', 1),
        updatedAt: this.deps.now(),
      }))
      .where('id', '=', d.id)
      .where('state', '=', 'sending')
      .where('attempts', '=', d.attempts)
      .execute();
    return 'postponed';
  }

  /** Records success, unless the lease ran out and another node has taken the delivery over. */
  private async complete(db: Db, d: Claimed, state: 'sent' | 'delivered', ref: string | null): Promise<void> {
    const at = this.deps.now();
    const done = await nq(db)
      .updateTable('notify.delivery')
      .set({ state, providerRef: ref, leaseUntil: null, lastError: null, updatedAt: at })
      .where('id', '=', d.id)
      .where('state', '=', 'sending')
      .where('attempts', '=', d.attempts)
      .returning('id')
      .executeTakeFirst();
    if (!done) return;
    const receipts = state === 'delivered' && d.channel !== 'inbox' ? (['sent', 'delivered'] as const) : [state];
    await nq(db)
      .insertInto('notify.receipt')
      .values(receipts.map((status) => ({ deliveryId: d.id, status, at, detail: ref })))
      .execute();
  }

  private async failed(d: Claimed, n: NotificationTable, pref: Preference | null, e: unknown): Promise<Outcome> {
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    const at = this.deps.now();
    const final = e instanceof PermanentFailure || d.attempts >= this.deps.maxAttempts;
    this.deps.log.warn(
      { deliveryId: d.id, channel: d.channel, attempts: d.attempts, final, err: message },
      'notify delivery failed',
    );
    if (!final) {
      await nq(this.deps.db)
        .updateTable('notify.delivery')
        .set({
          state: 'pending',
          nextAttemptAt: new Date(at.getTime() + 30_000 * 2 ** (d.attempts - 1)),
          leaseUntil: null,
          lastError: message,
          updatedAt: at,
        })
        .where('id', '=', d.id)
        .where('state', '=', 'sending')
        .where('attempts', '=', d.attempts)
        .execute();
      return 'retry';
    }
    await this.deps.db.transaction().execute(async (trx) => {
      const done = await nq(trx)
        .updateTable('notify.delivery')
        .set({ state: 'failed', leaseUntil: null, lastError: message, updatedAt: at })
        .where('id', '=', d.id)
        .where('state', '=', 'sending')
        .where('attempts', '=', d.attempts)
        .returning('id')
        .executeTakeFirst();
      if (!done) return;
      await nq(trx)
        .insertInto('notify.receipt')
        .values({ deliveryId: d.id, status: 'failed', at, detail: message })
        .execute();
      if (!pref) return;
      const tried = await nq(trx)
        .selectFrom('notify.delivery')
        .select('channel')
        .where('notificationId', '=', n.id)
        .execute();
      const next = usableChannels(this.deps, pref).find((c) => !tried.some((t) => t.channel === c));
      if (next)
        await insertDelivery(trx, {
          notificationId: n.id,
          key: n.key,
          channel: next,
          toEnc: null,
          fallbackOf: d.id,
          at,
        });
    });
    return 'failed';
  }
}
