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
import { personPhones } from '../../identity/index.js';
import { PermanentFailure } from '../channels/channel.js';
import type { NotifyDeps } from '../notify.deps.js';
import { nq, type ChannelName, type Locale, type NotificationTable } from '../notify.tables.js';
import { preferencesOf, type Preference } from '../preferences.js';
import { isMessageKind, localVars } from '../templates/catalogue.js';
import { render, type Rendered } from '../templates/render.js';
import { templateFor } from '../templates/templates.service.js';
import { insertDeliveries, usableChannels } from './plan.js';
import { releaseAfterQuiet } from './quiet-hours.js';

interface Claimed {
  id: string;
  notificationId: string;
  channel: ChannelName;
  idempotencyKey: string;
  toEnc: string | null;
  attempts: number;
}

/** A claimed delivery with its notification and the recipient's preference. */
interface Job {
  d: Claimed;
  n: NotificationTable;
  pref: Preference | null;
}

interface Failure extends Job {
  e: unknown;
}

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
   * Sends a claimed batch: its notifications, their recipients' preferences, what each recipient was
   * sent in the last hour and the residents' mobiles in one query each, the messages at once; then
   * the waits, the successes and the failures each recorded in one statement or transaction.
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
    const jobs: Job[] = batch.map((d) => {
      const n = notes.get(d.notificationId)!;
      const pref = n.recipientKind === 'address' ? null : (prefs.get(`${n.recipientKind}:${n.recipientId}`) ?? null);
      return { d, n, pref };
    });
    const waits = await this.waits(jobs);
    const due = jobs.filter((j) => !waits.has(j.d.id));
    const phones = await personPhones(
      { db, cipher },
      due.flatMap(({ d, n }) =>
        d.channel === 'sms' && !d.toEnc && n.recipientKind === 'person' ? [n.recipientId!] : [],
      ),
    );
    const done: Done[] = [];
    const failures: Failure[] = [];
    await Promise.all(
      due.map(async (j) => {
        try {
          done.push(await this.send(j, phones));
        } catch (e) {
          failures.push({ ...j, e });
        }
      }),
    );
    await this.postponeAll(jobs.flatMap((j) => (waits.has(j.d.id) ? [{ d: j.d, until: waits.get(j.d.id)! }] : [])));
    await this.completeAll(done);
    await this.failedAll(failures);
  }

  /** Renders and sends one delivery (the inbox: renders it for {@link completeAll}). */
  private async send({ d, n, pref }: Job, phones: ReadonlyMap<string, string>): Promise<Done> {
    const { db, cipher } = this.deps;
    if (!isMessageKind(n.event)) throw new PermanentFailure(`unknown message kind ${n.event}`);
    const vars = localVars(JSON.parse(cipher.decrypt(n.varsEnc)) as Record<string, string>, n.locale);
    const rendered = render(await templateFor(db, n.event, d.channel, n.locale as Locale), vars, d.channel);
    if (d.channel === 'inbox') return { d, n, state: 'delivered', ref: null, inbox: rendered };
    const channel = this.deps.channels[d.channel];
    if (!channel) throw new PermanentFailure(`the ${d.channel} channel is not configured`);
    const to = this.addressOf(d, n, pref, phones);
    const result = await channel.send({ ...rendered, to, idempotencyKey: d.idempotencyKey, kind: n.event });
    return { d, n, state: result.delivered ? 'delivered' : 'sent', ref: result.ref ?? null };
  }

  private addressOf(d: Claimed, n: NotificationTable, pref: Preference | null, phones: ReadonlyMap<string, string>) {
    if (d.toEnc) return this.deps.cipher.decrypt(d.toEnc);
    const address =
      d.channel === 'sms' && n.recipientKind === 'person'
        ? phones.get(n.recipientId!)
        : d.channel === 'email'
          ? pref?.email
          : d.channel === 'wechat'
            ? pref?.wechatOpenId
            : undefined;
    if (!address) throw new PermanentFailure(`no ${d.channel} address`);
    return address;
  }

  /**
   * Quiet hours, then the hourly limit per person and push channel: when each non-urgent push of
   * the batch that may not go now may go instead. What a recipient was sent in the last hour is
   * read for the whole batch at once, and the batch's own pushes count towards the limit in order.
   */
  private async waits(jobs: readonly Job[]): Promise<Map<string, Date>> {
    const now = this.deps.now();
    const waits = new Map<string, Date>();
    const limited: Job[] = [];
    for (const j of jobs) {
      if (j.n.urgent || j.d.channel === 'inbox') continue;
      const release = releaseAfterQuiet(now, j.pref?.quiet ?? null);
      if (release > now) waits.set(j.d.id, release);
      else if (j.n.recipientId) limited.push(j);
    }
    if (limited.length === 0) return waits;
    const rows = await nq(this.deps.db)
      .selectFrom('notify.delivery as d')
      .innerJoin('notify.notification as n', 'n.id', 'd.notificationId')
      .select((eb) => [
        'n.recipientId',
        'd.channel',
        eb.fn.countAll<string>().as('count'),
        eb.fn.min('d.updatedAt').as('oldest'),
      ])
      .where('n.recipientId', 'in', [...new Set(limited.map((j) => j.n.recipientId!))])
      .where('d.channel', 'in', [...new Set(limited.map((j) => j.d.channel))])
      .where('d.state', 'in', ['sent', 'delivered', 'read'])
      .where('d.updatedAt', '>', new Date(now.getTime() - HOUR))
      .groupBy(['n.recipientId', 'd.channel'])
      .execute();
    const sent = new Map(
      rows.map((r) => [`${r.recipientId}|${r.channel}`, { count: Number(r.count), oldest: new Date(r.oldest) }]),
    );
    for (const j of limited) {
      const key = `${j.n.recipientId}|${j.d.channel}`;
      const so = sent.get(key) ?? { count: 0, oldest: now };
      if (so.count < this.deps.ratePerHour) sent.set(key, { ...so, count: so.count + 1 });
      else waits.set(j.d.id, new Date(so.oldest.getTime() + HOUR));
    }
    return waits;
  }

  /** Puts pushes that must wait back, without using their attempt. */
  private async postponeAll(waiting: { d: Claimed; until: Date }[]): Promise<void> {
    if (waiting.length === 0) return;
    await sql`
      UPDATE notify.delivery d SET state = 'pending', next_attempt_at = v.until, lease_until = NULL,
             attempts = d.attempts - 1, updated_at = ${this.deps.now()}
        FROM unnest(${waiting.map((w) => w.d.id)}::uuid[], ${waiting.map((w) => w.d.attempts)}::int[],
                    ${waiting.map((w) => w.until)}::timestamptz[]) AS v(id, attempts, until)
       WHERE d.id = v.id AND d.state = 'sending' AND d.attempts = v.attempts`.execute(this.deps.db);
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

  /**
   * Records failures: a retry waits with backoff; a permanent failure, or the last attempt, is
   * `failed` with its receipt and falls back to the next push channel of the person's preference
   * not yet tried — all the batch's final failures in one transaction, each unless another node
   * has taken the delivery over.
   */
  private async failedAll(failures: Failure[]): Promise<void> {
    if (failures.length === 0) return;
    const at = this.deps.now();
    const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);
    const final = (f: Failure) => f.e instanceof PermanentFailure || f.d.attempts >= this.deps.maxAttempts;
    for (const f of failures)
      this.deps.log.warn(
        { deliveryId: f.d.id, channel: f.d.channel, attempts: f.d.attempts, final: final(f), err: message(f.e) },
        'notify delivery failed',
      );
    const retry = failures.filter((f) => !final(f));
    if (retry.length)
      await sql`
        UPDATE notify.delivery d SET state = 'pending', next_attempt_at = v.next, lease_until = NULL, last_error = v.error,
               updated_at = ${at}
          FROM unnest(${retry.map((f) => f.d.id)}::uuid[], ${retry.map((f) => f.d.attempts)}::int[],
                      ${retry.map((f) => new Date(at.getTime() + 30_000 * 2 ** (f.d.attempts - 1)))}::timestamptz[],
                      ${retry.map((f) => message(f.e))}::text[]) AS v(id, attempts, next, error)
         WHERE d.id = v.id AND d.state = 'sending' AND d.attempts = v.attempts`.execute(this.deps.db);
    const failed = failures.filter(final);
    if (failed.length === 0) return;
    await this.deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`
        UPDATE notify.delivery d SET state = 'failed', lease_until = NULL, last_error = v.error, updated_at = ${at}
          FROM unnest(${failed.map((f) => f.d.id)}::uuid[], ${failed.map((f) => f.d.attempts)}::int[],
                      ${failed.map((f) => message(f.e))}::text[]) AS v(id, attempts, error)
         WHERE d.id = v.id AND d.state = 'sending' AND d.attempts = v.attempts
        RETURNING d.id`.execute(trx);
      const mine = new Set(rows.map((r) => r.id));
      const taken = failed.filter((f) => mine.has(f.d.id));
      if (taken.length === 0) return;
      await nq(trx)
        .insertInto('notify.receipt')
        .values(taken.map((f) => ({ deliveryId: f.d.id, status: 'failed' as const, at, detail: message(f.e) })))
        .execute();
      const fallible = taken.filter((f) => f.pref);
      if (fallible.length === 0) return;
      const tried = await nq(trx)
        .selectFrom('notify.delivery')
        .select(['notificationId', 'channel'])
        .where('notificationId', 'in', [...new Set(fallible.map((f) => f.n.id))])
        .execute();
      const planned = new Set<string>();
      const next = fallible.flatMap(({ d, n, pref }) => {
        const used = (c: ChannelName) =>
          planned.has(`${n.id}|${c}`) || tried.some((t) => t.notificationId === n.id && t.channel === c);
        const channel = usableChannels(this.deps, pref!, n.event).find((c) => !used(c));
        if (!channel) return [];
        planned.add(`${n.id}|${channel}`);
        return [{ notificationId: n.id, key: n.key, channel, toEnc: null, fallbackOf: d.id, at }];
      });
      await insertDeliveries(trx, next);
    });
  }
}
