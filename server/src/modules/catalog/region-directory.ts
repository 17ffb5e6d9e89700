/**
 * The regions a request may name: every code of catalog.region, read once and kept (the table
 * changes only when the catalogue is seeded). A code not in it is answered 404
 * CATALOG.REGION_NOT_FOUND — never an empty list that looks like "no services here".
 */
import type { RegionDetail } from '../../../../contracts/catalog-api.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { regionAncestors } from './search/search.service.js';
import * as regions from './regions.repository.js';

export const regionNotFound = (code: string) =>
  notFound('CATALOG.REGION_NOT_FOUND', { zh: `未找到行政区划：${code}`, en: `No such region: ${code}` });

export class RegionDirectory {
  #codes: Promise<Set<string>> | undefined;

  constructor(private readonly db: Db) {}

  /** `code` itself when it names a region; throws the 404 problem otherwise. Undefined passes through. */
  async require<T extends string | undefined>(code: T): Promise<T> {
    if (code === undefined) return code;
    this.#codes ??= regions.listRegionCodes(this.db).then((list) => new Set(list));
    // A region added since the set was read (a later seed) is found in the table and the set re-read.
    if ((await this.#codes).has(code)) return code;
    if (!(await regions.findRegion(this.db, code))) throw regionNotFound(code);
    this.#codes = undefined;
    return code;
  }

  /** The region with its path from the province and, below the county, the county it belongs to. */
  async describe(code: string): Promise<RegionDetail> {
    const path = await regions.listRegionsByCode(this.db, regionAncestors(code));
    const self = path.find((r) => r.code === code);
    if (!self) throw regionNotFound(code);
    const county = path.find((r) => r.level === 3);
    return { ...self, path, ...(county && self.level > 3 ? { county } : {}) };
  }
}
