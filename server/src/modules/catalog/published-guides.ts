/** 办事指南 as the portal reads them: published guides kept in memory for the catalogue's generation. */
import type { Item } from '../../../../contracts/catalog.js';
import type { Db } from '../../platform/db/index.js';
import { getPublishedItem } from './items.service.js';
import { loadSearchChanges, readGeneration } from './search/search.repository.js';

export interface PublishedGuidesOptions {
  /** How often (ms) this node asks whether another node changed the catalogue. */
  checkMs?: number;
  /**
   * Guides kept (most recently read last); the rest are read again when asked. A seed guide and its
   * serialised answer take ~10 KiB (4,096 of them ~40 MiB per API process, measured 2026-12-05).
   */
  size?: number;
}

/** Beyond this many changed services a generation change forgets every kept guide. */
const MAX_CHANGED = 4096;

/**
 * Published guides are read far more often than they change (a guide view is the portal's
 * commonest request after search), so each node keeps the guides it served, with the catalogue
 * generation they were read under.
 *
 * Freshness follows the search index's: publishing, retiring, or renaming the department bumps the
 * generation in the same transaction and logs the services it changed. When this node sees a new
 * generation it reads which services changed since the one it knew and forgets only their guides;
 * the rest are kept for the new generation (a publication elsewhere no longer empties every node's
 * guides). A write through this node calls `invalidate()`, so the next read looks at once; another
 * node's write is seen once this node has looked again, at most once every `checkMs` (default 1 s),
 * on a read. The generation is read before the guide, so a guide is never kept under a generation
 * newer than it is.
 *
 * Every caller receives the same object for a kept guide: the route serialises it once
 * (`memoisedJson`). Unknown codes are not kept (each is a 404 read from the database).
 */
export class PublishedGuides {
  private readonly kept = new Map<string, { generation: number; item: Item }>();
  /** The last generation this node looked at, and when; what changed after it is not yet known. */
  private seen: { value: number; at: number } | undefined;
  private reading: Promise<number> | undefined;
  /** Counts invalidations: a look begun before one does not spare the next read from looking. */
  private epoch = 0;

  constructor(
    private readonly db: Db,
    private readonly opts: PublishedGuidesOptions = {},
  ) {}

  /** The catalogue changed through this node: the next read looks at what changed. */
  invalidate(): void {
    if (this.seen) this.seen = { value: this.seen.value, at: Number.NEGATIVE_INFINITY };
    this.reading = undefined;
    this.epoch++;
  }

  /** The published guide of `code` (404 `CATALOG.ITEM_NOT_FOUND` when none is published). */
  async get(code: string): Promise<Item> {
    const generation = await this.currentGeneration();
    const hit = this.kept.get(code);
    if (hit?.generation === generation) {
      this.kept.delete(code);
      this.kept.set(code, hit);
      return hit.item;
    }
    const item = await getPublishedItem(this.db, code);
    // Kept under the generation read before it: at least that new.
    this.kept.set(code, { generation, item });
    if (this.kept.size > (this.opts.size ?? 4096)) this.kept.delete(this.kept.keys().next().value!);
    return item;
  }

  private async currentGeneration(): Promise<number> {
    const seen = this.seen;
    if (seen && Date.now() - seen.at < (this.opts.checkMs ?? 1000)) return seen.value;
    // Concurrent readers share one look (its error reaches each of them, who await it).
    if (!this.reading) {
      const epoch = this.epoch;
      const at = Date.now();
      const reading: Promise<number> = (
        seen ? loadSearchChanges(this.db, seen.value, MAX_CHANGED) : readGeneration(this.db)
      )
        .then((changes) => {
          const generation = typeof changes === 'number' ? changes : changes.generation;
          if (seen && typeof changes !== 'number') this.forget(seen.value, changes);
          // A look begun before an invalidation does not spare the next read from looking again.
          this.seen = { value: generation, at: this.epoch === epoch ? at : Number.NEGATIVE_INFINITY };
          return generation;
        })
        .finally(() => {
          if (this.reading === reading) this.reading = undefined;
        });
      this.reading = reading;
    }
    return this.reading;
  }

  /** The guides of services changed after `from` go; those kept for `from` are kept for the new generation. */
  private forget(from: number, changes: Awaited<ReturnType<typeof loadSearchChanges>>): void {
    if (changes.kind === 'same') return;
    if (changes.kind === 'everything') {
      this.kept.clear();
      return;
    }
    const changed = new Set(changes.codes);
    for (const [code, entry] of this.kept) {
      if (entry.generation !== from) continue;
      if (changed.has(entry.item.basicCode)) this.kept.delete(code);
      else entry.generation = changes.generation;
    }
  }
}
