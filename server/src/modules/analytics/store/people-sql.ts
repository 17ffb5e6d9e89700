/**
 * Distinct people of a slice, exactly and fast (DuckDB store). People do not add up across cells,
 * so they are counted from the cases; to make that cheap each person key gets a small number
 * (`person_no`, kept in `case_fact` beside the key) and a group's people are the set bits of a
 * bitstring with one bit a person (`bitstring_agg`, exact: no sketch). A bitstring costs a bit per
 * numbered person, so groupings with many groups (departments, items) count distinct numbers
 * instead, and so does any grouping whose bitstrings together would pass `BITSTRING_BUDGET`.
 */
import type { Grouping, Slice } from './analytics-store.js';
import { childLength } from './store-sql.js';

/** The most bitstring memory one answer may take, in bits (64 MiB). */
export const BITSTRING_BUDGET = 64 * 1024 * 1024 * 8;

export const PEOPLE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS person_no (person_key VARCHAR PRIMARY KEY, no INTEGER NOT NULL)`,
  `ALTER TABLE case_fact ADD COLUMN IF NOT EXISTS person_no INTEGER`,
];

/** Numbers the people of cases stored before `person_no` (one pass; nothing to do once they are numbered). */
export const NUMBER_EARLIER_PEOPLE = [
  `INSERT INTO person_no
     SELECT person_key, (SELECT coalesce(max(no), 0) FROM person_no) + row_number() OVER (ORDER BY person_key)
       FROM (SELECT DISTINCT person_key FROM case_fact WHERE person_no IS NULL) k
      WHERE NOT EXISTS (SELECT 1 FROM person_no p WHERE p.person_key = k.person_key)`,
  `UPDATE case_fact SET person_no = p.no FROM person_no p WHERE case_fact.person_no IS NULL AND p.person_key = case_fact.person_key`,
];

const MONTHS_WHEN_OPEN = 36;

/** How many groups a grouping may have at most, as far as the slice tells (for the memory budget). */
function groupsAtMost(by: Grouping, slice: Slice): number {
  switch (by) {
    case 'total':
      return 1;
    case 'channel':
      return 2;
    case 'region':
      // GB/T 2260 gives a level at most 99 children (three digits below a county: up to 999).
      return childLength(slice.regionPrefix) - (slice.regionPrefix?.length ?? 0) >= 3 ? 999 : 99;
    case 'month': {
      if (!slice.from || !slice.to) return MONTHS_WHEN_OPEN;
      const [fy, fm] = slice.from.split('-').map(Number) as [number, number];
      const [ty, tm] = slice.to.split('-').map(Number) as [number, number];
      return Math.max(1, (ty - fy) * 12 + (tm - fm) + 1);
    }
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/**
 * The expression counting a group's distinct people over alias `a` (`case_fact`), given the highest
 * person number in the store: set bits of a bitstring when the groups fit the budget, else a
 * distinct count of the numbers.
 */
export function peopleCount(by: Grouping, slice: Slice, maxPerson: number): string {
  const bits = Math.max(1, maxPerson);
  if (groupsAtMost(by, slice) * bits <= BITSTRING_BUDGET)
    return `coalesce(bit_count(bitstring_agg(a.person_no, 1, ${bits})), 0)`;
  return 'count(DISTINCT a.person_no)';
}
