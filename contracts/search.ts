/**
 * Search (事项搜索, 一事一结果): one hit per service with the implementation for the person's
 * region, the themes (一件事) the query is about, and suggestions when nothing matches. Shared by
 * server and web.
 */
import { z } from 'zod';
import { SearchHit, ThemeSummary } from './catalog.js';
import { contract } from './http.js';

/** A service (基本编码) as found: the implementation shown is the one serving the person's region. */
export const ServiceHit = SearchHit.extend({
  /** 基本编码: the service all regions' implementations share. */
  basicCode: z.string(),
  /** The item's name in English, for the English interface. */
  nameEn: z.string(),
  /** How many regions' implementations the service has. */
  implementations: z.number().int(),
  /**
   * `local`: implemented in the person's region (or a region above it); `provinceWide`: not there,
   * but this 全省通办 implementation serves the whole province; `unscoped`: no region given.
   */
  availability: z.enum(['local', 'provinceWide', 'unscoped']),
});
export type ServiceHit = z.infer<typeof ServiceHit>;

export const SearchRegion = z.object({
  code: z.string(),
  name: z.string(),
  /** `query`: the `region` parameter; `household`: the signed-in person's 户籍 region. */
  source: z.enum(['query', 'household']),
});
export type SearchRegion = z.infer<typeof SearchRegion>;

export const SearchResult = contract(
  z.object({
    /**
     * A random id of this search (page 1 of the portal's search): the page sends it back with the
     * result a person opens (`POST /api/catalog/search/clicks`). It identifies no one.
     */
    searchId: z.uuid().optional(),
    items: z.array(ServiceHit),
    /** Services found (each counted once, whatever its number of implementations). */
    total: z.number().int(),
    query: z.string(),
    /** The region the implementations were chosen for; null when none was given or known. */
    region: SearchRegion.nullable(),
    /** Themes (一件事) the query is about, best first; shown before the items. */
    themes: z.array(ThemeSummary),
    /** When nothing matches: names and terms the person may have meant (did you mean…). */
    suggestions: z.array(z.string()),
  }),
);
export type SearchResult = z.infer<typeof SearchResult>;

export const HotSearches = contract(z.object({ queries: z.array(z.string()) }));
export type HotSearches = z.infer<typeof HotSearches>;

/** The result a person opened from a search: anonymous, a search id, a position and an item code. */
export const SearchClick = z.object({
  searchId: z.uuid(),
  /** 1-based position of the result in the search's list. */
  position: z.number().int().min(1).max(1000),
  itemCode: z.string().regex(/^[0-9A-Z]{18,40}$/),
});
export type SearchClick = z.infer<typeof SearchClick>;
