/**
 * Published items with their active process, kept for a few seconds: every submission needs both,
 * and they change rarely. A definition saved on this node is seen at once; an item published or a
 * definition saved on another node within `ttlMs`.
 */
import type { Item } from '../../../../../contracts/catalog.js';
import type { ProcessDefinition } from '../../../../../contracts/cases.js';
import type { Db } from '../../../platform/db/index.js';
import { getPublishedItem } from '../../catalog/index.js';
import { processOf } from './definitions.store.js';

export interface ItemProcess {
  item: Item;
  definition: ProcessDefinition;
  version: number;
}

export class ItemProcesses {
  private readonly entries = new Map<string, { until: number; value: Promise<ItemProcess> }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5_000,
  ) {}

  get(itemCode: string): Promise<ItemProcess> {
    const now = Date.now();
    const hit = this.entries.get(itemCode);
    if (hit && hit.until > now) return hit.value;
    const value = (async () => {
      const item = await getPublishedItem(this.db, itemCode);
      return { item, ...(await processOf(this.db, item)) };
    })();
    // A failure (an unknown item) is not remembered.
    value.catch(() => this.entries.delete(itemCode));
    this.entries.set(itemCode, { until: now + this.ttlMs, value });
    if (this.entries.size > 5_000) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  invalidate(itemCode: string): void {
    this.entries.delete(itemCode);
  }
}
