import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';
import type { ItemGuide } from '../../../../contracts/catalog.js';
import type { SearchDoc } from './search/search.repository.js';

type Json<T> = ColumnType<T, string, string>;

export interface RegionTable {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}
export interface DepartmentTable {
  id: string;
  key: string;
  regionCode: string;
  name: string;
  shortName: string;
  category: string;
  creditCode: string;
  address: string;
  phone: string;
  createdAt: Generated<Date>;
}
export interface ItemTable {
  id: string;
  code: string;
  basicCode: string;
  departmentId: string;
  regionCode: string;
  publishedVersion: number | null;
  latestVersion: number;
  retiredAt: Date | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded' | 'retired';
export interface ItemVersionTable {
  itemId: string;
  version: number;
  status: VersionStatus;
  name: string;
  guide: Json<ItemGuide>;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  publishedAt: Date | null;
}
export interface ItemHistoryTable {
  id: Generated<number>;
  itemId: string;
  version: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  comment: string;
  at: Generated<Date>;
}
export interface SearchDocTable {
  itemId: string;
  code: string;
  basicCode: string;
  regionCode: string;
  itemType: string;
  name: string;
  lexemesA: string[];
  lexemesB: string[];
  lexemesC: string[];
  hit: Json<SearchDoc['hit']>;
}
export interface SearchStateTable {
  id: boolean;
  generation: number;
  /** The read model's format (SEARCH_FORMAT): older is rebuilt at start. */
  format: ColumnType<number, number | undefined, number>;
  /** The first generation whose changed services are all in catalog.search_change. */
  changesFrom: number;
}
/** The services (basic codes) each generation of the search read model changed. */
export interface SearchChangeTable {
  generation: number;
  basicCode: string;
}
/** One row per query, day and asker: 热门搜索 counts people. */
export interface SearchAskerTable {
  query: string;
  day: string;
  asker: string;
}
export interface SynonymTable {
  term: string;
  expansions: string[];
}
export interface ThemeTable {
  id: string;
  slug: string;
  name: string;
  title: string;
  audience: 'person' | 'enterprise';
  description: string;
  icon: string;
  sharedFields: Json<unknown[]>;
  steps: Json<{ basicCode: string; after: string[]; optional: boolean }[]>;
  sortOrder: number;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export interface SearchLogTable {
  id: Generated<number>;
  query: string;
  regionCode: string | null;
  resultCount: number;
  count: ColumnType<number, number | undefined, never>;
  topCode: string | null;
  at: Generated<Date>;
}

export interface NegativeListEntryTable {
  id: string;
  kind: 'prohibited' | 'licensed';
  sector: string;
  title: string;
  measures: string;
  basis: string;
  basicCodes: string[];
  sortOrder: number;
}

export type CatalogTables = {
  'catalog.negativeListEntry': NegativeListEntryTable;
  'catalog.region': RegionTable;
  'catalog.department': DepartmentTable;
  'catalog.item': ItemTable;
  'catalog.itemVersion': ItemVersionTable;
  'catalog.itemHistory': ItemHistoryTable;
  'catalog.searchDoc': SearchDocTable;
  'catalog.searchState': SearchStateTable;
  'catalog.searchChange': SearchChangeTable;
  'catalog.synonym': SynonymTable;
  'catalog.theme': ThemeTable;
  'catalog.searchLog': SearchLogTable;
  'catalog.searchAsker': SearchAskerTable;
};

/** The catalogue's view of the database: its own tables only. */
export const cq = (db: Db): Kysely<CatalogTables> => db.withTables<CatalogTables>() as unknown as Kysely<CatalogTables>;
