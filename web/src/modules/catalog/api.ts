/** Typed calls to the public catalogue API (互联网服务系统). Shapes come from contracts/catalog.ts. */
import type { Item, ItemType, SearchHit, SearchResult, Theme, ThemeSummary } from '../../../../contracts/catalog';
import { getJson } from '../../app/http';

export type Audience = ThemeSummary['audience'];
export type ListKind = 'power' | 'service';

export interface Region {
  code: string;
  name: string;
  level: number;
}

/** A list entry: a search hit without its relevance score. */
export type ListedItem = Omit<SearchHit, 'score'>;

export interface CatalogList {
  kind: ListKind;
  total: number;
  groups: { itemType: ItemType; itemTypeName: { zh: string; en: string }; items: ListedItem[] }[];
}

export const PAGE_SIZE = 20;

export function searchItems(
  params: { q: string; region?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<SearchResult> {
  return getJson<SearchResult>(
    '/api/catalog/search',
    { q: params.q, region: params.region, page: params.page ?? 1, pageSize: params.pageSize ?? PAGE_SIZE },
    signal,
  );
}

export async function listHotSearches(signal?: AbortSignal): Promise<string[]> {
  return (await getJson<{ queries: string[] }>('/api/catalog/search/hot', undefined, signal)).queries;
}

export function getItem(code: string, signal?: AbortSignal): Promise<Item> {
  return getJson<Item>(`/api/catalog/items/${encodeURIComponent(code)}`, undefined, signal);
}

export async function listThemes(audience: Audience | undefined, signal?: AbortSignal): Promise<ThemeSummary[]> {
  return (await getJson<{ themes: ThemeSummary[] }>('/api/catalog/themes', { audience }, signal)).themes;
}

export function getTheme(idOrSlug: string, region: string | undefined, signal?: AbortSignal): Promise<Theme> {
  return getJson<Theme>(`/api/catalog/themes/${encodeURIComponent(idOrSlug)}`, { region }, signal);
}

/** Child regions of `parent`; the available provinces when there is none. */
export async function listRegions(parent: string | undefined, signal?: AbortSignal): Promise<Region[]> {
  return (await getJson<{ regions: Region[] }>('/api/catalog/regions', { parent }, signal)).regions;
}

export function getList(kind: ListKind, region: string | undefined, signal?: AbortSignal): Promise<CatalogList> {
  return getJson<CatalogList>(`/api/catalog/lists/${kind}`, { region }, signal);
}

export interface NegativeListEntry {
  id: string;
  kind: 'prohibited' | 'licensed';
  sector: string;
  title: string;
  measures: string;
  basis: string;
  items: ListedItem[];
}

/** 市场准入负面清单, with licensed entries resolved to the items serving `region`. */
export async function getNegativeList(region: string | undefined, signal?: AbortSignal): Promise<NegativeListEntry[]> {
  return (await getJson<{ entries: NegativeListEntry[] }>('/api/catalog/lists/negative', { region }, signal)).entries;
}

export interface Department {
  id: string;
  name: string;
  shortName: string;
  regionCode: string;
  category: string;
}

/** Departments in a region and the regions below it (all of them without one). */
export async function listDepartments(region: string | undefined, signal?: AbortSignal): Promise<Department[]> {
  return (await getJson<{ departments: Department[] }>('/api/catalog/departments', { region }, signal)).departments;
}
