/**
 * Delivers outbox events to the subscribers inside the platform, at least once each, and makes
 * "at least once" behave as "exactly once" for effects in the database: a subscriber's handler
 * runs in one transaction with the row that marks the event delivered to that subscriber, so the
 * effect and the mark commit together or not at all.
 *
 * - Subscribers are independent: one failing on an event delays neither the others nor its own
 *   next events; the failed event is retried with exponential backoff (1 s, 2 s, 4 s … capped at
 *   an hour) and, after `maxAttempts`, left as `dead` with its last error for an operator.
 * - Several API nodes may run dispatchers on one database: claiming a delivery is an insert on the
 *   (subscriber, event) key, so a second node waits for the first and then skips the event.
 * - When the database cannot be reached, polling backs off (doubling up to 30 s) and resumes by
 *   itself; such failures are nobody's fault and count as no subscriber's attempt.
 * - Events are scanned from a watermark 1,000 ids below the subscriber's newest delivery, so an
 *   event whose transaction commits after later ids were delivered is still found — every 2 s per
 *   subscriber; the scans in between start after the last id the subscriber's scans saw. Under
 *   load the dispatcher loops without pause, and each scan checked ~1,000 delivered events
 *   against the delivery table for every subscriber (`bench:cases`: the database's largest cost).
 *   A late-committed event therefore waits up to 2 s.
 * - A poll first reads the outbox's newest id, how many events lie in the 1,000 ids below it, and
 *   when the next retry is due: while these are as they were before a poll that delivered nothing,
 *   it asks no subscriber (an idle platform polled each subscriber's scans twice a second — ~40
 *   statements every 500 ms, a sixth of a busy embedded server's time under `bench:http`). A
 *   late-committing event within the window changes the count. `drain()` always asks everyone.
 * - A subscriber may linger (`lingerMs`): the background poll then hands it new events at most
 *   once in that time, as one batch, unless its last batch was full. Under load the dispatcher
 *   passes without pause, and the analytics feed's DuckDB write each pass was the background
 *   process's largest CPU cost (bench:journey); four times a second it is less than half. A poll
 *   that left a lingering subscriber's events waiting does not call the outbox quiet.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Topic } from '../../../contracts/events.js';
import { isDatabaseUnavailable, type Db } from './db/index.js';

export interface OutboxEvent {
  id: number;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
  actorId: string | null;
  occurredAt: Date;
}

/**
 * Modules subscribe through `subscriber()` in outbox.ts (declared topics, typed payloads); the
 * topic parameter is open only for testing the delivery mechanism itself.
 */
export interface OutboxSubscriber<T extends string = Topic> {
  /** Stable name: deliveries are recorded under it (renaming it replays the watermark window). */
  name: string;
  topics: readonly T[];
  /** Runs inside the delivery's transaction: write through `trx` only; throw to be retried. */
  handle(event: OutboxEvent, trx: Db): Promise<void>;
  /**
   * Optional: several new events in one transaction with their delivery marks (fewer round trips).
   * When it throws, nothing of the batch is kept and each event goes through `handle` alone.
   */
  handleBatch?(events: OutboxEvent[], trx: Db): Promise<void>;
  /** Optional, with `handleBatch`: new events taken at once (default: the dispatcher's `batchSize`). */
  batchSize?: number;
  /**
   * Optional: the background poll hands this subscriber new events at most once in this many
   * milliseconds, so that under load they arrive as a few large batches rather than one each
   * pass. For a subscriber whose batch costs about the same whatever its size (a column store's
   * write) and whose readers can wait that long. `drain()` does not wait.
   */
  lingerMs?: number;
}

export interface DispatcherOptions {
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
  pollMs?: number;
  maxAttempts?: number;
  batchSize?: number;
}

const LATE_COMMIT_WINDOW = 1000;
/** How often a subscriber's scan covers the whole late-commit window; in between it starts after what it saw. */
const WINDOW_SCAN_MS = 2000;

/**
 * Where a subscriber's whole-window scan starts: 1,000 ids below its newest delivery. The scan's
 * anti-join repeats the bound on the delivery side, so it reads the deliveries of the window by
 * index range; without it PostgreSQL, on statistics a busy hour had outgrown, hashed every
 * delivery the subscriber ever had (12,000 rows after a minute of `bench:cases`; 15 ms a scan,
 * a quarter of the database's execution time).
 */
const windowStart = (subscriber: string) =>
  sql<number>`(SELECT coalesce(max(event_id), 0) - ${LATE_COMMIT_WINDOW} FROM platform.outbox_delivery WHERE subscriber = ${subscriber})`;

/** What a poll looks at before asking the subscribers. */
interface OutboxState {
  newest: number;
  recent: number;
  nextRetry: Date | null;
}

/** Nothing new since `quiet`: no event added (or committed late within the window), and no retry due. */
const sameState = (now: OutboxState, quiet: OutboxState, at: Date): boolean =>
  now.newest === quiet.newest &&
  now.recent === quiet.recent &&
  (now.nextRetry === null || now.nextRetry.getTime() > at.getTime());
const MAX_BACKOFF_MS = 3_600_000;
const MAX_POLL_BACKOFF_MS = 30_000;

/** Per subscriber: events waiting (new or to retry), dead letters, and the oldest waiting event. */
export interface SubscriberBacklog {
  subscriber: string;
  pending: number;
  retrying: number;
  dead: number;
  oldestWaitingAt: Date | null;
}

export class OutboxDispatcher<T extends string = Topic> {
  private readonly subscribers = new Map<string, OutboxSubscriber<T>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  /** Failed polls in a row, and when the next poll may run (backing off while the database is away). */
  private failures = 0;
  private pausedUntil = 0;
  /** Set by `stop()`: a drain under way ends after the batch in hand (a first start's backlog can take minutes). */
  private stopping = false;
  /** The outbox as it was before the last poll that delivered nothing (see `sameState`). */
  private quiet: OutboxState | undefined;
  /**
   * Per subscriber: the id up to which its scans have seen every event of its topics (delivered or
   * recorded as failed), and when it last scanned the whole late-commit window.
   */
  private readonly scanned = new Map<string, { upTo: number; windowAt: number }>();
  /** Per lingering subscriber: when the background poll last handed it new events. */
  private readonly handed = new Map<string, number>();
  /** Set by a pass that left a lingering subscriber's events for later: the outbox is not quiet. */
  private lingered = false;

  constructor(
    private readonly db: Db,
    private readonly opts: DispatcherOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.pollMs = opts.pollMs ?? 500;
    this.maxAttempts = opts.maxAttempts ?? 12;
    this.batchSize = opts.batchSize ?? 100;
  }

  subscribe(subscriber: OutboxSubscriber<T>): void {
    if (this.subscribers.has(subscriber.name))
      throw new Error(`outbox subscriber ${subscriber.name} is already registered`);
    this.subscribers.set(subscriber.name, subscriber);
    this.quiet = undefined; // a new subscriber has every event of its topics still to see
  }

  /** Polls in the background until `stop()`. */
  start(): void {
    if (this.timer) return;
    this.stopping = false;
    this.timer = setInterval(() => {
      if (this.running || Date.now() < this.pausedUntil) return;
      this.poll().then(
        () => this.resumed(),
        (e: unknown) => this.backOff(e),
      );
    }, this.pollMs);
    this.timer.unref();
  }

  /** Failed polls in a row (0 when delivering normally). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  private backOff(e: unknown): void {
    this.failures++;
    const waitMs = Math.min(this.pollMs * 2 ** this.failures, MAX_POLL_BACKOFF_MS);
    this.pausedUntil = Date.now() + waitMs;
    if (isDatabaseUnavailable(e))
      this.opts.log?.warn(
        { err: e, failures: this.failures, waitMs },
        'outbox dispatch: database unavailable, backing off',
      );
    else this.opts.log?.error({ err: e, failures: this.failures, waitMs }, 'outbox dispatch failed');
  }

  private resumed(): void {
    if (this.failures === 0) return;
    this.opts.log?.info({ failures: this.failures }, 'outbox dispatch resumed');
    this.failures = 0;
    this.pausedUntil = 0;
  }

  /** What waits for each subscriber (for metrics): counted as the dispatcher itself would find it. */
  async backlog(): Promise<SubscriberBacklog[]> {
    const out: SubscriberBacklog[] = [];
    for (const s of this.subscribers.values()) {
      const { rows } = await sql<{ pending: number; oldest: Date | null }>`
        SELECT count(*)::int AS pending, min(o.occurred_at) AS oldest
          FROM platform.outbox o
         WHERE o.topic = ANY(${[...s.topics]}::text[])
           AND o.id > ${windowStart(s.name)}
           AND NOT EXISTS (SELECT 1 FROM platform.outbox_delivery d
                            WHERE d.subscriber = ${s.name} AND d.event_id > ${windowStart(s.name)} AND d.event_id = o.id)`.execute(
        this.db,
      );
      const { rows: states } = await sql<{ retrying: number; dead: number; oldest: Date | null }>`
        SELECT count(*) FILTER (WHERE d.state = 'retry')::int AS retrying, count(*) FILTER (WHERE d.state = 'dead')::int AS dead,
               min(o.occurred_at) FILTER (WHERE d.state = 'retry') AS oldest
          FROM platform.outbox_delivery d JOIN platform.outbox o ON o.id = d.event_id
         WHERE d.subscriber = ${s.name} AND d.state IN ('retry', 'dead')`.execute(this.db);
      const oldest = [rows[0]?.oldest, states[0]?.oldest].filter((d): d is Date => d != null).map((d) => new Date(d));
      out.push({
        subscriber: s.name,
        pending: rows[0]?.pending ?? 0,
        retrying: states[0]?.retrying ?? 0,
        dead: states[0]?.dead ?? 0,
        oldestWaitingAt: oldest.length ? new Date(Math.min(...oldest.map((d) => d.getTime()))) : null,
      });
    }
    return out;
  }

  /** Stops polling; a drain under way ends after the batch in hand, and this waits for it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopping = true;
    await this.running?.catch(() => 0);
  }

  /** The background poll: a drain, unless the outbox is as it was before the last one that found nothing. */
  private poll(): Promise<number> {
    const run = (this.running ??= (async () => {
      const before = await this.outboxState();
      if (this.quiet && sameState(before, this.quiet, this.now())) return 0;
      this.lingered = false;
      // Before calling the outbox quiet, every subscriber looks at its whole late-commit window once.
      const delivered = (await this.drainAll(false, true)) || (this.stopping ? 0 : await this.drainAll(true, true));
      this.quiet = delivered === 0 && !this.stopping && !this.lingered ? before : undefined;
      return delivered;
    })().finally(() => (this.running = undefined)));
    return run;
  }

  private async newestId(): Promise<number> {
    const { rows } = await sql<{ newest: string | number }>`
      SELECT coalesce(max(id), 0) AS newest FROM platform.outbox`.execute(this.db);
    return Number(rows[0]!.newest);
  }

  /** The outbox's newest id, the events in the late-commit window below it, and this node's subscribers' earliest retry. */
  private async outboxState(): Promise<OutboxState> {
    const { rows } = await sql<{ newest: string | number; recent: string | number; nextRetry: Date | null }>`
      WITH top AS (SELECT coalesce(max(id), 0) AS newest FROM platform.outbox)
      SELECT top.newest,
             (SELECT count(*) FROM platform.outbox WHERE id > top.newest - ${LATE_COMMIT_WINDOW}) AS recent,
             (SELECT min(next_attempt_at) FROM platform.outbox_delivery
               WHERE state = 'retry' AND subscriber = ANY(${[...this.subscribers.keys()]}::text[])) AS "nextRetry"
        FROM top`.execute(this.db);
    const row = rows[0]!;
    return {
      newest: Number(row.newest),
      recent: Number(row.recent),
      nextRetry: row.nextRetry ? new Date(row.nextRetry) : null,
    };
  }

  /**
   * Delivers everything due now — new events and retries whose time has come — until nothing is
   * left; answers how many deliveries succeeded. Tests call it instead of waiting for the poll.
   */
  drain(): Promise<number> {
    const run = (this.running ??= this.drainAll().finally(() => (this.running = undefined)));
    return run;
  }

  /** `patient`: the background poll, which lets lingering subscribers wait (see `lingerMs`). */
  private async drainAll(wholeWindow = false, patient = false): Promise<number> {
    let total = 0;
    for (;;) {
      let pass = 0;
      const newest = await this.newestId();
      for (const s of this.subscribers.values()) {
        if (this.stopping) return total + pass;
        const waits =
          patient && s.lingerMs !== undefined && this.now().getTime() - (this.handed.get(s.name) ?? 0) < s.lingerMs;
        if (waits) this.lingered = true;
        else pass += await this.deliverNew(s, newest, wholeWindow);
        pass += await this.retryDue(s);
      }
      total += pass;
      if (pass === 0) return total;
    }
  }

  private async deliverNew(s: OutboxSubscriber<T>, newest: number, wholeWindow: boolean): Promise<number> {
    const mark = this.scanned.get(s.name);
    const window = wholeWindow || !mark || Date.now() - mark.windowAt >= WINDOW_SCAN_MS;
    const from = window ? windowStart(s.name) : sql`${mark.upTo}::bigint`;
    const limit = (s.handleBatch && s.batchSize) || this.batchSize;
    const { rows } = await sql<OutboxEvent>`
      SELECT o.id, o.topic, o.aggregate_type AS "aggregateType", o.aggregate_id AS "aggregateId", o.payload,
             o.actor_id AS "actorId", o.occurred_at AS "occurredAt"
        FROM platform.outbox o
       WHERE o.topic = ANY(${[...s.topics]}::text[])
         AND o.id > ${from}
         AND NOT EXISTS (SELECT 1 FROM platform.outbox_delivery d
                          WHERE d.subscriber = ${s.name} AND d.event_id > ${from} AND d.event_id = o.id)
       ORDER BY o.id
       LIMIT ${limit}`.execute(this.db);
    // Every event of its topics up to `newest` (read before this scan) was visible to it: what it
    // did not answer is delivered already. A full batch was examined only up to its last event.
    // Kept once the rows are handled (a database gone meanwhile leaves them to the next scan).
    const last = rows.length > 0 ? Number(rows[rows.length - 1]!.id) : 0;
    const seen = {
      upTo: Math.max(mark?.upTo ?? 0, rows.length < limit ? Math.max(newest, last) : last),
      windowAt: window ? Date.now() : mark.windowAt,
    };
    const delivered = await this.deliverRows(s, rows);
    this.scanned.set(s.name, seen);
    // A full batch means more are waiting: the next pass takes them without lingering.
    if (s.lingerMs !== undefined && rows.length > 0) {
      if (rows.length < limit) this.handed.set(s.name, this.now().getTime());
      else this.handed.delete(s.name);
    }
    return delivered;
  }

  private async deliverRows(s: OutboxSubscriber<T>, rows: OutboxEvent[]): Promise<number> {
    if (s.handleBatch && rows.length > 1) {
      const batched = await this.deliverBatch(s, rows);
      if (batched !== undefined) return batched;
    }
    let delivered = 0;
    for (const event of rows) {
      try {
        const handled = await this.db.transaction().execute(async (trx) => {
          const claim = await sql`
            INSERT INTO platform.outbox_delivery (subscriber, event_id, state, attempts)
            VALUES (${s.name}, ${event.id}, 'delivered', 1)
            ON CONFLICT DO NOTHING RETURNING event_id`.execute(trx);
          if (claim.rows.length === 0) return false;
          await s.handle(event, trx);
          return true;
        });
        if (handled) delivered++;
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw e;
        await this.recordFailure(s, event, e, 1, 'insert');
      }
    }
    return delivered;
  }

  /** New events in one transaction; undefined when the batch failed (each is then delivered alone). */
  private async deliverBatch(s: OutboxSubscriber<T>, rows: OutboxEvent[]): Promise<number | undefined> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const claim = await sql<{ eventId: string | number }>`
          INSERT INTO platform.outbox_delivery (subscriber, event_id, state, attempts)
          SELECT ${s.name}, id, 'delivered', 1 FROM unnest(${rows.map((e) => Number(e.id))}::bigint[]) AS id
          ON CONFLICT DO NOTHING RETURNING event_id AS "eventId"`.execute(trx);
        const claimed = new Set(claim.rows.map((r) => Number(r.eventId)));
        const events = rows.filter((e) => claimed.has(Number(e.id)));
        if (events.length) await s.handleBatch!(events, trx);
        return events.length;
      });
    } catch (e) {
      if (isDatabaseUnavailable(e)) throw e;
      this.opts.log?.warn(
        { subscriber: s.name, events: rows.length, err: e instanceof Error ? e.message : String(e) },
        'outbox batch failed; delivering its events one by one',
      );
      return undefined;
    }
  }

  private async retryDue(s: OutboxSubscriber<T>): Promise<number> {
    const { rows } = await sql<OutboxEvent & { attempts: number }>`
      SELECT o.id, o.topic, o.aggregate_type AS "aggregateType", o.aggregate_id AS "aggregateId", o.payload,
             o.actor_id AS "actorId", o.occurred_at AS "occurredAt", d.attempts
        FROM platform.outbox_delivery d JOIN platform.outbox o ON o.id = d.event_id
       WHERE d.subscriber = ${s.name} AND d.state = 'retry' AND d.next_attempt_at <= ${this.now()}
       ORDER BY d.next_attempt_at
       LIMIT ${this.batchSize}`.execute(this.db);
    let delivered = 0;
    for (const { attempts, ...event } of rows) {
      try {
        const handled = await this.db.transaction().execute(async (trx) => {
          // The update locks the row: a second node waits, then finds it no longer waiting.
          const claim = await sql`
            UPDATE platform.outbox_delivery SET state = 'delivered', attempts = attempts + 1, next_attempt_at = NULL, updated_at = now()
             WHERE subscriber = ${s.name} AND event_id = ${event.id} AND state = 'retry' RETURNING event_id`.execute(
            trx,
          );
          if (claim.rows.length === 0) return false;
          await s.handle(event, trx);
          return true;
        });
        if (handled) delivered++;
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw e;
        await this.recordFailure(s, event, e, attempts + 1, 'update');
      }
    }
    return delivered;
  }

  private async recordFailure(
    s: OutboxSubscriber<T>,
    event: OutboxEvent,
    error: unknown,
    attempts: number,
    how: 'insert' | 'update',
  ): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    const dead = attempts >= this.maxAttempts;
    const next = dead ? null : new Date(this.now().getTime() + Math.min(1000 * 2 ** (attempts - 1), MAX_BACKOFF_MS));
    const state = dead ? 'dead' : 'retry';
    this.opts.log?.warn(
      { subscriber: s.name, eventId: event.id, topic: event.topic, attempts, dead, err: message },
      'outbox subscriber failed',
    );
    if (how === 'insert') {
      await sql`
        INSERT INTO platform.outbox_delivery (subscriber, event_id, state, attempts, next_attempt_at, last_error)
        VALUES (${s.name}, ${event.id}, ${state}, ${attempts}, ${next}, ${message})
        ON CONFLICT DO NOTHING`.execute(this.db);
    } else {
      await sql`
        UPDATE platform.outbox_delivery SET state = ${state}, attempts = ${attempts}, next_attempt_at = ${next}, last_error = ${message}, updated_at = now()
         WHERE subscriber = ${s.name} AND event_id = ${event.id} AND state = 'retry'`.execute(this.db);
    }
  }
}
