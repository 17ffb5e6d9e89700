/**
 * Webhook delivery of life events (事件推送) to department systems: one row per (event,
 * subscription) with its attempts and next attempt time. `deliverDue` claims due rows (the claim
 * moves their next attempt a lease ahead, so a second worker does not send them meanwhile), POSTs
 * each signed notice, and marks it delivered on a 2xx — with the disclosure in the access log — or
 * schedules a retry with exponential backoff (30 s, 1 min, 2 min … capped at 6 h; dead after 10
 * attempts). Every attempt of one delivery carries the same idempotency key, so a receiver that
 * remembers keys acts exactly once even when an answer was lost and the notice came again.
 * Targets are resolved and checked again for every attempt, and the connection goes to the address
 * checked (platform/net: no private addresses, no DNS rebinding, no redirects).
 */
import { sql } from 'kysely';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq } from '../exchange.tables.js';
import type { LifeEventNotice } from '../life-events/life-event.types.js';
import { EVENT_NAMES } from '../life-events/life-event.types.js';
import { SIGNATURE_HEADER, signWebhook } from './signature.js';
import { guardedPost } from '../../../platform/net/index.js';

export interface DeliveryPolicy {
  batch: number;
  timeoutMs: number;
  leaseMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export const DEFAULT_POLICY: DeliveryPolicy = {
  batch: 20,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  maxAttempts: 10,
};

/** Delay before attempt n+1 after n failed attempts: base · 2^(n−1), capped. */
export const backoff = (policy: DeliveryPolicy, failedAttempts: number): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));

export interface DeliveryRound {
  attempted: number;
  delivered: number;
  retrying: number;
  dead: number;
}

/** The body a subscriber receives. `id` is the idempotency key: the same for every attempt. */
export interface WebhookPayload {
  id: string;
  eventId: string;
  type: string;
  occurredOn: string;
  recordedAt: string;
  recordedBy: string;
  persons: { idNumber: string; name: string }[];
  enterprise: { creditCode: string; name: string } | null;
  facts: Record<string, string | number | null>;
}

export class WebhookDeliverer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deps: ExchangeDeps,
    private readonly policy: DeliveryPolicy = DEFAULT_POLICY,
  ) {}

  /** Sends every delivery due at `now`; resolves when each has been answered or timed out. */
  async deliverDue(now: Date = this.deps.now()): Promise<DeliveryRound> {
    const { db } = this.deps;
    const claimed = await sql<{ eventId: string; subscriptionId: string; attempts: number }>`
      UPDATE exchange.webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = ${new Date(now.getTime() + this.policy.leaseMs)}
      FROM (
        SELECT event_id, subscription_id FROM exchange.webhook_delivery
        WHERE state = 'pending' AND next_attempt_at <= ${now}
        ORDER BY next_attempt_at LIMIT ${this.policy.batch}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE d.event_id = due.event_id AND d.subscription_id = due.subscription_id
      RETURNING d.event_id, d.subscription_id, d.attempts`.execute(db);
    const round: DeliveryRound = { attempted: claimed.rows.length, delivered: 0, retrying: 0, dead: 0 };
    if (claimed.rows.length === 0) return round;

    const events = await sq(db)
      .selectFrom('exchange.lifeEvent')
      .select([
        'id',
        'type',
        'occurredOn',
        'recordedAt',
        'recordingDepartmentId',
        'personIds',
        'creditCode',
        'noticeEnc',
      ])
      .where('id', 'in', [...new Set(claimed.rows.map((r) => r.eventId))])
      .execute();
    const subscriptions = await sq(db)
      .selectFrom('exchange.subscription')
      .select(['id', 'departmentId', 'url', 'secretEnc', 'active'])
      .where('id', 'in', [...new Set(claimed.rows.map((r) => r.subscriptionId))])
      .execute();
    const eventById = new Map(events.map((e) => [e.id, e]));
    const subById = new Map(subscriptions.map((s) => [s.id, s]));
    const recorders = await this.deps.departments.names(events.map((e) => e.recordingDepartmentId));

    await Promise.all(
      claimed.rows.map(async (row) => {
        const event = eventById.get(row.eventId)!;
        const sub = subById.get(row.subscriptionId)!;
        const key = { eventId: row.eventId, subscriptionId: row.subscriptionId, attempts: row.attempts };
        if (!sub.active || !sub.url || !sub.secretEnc)
          return this.finish(key, now, { state: 'dead', status: null, error: 'subscription cancelled' }, round);
        const notice = JSON.parse(this.deps.cipher.decrypt(event.noticeEnc)) as LifeEventNotice;
        const payload: WebhookPayload = {
          id: `${event.id}.${sub.id}`,
          eventId: event.id,
          type: event.type,
          occurredOn: event.occurredOn,
          recordedAt: event.recordedAt.toISOString(),
          recordedBy: recorders.get(event.recordingDepartmentId) ?? '',
          persons: notice.persons,
          enterprise: notice.enterprise,
          facts: notice.facts,
        };
        const outcome = await this.post(sub.url, this.deps.cipher.decrypt(sub.secretEnc), payload, now);
        if (outcome.ok) {
          await this.finish(
            key,
            now,
            { state: 'delivered', status: outcome.status, error: null },
            round,
            async (trx) => {
              // The subscriber now holds the subjects' data: that is a use the subject can see.
              for (const personId of event.personIds) {
                await this.deps.chain.append(
                  {
                    at: now,
                    consumerDepartmentId: sub.departmentId,
                    clientId: null,
                    officerId: 'system',
                    officerKind: 'system',
                    purpose: `生命周期事件通知：${EVENT_NAMES[event.type].zh}`,
                    resourceCode: `life_event.${event.type}`,
                    grantId: null,
                    subjectKind: 'person',
                    subjectKey: personId,
                    fields: [],
                  },
                  trx,
                );
              }
            },
          );
          return;
        }
        const dead = row.attempts >= this.policy.maxAttempts;
        await this.finish(
          key,
          now,
          {
            state: dead ? 'dead' : 'pending',
            status: outcome.status,
            error: outcome.error,
            retryAt: new Date(now.getTime() + backoff(this.policy, row.attempts)),
          },
          round,
        );
        if (dead)
          this.deps.log.warn(
            { eventId: event.id, subscriptionId: sub.id, attempts: row.attempts },
            'webhook delivery given up',
          );
      }),
    );
    return round;
  }

  private async post(
    url: string,
    secret: string,
    payload: WebhookPayload,
    now: Date,
  ): Promise<{ ok: true; status: number } | { ok: false; status: number | null; error: string }> {
    const body = JSON.stringify(payload);
    try {
      const res = await guardedPost(
        url,
        {
          headers: {
            'content-type': 'application/json; charset=utf-8',
            [SIGNATURE_HEADER]: signWebhook(secret, Math.floor(now.getTime() / 1000), body),
            'tongban-event': payload.type,
            'idempotency-key': payload.id,
          },
          body,
          timeoutMs: this.policy.timeoutMs,
        },
        this.deps.outbound,
      );
      return res.status >= 200 && res.status < 300
        ? { ok: true, status: res.status }
        : { ok: false, status: res.status, error: `HTTP ${res.status}` };
    } catch (e) {
      return { ok: false, status: null, error: (e instanceof Error ? e.message : String(e)).slice(0, 500) };
    }
  }

  /** Records the outcome, only if this claim is still the latest (a re-claim after the lease wins). */
  private async finish(
    key: { eventId: string; subscriptionId: string; attempts: number },
    now: Date,
    o: { state: 'delivered' | 'pending' | 'dead'; status: number | null; error: string | null; retryAt?: Date },
    round: DeliveryRound,
    alsoInTransaction?: (trx: ExchangeDeps['db']) => Promise<void>,
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const updated = await sq(trx)
        .updateTable('exchange.webhookDelivery')
        .set({
          state: o.state,
          lastStatus: o.status,
          lastError: o.error,
          nextAttemptAt: o.state === 'pending' ? o.retryAt! : null,
          deliveredAt: o.state === 'delivered' ? now : null,
        })
        .where('eventId', '=', key.eventId)
        .where('subscriptionId', '=', key.subscriptionId)
        .where('attempts', '=', key.attempts)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1 && alsoInTransaction) await alsoInTransaction(trx);
    });
    if (o.state === 'delivered') round.delivered++;
    else if (o.state === 'dead') round.dead++;
    else round.retrying++;
  }

  /** Polls for due deliveries every `pollMs` until stopped. */
  start(pollMs: number): void {
    if (this.timer || pollMs <= 0) return;
    const tick = () => {
      this.running = this.deliverDue()
        .catch((e: unknown) => this.deps.log.error({ err: e }, 'webhook delivery round failed'))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.timer = setTimeout(tick, pollMs);
        });
    };
    this.timer = setTimeout(tick, pollMs);
  }

  /** Stops polling and waits for a round in flight. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
