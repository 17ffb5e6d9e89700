/**
 * The query log, written in batches so that logging never sits on the query's path: identical
 * queries within a flush window become one row with a count (zero-result queries are unmet
 * demand), and who asked a successful query is kept once per query, day and asker for 热门搜索.
 *
 * The write happens in the background and never stops the process: a write the database refuses
 * is logged and retried on the next window, and after `maxRetries` consecutive failures the
 * buffered entries are dropped with their count in the log. While the database is away (a
 * restart) failures are not counted and entries are kept, up to MAX_PENDING.
 */
import { isDatabaseUnavailable, type Db } from '../../../platform/db/index.js';
import { appendEvent } from '../../../platform/outbox.js';
import type { EventPayload } from '../../../../../contracts/events.js';
import * as repo from './search.repository.js';

/** One search as the big-data centre sees it (catalog.searches-logged). */
export type SearchRecord = EventPayload<'catalog.searches-logged'>['searches'][number];

/** Distinct entries kept while the database is away; beyond it new ones are dropped. */
const MAX_PENDING = 50_000;

export interface LogEntry {
  query: string;
  regionCode: string | null;
  resultCount: number;
  topCode: string | null;
  /** How many times it was asked in this flush window. */
  count: number;
  at: Date;
}

/** Where the query log reports a batch it could not write (pino's logger fits). */
export interface SearchLogSink {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface QueryLogOptions {
  flushEvery?: number;
  flushMs?: number;
  maxRetries?: number;
  /** Days of askers kept (the hot-search window). */
  keepDays?: number;
  log?: SearchLogSink;
  /** The clock each search is dated by (the demo history's simulated one; default: the wall clock). */
  now?: () => Date;
}

export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

export class QueryLog {
  private pending = new Map<string, LogEntry>();
  private askers = new Map<string, { query: string; day: string; asker: string }>();
  private searches: SearchRecord[] = [];
  private asked = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Consecutive failed writes; the batch is kept for a retry until `maxRetries`. */
  private failures = 0;

  constructor(
    private readonly db: Db,
    private readonly opts: QueryLogOptions = {},
  ) {}

  /** Counts one query; `asker` (a keyed hash) is remembered for the hot list when it found something. */
  record(
    entry: Omit<LogEntry, 'count' | 'at'>,
    asker: { query: string; id: string } | undefined,
    search?: Omit<SearchRecord, 'at'>,
  ): void {
    const at = this.opts.now?.() ?? new Date();
    if (search && this.searches.length < MAX_PENDING) this.searches.push({ ...search, at: at.toISOString() });
    const key = `${entry.regionCode ?? ''}\u0000${entry.resultCount}\u0000${entry.topCode ?? ''}\u0000${entry.query}`;
    this.add(key, { ...entry, count: 1, at });
    if (asker && entry.resultCount > 0) this.addAsker({ query: asker.query, day: dayOf(at), asker: asker.id });
    if (++this.asked >= (this.opts.flushEvery ?? 5000)) this.flushInBackground();
    else this.schedule();
  }

  private add(key: string, entry: LogEntry): void {
    const known = this.pending.get(key);
    if (known) known.count += entry.count;
    else if (this.pending.size < MAX_PENDING) this.pending.set(key, entry);
  }

  private addAsker(row: { query: string; day: string; asker: string }): void {
    const key = `${row.query}\u0000${row.day}\u0000${row.asker}`;
    if (this.askers.size < MAX_PENDING) this.askers.set(key, row);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flushInBackground(), this.opts.flushMs ?? 2000).unref();
  }

  /** Writes what is buffered. Rejects when the database refuses; the entries are then kept for the next attempt. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = new Map(this.pending);
    const askers = new Map(this.askers);
    const searches = this.searches;
    this.pending = new Map();
    this.askers = new Map();
    this.searches = [];
    this.asked = 0;
    try {
      await this.db.transaction().execute(async (trx) => {
        await repo.insertSearchLogs(trx, [...batch.values()]);
        if (askers.size > 0) {
          const now = this.opts.now?.() ?? new Date();
          const keepFrom = dayOf(new Date(now.getTime() - (this.opts.keepDays ?? 30) * 86_400_000));
          await repo.insertAskers(trx, [...askers.values()], keepFrom);
        }
        // The searches for demand analysis, in the same transaction: all of a window or none.
        for (let i = 0; i < searches.length; i += 1000) {
          const chunk = searches.slice(i, i + 1000);
          await appendEvent(
            trx,
            {
              topic: 'catalog.searches-logged',
              aggregateType: 'catalog.search-log',
              aggregateId: chunk[0]!.searchId,
              payload: { searches: chunk },
            },
            null,
          );
        }
      });
      this.failures = 0;
    } catch (e) {
      // Entries logged meanwhile stay; the failed batch joins them for the next attempt.
      for (const [key, entry] of batch) this.add(key, entry);
      for (const row of askers.values()) this.addAsker(row);
      this.searches = [...searches, ...this.searches].slice(0, MAX_PENDING);
      throw e;
    }
  }

  /**
   * The background write: it never rejects (an unhandled rejection would stop the process). A
   * failed write is retried on the next tick of the timer; after `maxRetries` consecutive failures
   * the buffered entries are dropped and their number logged.
   */
  private flushInBackground(): void {
    this.flush().catch((err: unknown) => {
      if (!isDatabaseUnavailable(err)) this.failures++;
      const entries = this.pending.size;
      if (this.failures > (this.opts.maxRetries ?? 3)) {
        const queries = [...this.pending.values()].reduce((n, e) => n + e.count, 0);
        this.pending = new Map();
        this.askers = new Map();
        this.searches = [];
        this.failures = 0;
        this.opts.log?.error({ err, entries, queries }, 'search log: write failed again, buffered queries dropped');
      } else {
        this.opts.log?.warn({ err, entries, attempt: this.failures }, 'search log: write failed, will retry');
        this.schedule();
      }
    });
  }

  get pendingEntries(): number {
    return this.pending.size + this.askers.size + this.searches.length;
  }
}
