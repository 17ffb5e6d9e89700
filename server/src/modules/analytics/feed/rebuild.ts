/**
 * Rebuilds the analytics store from the PostgreSQL event log (the outbox keeps every event): the
 * store is emptied, then every event of the feed's topics is applied in id order, in batches, by
 * the same code as the live feed. The result equals the incrementally fed store.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import { EVENTS } from '../../../../../contracts/events.js';
import type { AnalyticsDeps } from '../analytics.deps.js';
import { applyEvents, FEED_TOPICS, type FeedEvent } from './feed.js';

export interface RebuildProgress {
  done: number;
  total: number;
}

export async function rebuildStore(
  deps: AnalyticsDeps,
  db: Db,
  onProgress: (p: RebuildProgress) => void = () => {},
  batchSize = 2000,
): Promise<RebuildProgress> {
  const topics = [...FEED_TOPICS];
  const { rows: counted } = await sql<{ total: number }>`
    SELECT count(*)::int AS total FROM platform.outbox WHERE topic = ANY(${topics}::text[])`.execute(db);
  const total = counted[0]?.total ?? 0;
  await deps.store.clear();
  let done = 0;
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: string | number; topic: FeedEvent['topic']; payload: unknown }>`
      SELECT id, topic, payload FROM platform.outbox
       WHERE topic = ANY(${topics}::text[]) AND id > ${after} ORDER BY id LIMIT ${batchSize}`.execute(db);
    if (rows.length === 0) break;
    const events = rows.map(
      (r) =>
        ({
          id: Number(r.id),
          topic: r.topic,
          payload: EVENTS[r.topic].parse(typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload),
        }) as FeedEvent,
    );
    await applyEvents(deps, db, events);
    after = events.at(-1)!.id;
    done += rows.length;
    onProgress({ done, total: Math.max(total, done) });
  }
  return { done, total: Math.max(total, done) };
}
