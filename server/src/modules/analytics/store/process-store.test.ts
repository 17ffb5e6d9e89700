/**
 * The analytics store over IPC (`PROCESSES` > 1): what an API process asks through `ProcessStore`
 * is answered by the primary's DuckDB store exactly as the store answers itself; failures arrive as
 * failures; a primary that goes away fails the calls waiting on it instead of leaving them hanging.
 * The channel here is two event emitters passing structured clones (what node's `advanced`
 * serialization does); the real channel is tried by `cluster.int.test.ts`.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreChange } from './analytics-store.js';
import { approvedCase } from '../analytics.test-kit.js';
import { DuckDbStore } from './duckdb-store.js';
import { ProcessStore, serveStore, type Channel } from './process-store.js';

/** Both ends of a channel; `disconnect()` is the other process going away. */
function channelPair(): { primary: Channel; api: Channel; disconnect: () => void } {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const end = (self: EventEmitter, other: EventEmitter): Channel =>
    Object.assign(self, {
      send(message: unknown, callback?: (error: Error | null) => void) {
        const copy = structuredClone(message);
        setImmediate(() => {
          other.emit('message', copy);
          callback?.(null);
        });
        return true;
      },
    }) as unknown as Channel;
  return { primary: end(a, b), api: end(b, a), disconnect: () => b.emit('disconnect') };
}

const record = (n: number, regionCode: string) =>
  approvedCase({
    caseId: `c${n}`,
    regionCode,
    personKey: `p${n}`,
    acceptedOn: '2026-03-03',
    decidedOn: '2026-03-05',
    periodDay: '2026-03-03',
  });

const change = (watermark: number, regions: string[]): StoreChange => ({
  cases: regions.map((r, i) => ({ record: record(watermark * 100 + i, r), steps: [], tasks: [] })),
  ratings: [],
  watermark,
});

let store: DuckDbStore;
let ends: ReturnType<typeof channelPair>;
let remote: ProcessStore;
let failures: unknown[];
let stop: () => void;
beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
  ends = channelPair();
  failures = [];
  stop = serveStore(store, ends.primary, (err) => failures.push(err));
  remote = new ProcessStore(ends.api);
});
afterEach(async () => {
  stop();
  await remote.close();
  await store.close();
});

describe('the analytics store over IPC', () => {
  it('answers every question as the store itself does, each call with its own answer', async () => {
    await remote.apply(change(7, ['520102', '520102', '520301']));
    await remote.apply(change(9, ['522601']));
    const slice = { regionPrefix: '52', from: '2026-03-01', to: '2026-03-31' };
    const [watermark, byRegion, total, bottlenecks] = await Promise.all([
      remote.watermark(),
      remote.cells(slice, 'region'),
      remote.cells(slice, 'total'),
      remote.bottlenecks(slice),
    ]);
    expect(watermark).toBe(9);
    expect(byRegion).toEqual(await store.cells(slice, 'region'));
    // By the cities of the province: 贵阳 (5201), 遵义 (5203), 黔东南 (5226).
    expect(byRegion.map((c) => [c.key, c.filed]).sort()).toEqual([
      ['5201', 2],
      ['5203', 1],
      ['5226', 1],
    ]);
    expect(total).toEqual(await store.cells(slice, 'total'));
    expect(bottlenecks).toEqual(await store.bottlenecks(slice));
    expect(await remote.dump()).toEqual(await store.dump());
    expect(failures).toEqual([]);
  });

  it('fails a call the store fails, with its reason, and reports it in the primary', async () => {
    await store.close();
    await expect(remote.watermark()).rejects.toThrow(/^analytics store: /);
    expect(failures).toHaveLength(1);
    store = await DuckDbStore.open(':memory:');
  });

  it('refuses a call that is not one of the store’s questions', async () => {
    const answer = new Promise((resolve) => ends.api.on('message', resolve));
    ends.api.send({ tag: 'tongban.analytics-store', id: 99, method: 'close', args: [] });
    expect(await answer).toEqual({ tag: 'tongban.analytics-store', id: 99, ok: false, message: 'no such call: close' });
    expect(await remote.watermark()).toBe(0);
  });

  it('fails the calls waiting and every later one when the primary goes away', async () => {
    stop();
    const waiting = remote.watermark();
    ends.disconnect();
    await expect(waiting).rejects.toThrow('the primary process is gone');
    await expect(remote.cells({}, 'total')).rejects.toThrow('the primary process is gone');
  });
});
