/** Calls of the search page; shapes come from contracts/search.ts. */
import type { SearchResult } from '../../../../../contracts/search';
import { getJson } from '../../../app/http';

export const PAGE_SIZE = 20;

export function searchServices(
  params: { q: string; region?: string; page?: number },
  signal?: AbortSignal,
): Promise<SearchResult> {
  return getJson<SearchResult>(
    '/api/catalog/search',
    { q: params.q, region: params.region, page: params.page ?? 1, pageSize: PAGE_SIZE },
    signal,
  );
}
