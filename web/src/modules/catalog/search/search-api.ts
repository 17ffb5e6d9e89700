/** Calls of the search page; shapes come from contracts/search.ts. */
import type { SearchClick, SearchResult } from '../../../../../contracts/search';
import { getJson, sendJson } from '../../../app/http';

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

/**
 * Tells the big-data centre which result was opened (anonymous: the search's random id, the
 * position and the item code). Never in the way: a failure is ignored, the person goes on.
 */
export function recordClick(click: SearchClick): void {
  sendJson('POST', '/api/catalog/search/clicks', click).catch(() => undefined);
}
