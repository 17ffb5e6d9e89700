/**
 * Secondary suppression on a hand-built table: four departments of 3, 12, 25 and 40 people. The
 * public may read the slice's total (by=total); withholding only the cell of 3 would let anyone
 * compute it as the total minus the three published departments.
 */
import { describe, expect, it } from 'vitest';
import type { CellSums } from '../store/analytics-store.js';
import { cellOf, cellsOf } from './indicators.service.js';
import { withheldCells } from './suppression.js';

const cell = (key: string, people: number, filed: number, raters = 0): CellSums => ({
  key,
  label: `部门${key}`,
  people,
  filed,
  accepted: filed,
  completed: filed,
  approved: filed,
  refused: 0,
  notAccepted: 0,
  onTimePromised: filed,
  onTimeLegal: filed,
  legalKnown: filed,
  avgWorkingDays: 3,
  p90WorkingDays: 5,
  immediate: 0,
  fullyOnline: 0,
  supplemented: 0,
  materialsSaved: filed,
  visitsSaved: filed,
  savedCases: filed,
  ratings: raters,
  raters,
  goodRatings: raters,
  badRatings: 0,
  avgRating: raters ? 5 : null,
  complaints: 0,
  complaintsAnswered: 0,
  complaintsOnTime: 0,
  licenseUses: 0,
  sharingReads: 0,
});

const TABLE = [cell('A', 3, 3, 12), cell('B', 12, 14, 2), cell('C', 25, 30, 30), cell('D', 40, 41, 11)];
const TOTAL = cell('all', 80, 88, 55);

describe('secondary suppression', () => {
  it('does not let the total minus the published others reveal a cell of 3', () => {
    const total = cellOf(TOTAL, 10, true);
    const cells = cellsOf(TABLE, 10, true);
    expect(total.filed).toBe(88);
    expect(cells.map((c) => [c.key, c.suppressed])).toEqual([
      ['A', true],
      ['B', true],
      ['C', false],
      ['D', false],
    ]);
    const published = cells.filter((c) => !c.suppressed);
    const remainder = total.filed! - published.reduce((s, c) => s + c.filed!, 0);
    expect(remainder).toBe(3 + 14);
    for (const key of ['filed', 'accepted', 'completed', 'materialsSaved', 'visitsSaved'] as const) {
      const rest = total[key]! - published.reduce((s, c) => s + c[key]!, 0);
      expect(TABLE.filter((c) => c[key as keyof CellSums] === rest)).toEqual([]);
    }
    expect(cells.filter((c) => c.suppressed).every((c) => c.filed === null && c.people === null)).toBe(true);
  });

  it('withholds ratings by their own count of raters, with a complement', () => {
    const cells = cellsOf(TABLE, 10, true);
    // B has 2 raters; the next fewest (D, 11) goes with it, though its cases are published.
    expect(cells.map((c) => c.ratings)).toEqual([12, null, 30, null]);
    expect(cells[3]!.filed).toBe(41);
  });

  it('adds complements until the withheld cells together count k people', () => {
    expect([...withheldCells([3, 4, 20, 30], 10, ['a', 'b', 'c', 'd'])].sort()).toEqual([0, 1, 2]);
    expect([...withheldCells([12, 3, 12, 30], 10, ['b', 'a', 'c', 'd'])].sort()).toEqual([0, 1]);
    expect([...withheldCells([11, 12, 30], 10)]).toEqual([]);
    expect([...withheldCells([3], 10)]).toEqual([0]);
  });

  it('shows staff every cell in full', () => {
    expect(cellsOf(TABLE, 10, false).every((c) => !c.suppressed && c.ratings !== null)).toBe(true);
  });
});
