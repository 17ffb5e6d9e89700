/** 办事指南 as the portal reads them: published guides kept in memory for the catalogue's generation. */
import type { Item } from '../../../../contracts/catalog.js';
import type { Db } from '../../platform/db/index.js';
import { getPublishedItem } from './items.service.js';
import { readGeneration } from './search/search.repository.js';

export interface PublishedGuidesOptions {
  /** How often (ms) this node asks whether another node changed the catalogue. */
  checkMs?: number;
  /**
   * Guides kept (most recently read last); the rest are read again when asked. A seed guide and its
   * serialised answer take ~10 KiB (4,096 of them ~40 MiB per API process, measured 2026-12-05).
   */
  size?: number;
}

/**
 * Published guides are read far more often than they change (a guide view is the portal's
 * commonest request after search), so each node keeps the guides it served, with the catalogue
 * generation they were read under.
 *
 * Freshness follows the search index's: publishing, retiring, or renaming the department bumps the
 * generation in the same transaction. A write through this node calls `invalidate()`, so the next
 * read is fresh; another node's write is seen once this node has looked at the generation again,
 * which it does at most once every `checkMs` (default 1 s), on a read. The generation is read
 * before the guide, so a guide is never kept under a generation newer than it is.
 *
 * Every caller receives the same object for a kept guide: the route serialises it once
 * (`memoisedJson`). Unknown codes are not kept (each is a 404 read from the database).
 */
export class PublishedGuides {
  private readonly kept = new Map<string, { generation: number; item: Item }>();
  private generation: { value: number; at: number } | undefined;
  private reading: Promise<number> | undefined;
  /** Counts invalidations: what was read before one is not kept after it. */
  private epoch = 0;

  constructor(
    private readonly db: Db,
    private readonly opts: PublishedGuidesOptions = {},
  ) {}

  /** Forgets every kept guide: the next read asks the database. */
  invalidate(): void {
    this.kept.clear();
    this.generation = undefined;
    this.reading = undefined;
    this.epoch++;
  }

  /** The published guide of `code` (404 `CATALOG.ITEM_NOT_FOUND` when none is published). */
  async get(code: string): Promise<Item> {
    const epoch = this.epoch;
    const generation = await this.currentGeneration();
    const hit = this.kept.get(code);
    if (hit?.generation === generation) {
      this.kept.delete(code);
      this.kept.set(code, hit);
      return hit.item;
    }
    const item = await getPublishedItem(this.db, code);
    // Kept only if no invalidation came while it was read.
    if (this.epoch === epoch) {
      this.kept.set(code, { generation, item });
      if (this.kept.size > (this.opts.size ?? 4096)) this.kept.delete(this.kept.keys().next().value!);
    }
    return item;
  }

  private async currentGeneration(): Promise<number> {
    const known = this.generation;
    if (known && Date.now() - known.at < (this.opts.checkMs ?? 1000)) return known.value;
    // Concurrent readers share one look (its error reaches each of them, who await it); one begun
    // before an invalidation is not remembered.
    if (!this.reading) {
      const epoch = this.epoch;
      const at = Date.now();
      const reading: Promise<number> = readGeneration(this.db)
        .then((value) => {
          if (this.epoch === epoch) this.generation = { value, at };
          return value;
        })
        .finally(() => {
          if (this.reading === reading) this.reading = undefined;
        });
      this.reading = reading;
    }
    return this.reading;
  }
}
