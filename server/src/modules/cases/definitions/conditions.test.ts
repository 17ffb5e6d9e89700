import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProcessDefinition, type Condition } from '../../../../../contracts/cases.js';
import { applicableStages, evaluate, valueAt } from './conditions.js';
import { fieldPath, number } from './definition.arbitrary.js';

/** Form data with `value` at the dotted `path`. */
function dataWith(path: string, value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const segments = path.split('.');
  let node = root;
  segments.slice(0, -1).forEach((s) => {
    const child: Record<string, unknown> = {};
    Object.defineProperty(node, s, { value: child, enumerable: true, writable: true, configurable: true });
    node = child;
  });
  Object.defineProperty(node, segments.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

const present = fc.oneof(
  fc.string(),
  number,
  fc.constant(Number.NaN),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const scalar = fc.oneof(fc.string(), number, fc.boolean());
const c = (field: string, op: Condition['op'], value?: Condition['value']): Condition =>
  value === undefined ? { field, op } : { field, op, value };

describe('evaluate', () => {
  const data = {
    business: { area: 150, kind: 'restaurant', chain: false, tags: [] as string[] },
    applicant: { name: '张三' },
  };

  it('holds when every condition holds, and for no conditions at all', () => {
    expect(evaluate([], data)).toBe(true);
    expect(evaluate([c('business.area', 'gt', 100), c('business.kind', 'in', ['restaurant', 'canteen'])], data)).toBe(
      true,
    );
    expect(evaluate([c('business.area', 'gt', 100), c('business.kind', 'eq', 'shop')], data)).toBe(false);
  });

  it('compares strictly: no coercion between strings and numbers', () => {
    expect(evaluate([c('a', 'gt', 100)], { a: '150' })).toBe(false);
    expect(evaluate([c('a', 'eq', 150)], { a: '150' })).toBe(false);
    expect(evaluate([c('a', 'in', [1, 2])], { a: '1' })).toBe(false);
    expect(evaluate([c('a', 'eq', true)], { a: 1 })).toBe(false);
  });

  it('compares numbers as numbers, not as text', () => {
    expect(evaluate([c('a', 'gt', 10)], { a: 9 })).toBe(false);
    expect(evaluate([c('a', 'lt', 10)], { a: 9 })).toBe(true);
    expect(evaluate([c('a', 'gte', 9)], { a: 9 })).toBe(true);
    expect(evaluate([c('a', 'lte', 8.5)], { a: 9 })).toBe(false);
  });

  it('treats empty strings, zero, false and empty lists as falsy', () => {
    for (const v of ['', 0, false, [], Number.NaN]) expect(evaluate([c('a', 'falsy')], { a: v })).toBe(true);
    for (const v of ['0', 1, true, ['x'], {}]) expect(evaluate([c('a', 'truthy')], { a: v })).toBe(true);
  });

  it('follows only own properties, so prototype names are missing fields', () => {
    expect(valueAt({}, 'constructor')).not.toBe(Object);
    expect(evaluate([c('constructor', 'truthy')], {})).toBe(false);
    expect(evaluate([c('__proto__', 'truthy')], {})).toBe(false);
    expect(evaluate([c('a.length', 'eq', 0)], { a: [] })).toBe(false);
    expect(evaluate([c('a.length', 'eq', 1)], { a: 'x' })).toBe(false);
  });

  it('answers false for a missing field except for falsy', () => {
    fc.assert(
      fc.property(
        fieldPath,
        fc.constantFrom<Condition['op']>('eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'truthy'),
        scalar,
        fc.constantFrom(undefined, null, {}, 'text', 7),
        (field, op, value, data) => {
          const cond = c(field, op, op === 'in' ? [value as string] : op === 'truthy' ? undefined : value);
          expect(evaluate([cond], data === undefined || data === null ? data : { elsewhere: data })).toBe(false);
          expect(evaluate([c(field, 'falsy')], data)).toBe(true);
        },
      ),
    );
    expect(evaluate([c('a', 'ne', 1)], { a: null })).toBe(false);
  });

  it('makes eq and ne complements on present fields', () => {
    fc.assert(
      fc.property(fieldPath, present, scalar, (field, actual, value) => {
        const data = dataWith(field, actual);
        expect(evaluate([c(field, 'ne', value)], data)).toBe(!evaluate([c(field, 'eq', value)], data));
      }),
    );
  });

  it('makes truthy and falsy complements on any data', () => {
    fc.assert(
      fc.property(fieldPath, fc.option(present, { nil: undefined }), fc.boolean(), (field, actual, place) => {
        const data = place ? dataWith(field, actual) : { other: actual };
        expect(evaluate([c(field, 'falsy')], data)).toBe(!evaluate([c(field, 'truthy')], data));
      }),
    );
  });

  it('makes gt and lte (and lt and gte) complements on present numbers', () => {
    fc.assert(
      fc.property(fieldPath, fc.double({ noNaN: true }), fc.double({ noNaN: true }), (field, actual, value) => {
        const data = dataWith(field, actual);
        expect(evaluate([c(field, 'lte', value)], data)).toBe(!evaluate([c(field, 'gt', value)], data));
        expect(evaluate([c(field, 'gte', value)], data)).toBe(!evaluate([c(field, 'lt', value)], data));
      }),
    );
  });

  it('makes in the same as eq with some listed value', () => {
    fc.assert(
      fc.property(
        fieldPath,
        present,
        fc.array(fc.oneof(fc.string(), number), { maxLength: 4 }),
        (field, actual, list) => {
          const data = dataWith(field, actual);
          expect(evaluate([c(field, 'in', list)], data)).toBe(list.some((v) => evaluate([c(field, 'eq', v)], data)));
        },
      ),
    );
  });

  it('is a conjunction', () => {
    const cond = fc
      .record({
        field: fc.constantFrom('a', 'b.c'),
        op: fc.constantFrom<Condition['op']>('truthy', 'falsy', 'gt'),
        value: fc.constant(1),
      })
      .map((x) => c(x.field, x.op, x.op === 'gt' ? 1 : undefined));
    fc.assert(
      fc.property(
        fc.array(cond, { maxLength: 4 }),
        fc.record({ a: fc.integer({ min: -1, max: 2 }), b: fc.record({ c: fc.integer({ min: -1, max: 2 }) }) }),
        (conds, data) => {
          expect(evaluate(conds, data)).toBe(conds.every((one) => evaluate([one], data)));
        },
      ),
    );
  });
});

describe('applicableStages', () => {
  const task = (key: string) => ({
    key,
    name: '审查',
    departmentId: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
    limitDays: 1,
  });
  const def = ProcessDefinition.parse({
    promisedLimitDays: 10,
    stages: [
      { key: 'review', name: '材料审查', tasks: [task('a')] },
      { key: 'site', name: '现场核查', tasks: [task('b')], when: [{ field: 'business.area', op: 'gt', value: 100 }] },
      {
        key: 'fire',
        name: '消防审查',
        tasks: [task('c')],
        when: [{ field: 'business.kind', op: 'in', value: ['restaurant'] }],
      },
      { key: 'decide', name: '审批决定', tasks: [task('d')] },
    ],
  });

  it('keeps unconditional stages and those whose conditions hold, in order', () => {
    expect(applicableStages(def, { business: { area: 150, kind: 'shop' } }).map((s) => s.key)).toEqual([
      'review',
      'site',
      'decide',
    ]);
    expect(applicableStages(def, { business: { area: 50, kind: 'restaurant' } }).map((s) => s.key)).toEqual([
      'review',
      'fire',
      'decide',
    ]);
    expect(applicableStages(def, {}).map((s) => s.key)).toEqual(['review', 'decide']);
  });
});
