/**
 * fast-check generators of process definitions for property tests: structurally valid (unique
 * keys, conditions that fit their operators), with awkward names and values that stress escaping.
 */
import fc from 'fast-check';
import { ProcessDefinition, type Condition } from '../../../../../contracts/cases.js';

const KEY = /^[a-z][a-z0-9_-]{0,39}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const fieldPath = fc.stringMatching(FIELD).filter((s) => s.length <= 60);

const awkward = fc.string({
  unit: fc.constantFrom(...'审查决定现场核查消防 ab<>&"\'\n\t\r${}&&“”\u0001'.split('')),
  maxLength: 30,
});
export const name = fc
  .oneof(awkward, fc.string({ unit: 'grapheme', maxLength: 30 }))
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && s.length <= 100);

export const number = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const text = fc.oneof(fc.string({ maxLength: 12 }), awkward);
const scalar = fc.oneof(text, number, fc.boolean());

/** A condition whose value fits its operator. */
export const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ field: fieldPath, op: fc.constantFrom('eq' as const, 'ne' as const), value: scalar }),
  fc.record({
    field: fieldPath,
    op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
    value: number,
  }),
  fc.record({
    field: fieldPath,
    op: fc.constant('in' as const),
    value: fc.array(fc.oneof(text, number), { maxLength: 4 }),
  }),
  fc.record({ field: fieldPath, op: fc.constantFrom('truthy' as const, 'falsy' as const) }),
);

const uniqueKey = (key: string, i: number) => `${key.slice(0, 30)}-${i}`;

const task = fc.record({
  key: fc.stringMatching(KEY),
  name,
  departmentId: fc.uuid({ version: 4 }),
  role: fc.constantFrom('approver' as const, 'department_head' as const, 'window_clerk' as const),
  limitDays: fc.integer({ min: 0, max: 365 }),
});

const stage = fc.record({
  key: fc.stringMatching(KEY),
  name,
  tasks: fc.array(task, { minLength: 1, maxLength: 5 }),
  when: fc.oneof(fc.constant([]), fc.array(condition, { minLength: 1, maxLength: 3 })),
});

/** A definition the contract accepts, with stage keys and task keys unique. */
export const processDefinition: fc.Arbitrary<ProcessDefinition> = fc
  .record(
    {
      stages: fc.array(stage, { minLength: 1, maxLength: 6 }),
      promisedLimitDays: fc.integer({ min: 0, max: 365 }),
      autoApproval: fc.record({ rules: fc.array(condition, { minLength: 1, maxLength: 3 }) }),
    },
    { requiredKeys: ['stages', 'promisedLimitDays'] },
  )
  .map((raw) => {
    let n = 0;
    return ProcessDefinition.parse({
      ...raw,
      stages: raw.stages.map((s, i) => ({
        ...s,
        key: uniqueKey(s.key, i),
        tasks: s.tasks.map((t) => ({ ...t, key: uniqueKey(t.key, n++) })),
      })),
    });
  });
