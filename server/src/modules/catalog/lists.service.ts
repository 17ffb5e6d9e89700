/**
 * The published lists: 权力清单 (every item type but public services), 公共服务清单 (type 20), and
 * the market-access negative list with its licensed entries resolved to the items serving a region.
 * Public reads: `(deps, input)`, no actor.
 */
import { ITEM_TYPE_NAMES, ItemType } from '../../../../contracts/catalog.js';
import type { CatalogList, ListKind, NegativeList } from '../../../../contracts/catalog-api.js';
import type { Db } from '../../platform/db/index.js';
import * as itemsRepo from './items.repository.js';
import { listNegativeEntries } from './lists.repository.js';
import { regionAncestors } from './search/search.service.js';
import { hitOf } from './themes.service.js';

export async function negativeList(deps: { db: Db }, input: { region?: string }): Promise<NegativeList> {
  const entries = await listNegativeEntries(deps.db);
  const items = await itemsRepo.listPublishedByBasicCodes(deps.db, [...new Set(entries.flatMap((e) => e.basicCodes))]);
  const serving = (basicCode: string) => {
    const all = items.filter((i) => i.basicCode === basicCode).map((i) => i.item);
    return (input.region ? all.find((i) => input.region!.startsWith(i.region.code)) : undefined) ?? all[0];
  };
  return {
    kind: 'negative',
    entries: entries.map(({ sortOrder: _, basicCodes, ...e }) => ({
      ...e,
      items: basicCodes.flatMap((b) => {
        const it = serving(b);
        return it ? [hitOf(it)] : [];
      }),
    })),
  };
}

export async function catalogList(deps: { db: Db }, input: { kind: ListKind; region?: string }): Promise<CatalogList> {
  const { kind, region } = input;
  const types = kind === 'service' ? (['20'] as const) : ItemType.options.filter((t) => t !== '20');
  const rows = await itemsRepo.listPublishedHits(deps.db, {
    itemTypes: [...types],
    regionAncestors: region ? regionAncestors(region) : undefined,
    regionPrefix: region,
  });
  const groups = new Map<ItemType, (typeof rows)[number]['hit'][]>();
  for (const r of rows) {
    const t = r.itemType as ItemType;
    groups.set(t, [...(groups.get(t) ?? []), r.hit]);
  }
  return {
    kind,
    total: rows.length,
    groups: [...groups.entries()].map(([itemType, items]) => ({
      itemType,
      itemTypeName: ITEM_TYPE_NAMES[itemType],
      items,
    })),
  };
}
