/**
 * Sends due deliveries. A delivery is claimed (state `sending`, a lease, one more attempt) in its
 * own committed statement before anything leaves the platform, so:
 * - two nodes never send one delivery at the same time (the claim skips rows another node holds);
 * - a node that dies mid-send leaves the delivery `sending`; after the lease another node sends it
 *   again with the same idempotency key, which the provider uses to drop the repeat (the inbox
 *   has one row per delivery), so the person is told once;
 * - a failure is retried with backoff; a permanent failure, or the last attempt, records a
 *   `failed` receipt and falls back to the next push channel of the person's preference not yet
 *   tried, in one transaction (the inbox copy was planned beside the first push, so it is never
 *   written twice; a notification planned before that rule still ends in the inbox).
 * Non-urgent pushes wait out quiet hours and the hourly rate limit without using an attempt; the
 * inbox copy wakes nobody and is written at once.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import { personContact } from '../../identity/index.js';
import { PermanentFailure } from '../channels/channel.js';
import type { NotifyDeps } from '../notify.deps.js';
import { nq, type ChannelName, type Locale, type NotificationTable } from '../notify.tables.js';
import { preferencesOf, type Preference } from '../preferences.js';
import { isMessageKind, localVars } from '../templates/catalogue.js';
import { render, type Rendered } from '../templates/render.js';
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

type Outcome = 'failed' | 'retry';

/** A delivery sent (or, for the inbox, rendered) and waiting to be recorded. */
interface Done {
  d: Claimed;
  n: NotificationTable;
  state: 'sent' | 'delivered';
  ref: string | null;
  inbox?: Rendered;
}

const HOUR = 3_600_000;
/**
 * Deliveries claimed at once: every message has its push and its inbox copy, so a batch of 200 is
 * 100 messages; fewer, larger batches spend less on claiming and recording (bench:notify: ratio
 * 0.45–0.61 at 50, 0.64–0.72 at 200, same machine and hour).
 */
const BATCH = 200;

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
      const batch = await this.claim(BATCH);
      if (batch.length === 0) return total;
      total += batch.length;
      await this.deliverAll(batch);
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

  /**
   * Sends a claimed batch: its notifications and their recipients' preferences in one query each,
   * the messages at once, and every success recorded in one transaction.
   */
  private async deliverAll(batch: Claimed[]): Promise<void> {
    const { db, cipher } = this.deps;
    const ids = [...new Set(batch.map((d) => d.notificationId))];
    const rows = await nq(db).selectFrom('notify.notification').selectAll().where('id', 'in', ids).execute();
    const notes = new Map(rows.map((n) => [n.id, n]));
    const accounts = rows.flatMap((n) =>
      n.recipientKind === 'address' || !n.recipientId ? [] : [{ kind: n.recipientKind, id: n.recipientId }],
    );
    const prefs = await preferencesOf(db, cipher, accounts);
    const done: Done[] = [];
    await Promise.all(
      batch.map(async (d) => {
        const n = notes.get(d.notificationId)!;
        const pref = n.recipientKind === 'address' ? null : (prefs.get(`${n.recipientKind}:${n.recipientId}`) ?? null);
        try {
          const sent = await this.send(d, n, pref);
          if (sent) done.push(sent);
        } catch (e) {
          await this.failed(d, n, pref, e);
        }
      }),
    );
    await this.completeAll(done);
  }

  /** Renders and sends one delivery (the inbox: renders it for {@link completeAll}); null when it must wait. */
  private async send(d: Claimed, n: NotificationTable, pref: Preference | null): Promise<Done | null> {
    const { db, cipher } = this.deps;
    if (!n.urgent && d.channel !== 'inbox') {
      const wait = await this.mustWait(n, d.channel, pref);
      if (wait) {
        await this.postpone(d, wait);
        return null;
      }
    }
    if (!isMessageKind(n.event)) throw new PermanentFailure(`unknown message kind ${n.event}`);
    const vars = localVars(JSON.parse(cipher.decrypt(n.varsEnc)) as Record<string, string>, n.locale);
    const rendered = render(await templateFor(db, n.event, d.channel, n.locale as Locale), vars, d.channel);
    if (d.channel === 'inbox') return { d, n, state: 'delivered', ref: null, inbox: rendered };
    const channel = this.deps.channels[d.channel];
    if (!channel) throw new PermanentFailure(`the ${d.channel} channel is not configured`);
    const to = await this.addressOf(d, n, pref);
    const result = await channel.send({ ...rendered, to, idempotencyKey: d.idempotencyKey, kind: n.event });
    return { d, n, state: result.delivered ? 'delivered' : 'sent', ref: result.ref ?? null };
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

  /** Quiet hours, then the hourly limit per person and push channel: when the message may go instead. */
  private async mustWait(n: NotificationTable, channel: ChannelName, pref: Preference | null): Promise<Date | null> {
    const now = this.deps.now();
    const release = releaseAfterQuiet(now, pref?.quiet ?? null);
    if (release > now) return release;
    if (!n.recipientId) return null;
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

  private async postpone(d: Claimed, until: Date): Promise<void> {
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
  }

  /**
   * Records successes, each unless its lease ran out and another node has taken it over: the
   * deliveries, their receipts and the inbox rows in one transaction.
   */
  private async completeAll(done: Done[]): Promise<void> {
    if (done.length === 0) return;
    const at = this.deps.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`
        UPDATE notify.delivery d SET state = v.state, provider_ref = v.ref, lease_until = NULL, last_error = NULL, updated_at = ${at}
          FROM unnest(${done.map((x) => x.d.id)}::uuid[], ${done.map((x) => x.d.attempts)}::int[],
                      ${done.map((x) => x.state)}::text[], ${done.map((x) => x.ref)}::text[]) AS v(id, attempts, state, ref)
         WHERE d.id = v.id AND d.state = 'sending' AND d.attempts = v.attempts
        RETURNING d.id`.execute(trx);
      const completed = new Set(rows.map((r) => r.id));
      const mine = done.filter((x) => completed.has(x.d.id));
      if (mine.length === 0) return;
      const inbox = mine.filter((x) => x.inbox);
      if (inbox.length)
        await nq(trx)
          .insertInto('notify.inbox')
          .values(
            inbox.map(({ d, n, inbox: r }) => ({
              id: randomUUID(),
              deliveryId: d.id,
              recipientKind: n.recipientKind as 'person' | 'staff',
              recipientId: n.recipientId!,
              event: n.event,
              title: r!.title,
              body: r!.text,
              link: n.link,
              createdAt: at,
              readAt: null,
            })),
          )
          .onConflict((oc) => oc.column('deliveryId').doNothing())
          .execute();
      await nq(trx)
        .insertInto('notify.receipt')
        .values(
          mine.flatMap(({ d, state, ref }) =>
            (state === 'delivered' && d.channel !== 'inbox' ? (['sent', 'delivered'] as const) : [state]).map(
              (status) => ({ deliveryId: d.id, status, at, detail: ref }),
            ),
          ),
        )
        .execute();
    });
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
      const next = usableChannels(this.deps, pref, n.event).find((c) => !tried.some((t) => t.channel === c));
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
