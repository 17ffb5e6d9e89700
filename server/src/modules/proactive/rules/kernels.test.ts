/**
 * The bit kernels against the rule read literally, one subject at a time: random populations (with
 * missing records, ages on both sides of a birthday, regions with and without a parameter) and
 * random conditions (every operator, whole and fractional thresholds), judged by
 * `evaluateBitmaps` for many versions at once and by a plain reading of each condition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsOf, dayNumber } from './columns.js';
import { countBits, evaluateBitmaps, evaluateColumns, holds } from './evaluate.js';
import { regionalValue, type Comparison, type Condition, type Leaf, type PolicyVersion } from './language.js';

const ON = '2026-11-02';
const REGIONS = ['520102001001', '520103001001', '522631100001', '530102001001'];
const label = { zh: '条件', en: 'condition' };
const OPS: Comparison[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'];

type Row = {
  birthDate: string | null;
  deathDate: string | null;
  disabilityLevel: number | null;
  insured: string | null;
  regionCode: string;
};

const day = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const anyDate = fc.integer({ min: dayNumber('1920-01-01'), max: dayNumber('2027-12-31') }).map(day);
// Birthdays the day before, on and after the reference date's, and days around the thresholds.
const EDGES = [0, 1, 2, 18, 59, 60, 61, 90, 100];
const birthday = fc
  .tuple(fc.constantFrom(...EDGES), fc.constantFrom(-1, 0, 1), fc.constantFrom('-11-01', '-11-02', '-11-03'))
  .map(([age, off, md]) => `${2026 - age + off}${md}`);
const daysAgo = fc.constantFrom(0, 1, 2, 89, 90, 91, 364, 365, 366).map((n) => day(dayNumber(ON) - n));
const row: fc.Arbitrary<Row> = fc.record({
  birthDate: fc.option(fc.oneof({ weight: 1, arbitrary: anyDate }, { weight: 4, arbitrary: birthday }), { freq: 8 }),
  deathDate: fc.option(fc.oneof(anyDate, daysAgo), { freq: 2 }),
  disabilityLevel: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 3 }),
  insured: fc.option(fc.constantFrom('employee', 'resident', 'none'), { freq: 6 }),
  regionCode: fc.constantFrom(...REGIONS),
});
const threshold = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 4, arbitrary: fc.constantFrom(...EDGES, 365, 59.5, 0.5, 364.25) },
);
const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({
    fact: fc.constantFrom('age', 'daysSinceDeath', 'disabilityLevel'),
    op: fc.constantFrom(...OPS),
    value: threshold,
    label: fc.constant(label),
  }),
  fc.record({
    fact: fc.constantFrom('age', 'disabilityLevel'),
    op: fc.constantFrom(...OPS),
    param: fc.constant('limit'),
    label: fc.constant(label),
  }),
  fc.record({
    fact: fc.constant('insured'),
    op: fc.constantFrom('in' as const, 'notIn' as const),
    values: fc.subarray(['employee', 'resident', 'none']),
    label: fc.constant(label),
  }),
  fc.record({
    fact: fc.constant('region' as const),
    op: fc.constant('within' as const),
    regions: fc.subarray(['52', '5201', '520103', '5226']),
    label: fc.constant(label),
  }),
);
const condition: fc.Arbitrary<Condition> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  {
    weight: 1,
    arbitrary: fc.record({ any: fc.array(leaf, { minLength: 1, maxLength: 3 }), label: fc.constant(label) }),
  },
);
const version: fc.Arbitrary<PolicyVersion> = fc.record({
  version: fc.constant(1),
  effectiveFrom: fc.constant('2000-01-01'),
  legalBasis: fc.constant(''),
  when: fc.array(condition, { maxLength: 4 }),
  // 贵阳 and 黔东南 define the limit, the province sometimes, 云南 never.
  params: fc.record({
    limit: fc.record({ '5201': threshold, '5226': threshold, '52': threshold }, { requiredKeys: ['5201', '5226'] }),
  }),
});

/** The value a fact has for one subject on the reference date, read literally (null: no record). */
function valueOf(fact: string, r: Row): number | null {
  const ref = new Date(`${ON}T00:00:00Z`);
  if (fact === 'age') {
    if (!r.birthDate) return null;
    const b = new Date(`${r.birthDate}T00:00:00Z`);
    let age = ref.getUTCFullYear() - b.getUTCFullYear();
    if (ON.slice(5) < r.birthDate.slice(5)) age--;
    return age;
  }
  if (fact === 'daysSinceDeath') return r.deathDate ? dayNumber(ON) - dayNumber(r.deathDate) : null;
  return r.disabilityLevel;
}

function literally(l: Leaf, v: PolicyVersion, r: Row): boolean {
  if (l.op === 'within') return l.regions.some((p) => r.regionCode.startsWith(p));
  if ('values' in l) return r.insured !== null && l.values.includes(r.insured) === (l.op === 'in');
  const x = valueOf(l.fact, r);
  const k = 'value' in l ? l.value : regionalValue(v.params?.[l.param], r.regionCode);
  if (x === null || k === undefined) return false;
  return { eq: x === k, ne: x !== k, gt: x > k, gte: x >= k, lt: x < k, lte: x <= k }[l.op];
}

const eligible = (v: PolicyVersion, r: Row) =>
  v.when.every((c) => ('any' in c ? c.any.some((l) => literally(l, v, r)) : literally(c, v, r)));

describe('bit kernels', () => {
  it('judge as the rules read, for many versions at once, across word and chunk edges', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 80 }),
        fc.array(version, { minLength: 1, maxLength: 4 }),
        (rows, versions) => {
          const cols = columnsOf('person', rows);
          const bitmaps = evaluateBitmaps(versions, cols, ON);
          versions.forEach((v, k) => {
            const expected = rows.map((r) => eligible(v, r));
            expect(rows.map((_, i) => holds(bitmaps[k]!, i))).toEqual(expected);
            expect(countBits(bitmaps[k]!)).toBe(expected.filter(Boolean).length);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leave no bit set past the last subject, whatever the population size', () => {
    const rows = Array.from({ length: 8_192 * 2 + 33 }, () => ({ regionCode: REGIONS[0] }));
    const everyone: PolicyVersion = { version: 1, effectiveFrom: '2000-01-01', legalBasis: '', when: [] };
    const [bits] = evaluateBitmaps([everyone], columnsOf('person', rows), ON);
    expect(countBits(bits!)).toBe(rows.length);
    expect([...evaluateColumns(everyone, columnsOf('person', rows.slice(0, 3)), ON)]).toEqual([1, 1, 1]);
  });
});
