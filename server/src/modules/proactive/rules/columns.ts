/**
 * Facts as columns (typed arrays, one per fact, one slot per subject): what the evaluator reads.
 * A date is kept as yyyymmdd (for whole years) or as a day number (for days since); enumerations as
 * their 1-based code (0: no record); numbers as float64 (NaN: no record); the region as an index
 * into `regions`, the population's own dictionary of region codes.
 */
import { FACTS, enumCode, type FactDef, type SubjectKind } from './facts.js';

export type Column = Int32Array | Float64Array | Uint8Array | Uint16Array;
/** No date recorded (a day number column). */
export const NO_DAY = -2147483648;

export interface Columns {
  subject: SubjectKind;
  n: number;
  /** Region codes; the `region` column holds indexes into it. */
  regions: string[];
  data: Record<string, Column>;
}

/** Raw registry values of one subject, by the names the loader and the examples use. */
export type FactRow = object;

/** Which row value feeds each fact. */
const SOURCE: Record<string, string> = {
  age: 'birthDate',
  daysSinceDeath: 'deathDate',
  daysSinceChildBirth: 'childBirthDate',
  daysSinceEstablished: 'establishedOn',
  region: 'regionCode',
};
export const sourceOf = (fact: string): string => SOURCE[fact] ?? fact;

export const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
export const ymd = (iso: string): number => Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));

function columnFor(def: FactDef, n: number): Column {
  switch (def.kind) {
    case 'enum':
      return new Uint8Array(n);
    case 'region':
      return new Uint16Array(n);
    case 'number':
      return new Float64Array(n);
    default:
      return new Int32Array(n);
  }
}

/** Empty columns for `n` subjects (a benchmark fills them directly). */
export function allocateColumns(subject: SubjectKind, n: number, regions: string[] = []): Columns {
  const data: Record<string, Column> = {};
  for (const [fact, def] of Object.entries(FACTS[subject]) as [string, FactDef][]) data[fact] = columnFor(def, n);
  return { subject, n, regions, data };
}

/** Columns from rows (the registry loader, the examples, one subject's explanation). */
export function columnsOf(subject: SubjectKind, rows: readonly FactRow[]): Columns {
  const cols = allocateColumns(subject, rows.length);
  const regionIndex = new Map<string, number>();
  for (const [fact, def] of Object.entries(FACTS[subject]) as [string, FactDef][]) {
    const col = cols.data[fact]!;
    const key = sourceOf(fact);
    rows.forEach((row, i) => {
      const raw = (row as Record<string, unknown>)[key];
      switch (def.kind) {
        case 'enum':
          col[i] = enumCode(def, typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : raw == null ? null : String(raw));
          break;
        case 'region': {
          const code = String(raw ?? '');
          let idx = regionIndex.get(code);
          if (idx === undefined) {
            idx = cols.regions.push(code) - 1;
            regionIndex.set(code, idx);
          }
          col[i] = idx;
          break;
        }
        case 'number':
          col[i] = raw == null || raw === '' ? Number.NaN : Number(raw);
          break;
        case 'years':
          col[i] = typeof raw === 'string' ? ymd(raw) : 0;
          break;
        case 'daysSince':
          col[i] = typeof raw === 'string' ? dayNumber(raw) : NO_DAY;
          break;
      }
    });
  }
  return cols;
}
