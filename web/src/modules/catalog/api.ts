/** Typed calls to the public catalogue API (互联网服务系统). Shapes come from contracts/catalog.ts and catalog-api.ts. */
import type { Item, Theme, ThemeSummary } from '../../../../contracts/catalog';
import type { SearchResult } from '../../../../contracts/search';
import type {
  CatalogList,
  Department,
  ListKind,
  NegativeList,
  NegativeListEntry,
  Region,
} from '../../../../contracts/catalog-api';
import { getJson } from '../../app/http';

export type {
  CatalogList,
  Department,
  ListedItem,
  ListKind,
  NegativeListEntry,
  Region,
} from '../../../../contracts/catalog-api';
export type Audience = ThemeSummary['audience'];

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

/** 市场准入负面清单, with licensed entries resolved to the items serving `region`. */
export async function getNegativeList(region: string | undefined, signal?: AbortSignal): Promise<NegativeListEntry[]> {
  return (await getJson<NegativeList>('/api/catalog/lists/negative', { region }, signal)).entries;
}

/** Departments in a region and the regions below it (all of them without one). */
export async function listDepartments(region: string | undefined, signal?: AbortSignal): Promise<Department[]> {
  return (await getJson<{ departments: Department[] }>('/api/catalog/departments', { region }, signal)).departments;
}
