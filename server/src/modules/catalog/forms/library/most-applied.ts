/**
 * 高频事项: the demo data holds no application volumes, so "most applied" is read from what the
 * catalogue's authors recorded of demand — the colloquial search phrases (`keywords`, 口语说法)
 * each item is found by. Among the items a person or enterprise applies for (not 行政处罚,
 * 行政强制 or 行政检查, which the state starts), the `n` with the most phrases, ties in seed order.
 */
import type { ItemType } from '../../../../../../contracts/catalog.js';

const STARTED_BY_THE_STATE = new Set<ItemType>(['02', '03', '06']);

export function mostAppliedItems<T extends { guide: { name: string; itemType: ItemType; keywords?: string[] } }>(
  seeds: readonly T[],
  n: number,
): T[] {
  return seeds
    .map((s, order) => ({ s, order, phrases: s.guide.keywords?.length ?? 0 }))
    .filter((x) => !STARTED_BY_THE_STATE.has(x.s.guide.itemType))
    .sort((a, b) => b.phrases - a.phrases || a.order - b.order)
    .slice(0, n)
    .map((x) => x.s);
}
