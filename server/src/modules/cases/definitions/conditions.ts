/**
 * Conditions on form data: whether a stage applies (`when`) and whether a case may be decided
 * automatically (秒批 rules). Comparisons are strict: no type coercion, so the string "150" is not
 * greater than 100, and numbers are compared as numbers.
 */
import type { Condition, ProcessDefinition, StageDefinition } from '../../../../../contracts/cases.js';

const MISSING = Symbol('missing');

/**
 * The value at a dotted path, or MISSING. Only own properties of plain objects are followed, so
 * `constructor` or `__proto__` never reach the prototype. `null` counts as missing: a cleared form
 * field is sent as null.
 */
export function valueAt(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return MISSING;
    if (!Object.hasOwn(current, segment)) return MISSING;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined || current === null ? MISSING : current;
}

/**
 * Falsy values: a missing field, false, 0, NaN, the empty string and the empty array (a
 * multi-select with nothing chosen). Everything else is truthy.
 */
function isFalsy(v: unknown): boolean {
  if (v === MISSING || v === false || v === 0 || v === '' || Number.isNaN(v)) return true;
  return Array.isArray(v) && v.length === 0;
}

function holds(c: Condition, data: unknown): boolean {
  const actual = valueAt(data, c.field);
  switch (c.op) {
    case 'truthy':
      return !isFalsy(actual);
    case 'falsy':
      return isFalsy(actual);
    default:
      break;
  }
  if (actual === MISSING) return false;
  const expected = c.value;
  switch (c.op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && (expected as unknown[]).includes(actual);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (typeof actual !== 'number' || typeof expected !== 'number') return false;
      if (c.op === 'gt') return actual > expected;
      if (c.op === 'gte') return actual >= expected;
      if (c.op === 'lt') return actual < expected;
      return actual <= expected;
  }
}

/** Whether every condition holds on the data (an empty list always holds). */
export function evaluate(conditions: readonly Condition[], data: unknown): boolean {
  return conditions.every((c) => holds(c, data));
}

/** The stages that apply to a case with this form data, in order. */
export function applicableStages(def: ProcessDefinition, data: unknown): StageDefinition[] {
  return def.stages.filter((s) => evaluate(s.when, data));
}
