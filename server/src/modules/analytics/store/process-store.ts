/**
 * The analytics store across the processes of one machine (`PROCESSES` > 1 with DuckDB). A DuckDB
 * file admits one process, so the cluster's primary owns the store — and feeds it, since it alone
 * runs the background workers — and every API process reaches it over node:cluster's IPC channel:
 * `ProcessStore` in the API process, `serveStore` in the primary. Every process then answers from
 * one store that has every event (one store per process saw only the events its own workers took).
 * The channel must use node's `advanced` serialization, so dates in slices and changes arrive as dates.
 */
import type { AnalyticsStore } from './analytics-store.js';

/** The store's methods a call may name (everything but `close`, which stays with its owner). */
const METHODS = ['apply', 'watermark', 'cells', 'bottlenecks', 'process', 'demand', 'dump', 'clear'] as const;
type Method = (typeof METHODS)[number];
const isMethod = (m: unknown): m is Method => METHODS.includes(m as Method);

/** Messages of this channel carry this tag; the channel may carry others (node:cluster's own). */
const TAG = 'tongban.analytics-store';

interface Call {
  tag: typeof TAG;
  id: number;
  method: Method;
  args: unknown[];
}
type Reply = { tag: typeof TAG; id: number } & ({ ok: true; value: unknown } | { ok: false; message: string });

/** One end of an IPC channel: `process` in an API process, a `cluster.Worker` in the primary. */
export interface Channel {
  send(message: unknown, callback?: (error: Error | null) => void): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
}

const isTagged = (m: unknown): m is { tag: typeof TAG } =>
  typeof m === 'object' && m !== null && (m as { tag?: unknown }).tag === TAG;

/** The primary's store, as an API process sees it. */
export class ProcessStore implements AnalyticsStore {
  readonly engine = 'duckdb' as const;
  #next = 1;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #gone: Error | null = null;

  constructor(private readonly channel: Channel) {
    channel.on('message', this.#onMessage);
    channel.on('disconnect', this.#onDisconnect);
  }

  readonly #onMessage = (message: unknown): void => {
    if (!isTagged(message)) return;
    const reply = message as Reply;
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(`analytics store: ${reply.message}`));
  };

  readonly #onDisconnect = (): void => this.#fail(new Error('analytics store: the primary process is gone'));

  #fail(error: Error): void {
    this.#gone = error;
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }

  #call<T>(method: Method, args: unknown[]): Promise<T> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const call: Call = { tag: TAG, id, method, args };
      this.channel.send(call, (error) => {
        if (!error) return;
        this.#pending.delete(id);
        reject(error);
      });
    });
  }

  apply: AnalyticsStore['apply'] = (change) => this.#call('apply', [change]);
  watermark: AnalyticsStore['watermark'] = () => this.#call('watermark', []);
  cells: AnalyticsStore['cells'] = (slice, by) => this.#call('cells', [slice, by]);
  bottlenecks: AnalyticsStore['bottlenecks'] = (slice) => this.#call('bottlenecks', [slice]);
  process: AnalyticsStore['process'] = (slice, types) => this.#call('process', [slice, types]);
  demand: AnalyticsStore['demand'] = (slice, opts) => this.#call('demand', [slice, opts]);
  dump: AnalyticsStore['dump'] = () => this.#call('dump', []);
  clear: AnalyticsStore['clear'] = () => this.#call('clear', []);

  /** Stops listening; the store itself stays open in the primary. Calls still waiting fail. */
  async close(): Promise<void> {
    this.channel.off('message', this.#onMessage);
    this.channel.off('disconnect', this.#onDisconnect);
    this.#fail(new Error('analytics store: closed'));
  }
}

/**
 * Answers an API process's calls on the primary's store. A reply that cannot be sent (the process
 * died meanwhile) is reported to `onError` — as is a call that fails — and nothing else happens.
 */
export function serveStore(store: AnalyticsStore, channel: Channel, onError: (err: unknown) => void): () => void {
  const onMessage = (message: unknown): void => {
    if (!isTagged(message)) return;
    const { id, method, args } = message as Call;
    const send = (reply: Reply) =>
      channel.send(reply, (error) => {
        if (error) onError(error);
      });
    if (!isMethod(method) || !Array.isArray(args)) {
      send({ tag: TAG, id, ok: false, message: `no such call: ${String(method)}` });
      return;
    }
    const run = store[method] as (...a: unknown[]) => Promise<unknown>;
    Promise.resolve()
      .then(() => run.apply(store, args))
      .then(
        (value) => send({ tag: TAG, id, ok: true, value }),
        (err: unknown) => {
          onError(err);
          send({ tag: TAG, id, ok: false, message: err instanceof Error ? err.message : String(err) });
        },
      );
  };
  channel.on('message', onMessage);
  return () => channel.off('message', onMessage);
}
