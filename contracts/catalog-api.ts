/**
 * What the public catalogue routes answer (互联网服务系统): search, guides, themes, regions,
 * departments and the power, public-service and negative lists (search: contracts/search.ts). The item
 * and theme shapes themselves are in catalog.ts; this file declares them as the routes' response contracts.
 */
import { z } from 'zod';
import { Item, ItemType, SearchHit, Theme, ThemeSummary } from './catalog.js';
import { contract } from './http.js';

export const ItemPage = contract(Item);
export const ThemePage = contract(Theme);

export const ThemeList = contract(z.object({ themes: z.array(ThemeSummary) }));

/** 申请表 as a JSON Schema (draft 2020-12) document, generated from the item's form fields. */
export const ApplicationFormSchema = contract(z.looseObject({ $schema: z.string(), title: z.string() }));

/** A region (行政区划) with its English name (pinyin and the kind of division: 三都水族自治县 → Sandu Shui Autonomous County). */
export const Region = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), level: z.number().int() });
export type Region = z.infer<typeof Region>;
export const RegionList = contract(z.object({ regions: z.array(Region) }));
/** One region with its path from the province and, below the county level, the county it belongs to. */
export const RegionDetail = contract(Region.extend({ path: z.array(Region), county: Region.optional() }));
export type RegionDetail = z.infer<typeof RegionDetail>;

export const Department = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  regionCode: z.string(),
  category: z.string(),
  creditCode: z.string(),
  address: z.string(),
  phone: z.string(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentList = contract(z.object({ departments: z.array(Department) }));

/** A list entry: a search hit without its relevance score. */
export const ListedItem = SearchHit.omit({ score: true });
export type ListedItem = z.infer<typeof ListedItem>;

export const ListKind = z.enum(['power', 'service']);
export type ListKind = z.infer<typeof ListKind>;

/** 权力清单 / 公共服务清单, grouped by item type. */
export const CatalogList = contract(
  z.object({
    kind: ListKind,
    total: z.number().int(),
    groups: z.array(
      z.object({
        itemType: ItemType,
        itemTypeName: z.object({ zh: z.string(), en: z.string() }),
        items: z.array(ListedItem),
      }),
    ),
  }),
);
export type CatalogList = z.infer<typeof CatalogList>;

/** 市场准入负面清单: 禁止准入类 prohibited, 许可准入类 licensed (with the items granting the licence). */
export const NegativeListEntry = z.object({
  id: z.string(),
  kind: z.enum(['prohibited', 'licensed']),
  sector: z.string(),
  title: z.string(),
  measures: z.string(),
  basis: z.string(),
  items: z.array(ListedItem),
});
export type NegativeListEntry = z.infer<typeof NegativeListEntry>;
export const NegativeList = contract(z.object({ kind: z.literal('negative'), entries: z.array(NegativeListEntry) }));
export type NegativeList = z.infer<typeof NegativeList>;
