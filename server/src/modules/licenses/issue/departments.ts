/** Issuing departments (发证机关), read through the catalogue's front door. */
import type { Db } from '../../../platform/db/index.js';
import { listDepartmentsAbove } from '../../catalog/index.js';

export { findDepartment } from '../../catalog/index.js';

export interface Department {
  id: string;
  name: string;
  category: string;
  creditCode: string;
  regionCode: string;
}

/**
 * The department of `category` closest to `regionCode`: the county's, else the city's, else the
 * province's (a resident of a county without its own demo department gets the city's licence).
 */
export function closestDepartment(
  departments: readonly Department[],
  category: string,
  regionCode: string,
): Department | undefined {
  return departments
    .filter((d) => d.category === category && regionCode.startsWith(d.regionCode))
    .sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
}

export async function issuingDepartment(db: Db, category: string, regionCode: string): Promise<Department | undefined> {
  // Only the region's own departments and those above it: not the province's 1,500 for one licence.
  return closestDepartment(await listDepartmentsAbove(db, regionCode, category), category, regionCode);
}
