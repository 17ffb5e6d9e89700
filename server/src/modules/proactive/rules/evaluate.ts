/**
 * The evaluator: the versions of policies in force over columns of facts, in chunks of 8k subjects,
 * one bit per subject and condition (`kernels.ts`). A condition several policies share (本人在世,
 * 户籍在贵州省) is judged once per chunk for all of them; a policy is the AND of its conditions'
 * words. The same kernels explain one subject's decision: its facts are columns of length one.
 */
import type { Explanation, ExplainedCondition, Text } from '../../../../../contracts/proactive.js';
import type { FactDef } from './facts.js';
import { columnsOf, dayNumber, NO_DAY, ymd, type Columns, type FactRow } from './columns.js';
import { factDef, leafKernel, type BitKernel, type Ref } from './kernels.js';
import { isAny, regionalValue, type Leaf, type PolicyVersion } from './language.js';

const CHUNK = 1 << 13;
const CHUNK_WORDS = CHUNK >>> 5;

const refOf = (day: string): Ref => ({ ymd: ymd(day), day: dayNumber(day) });

/** A leaf's identity for sharing: the same fact, operator and thresholds per region judge the same. */
function leafKey(leaf: Leaf, version: PolicyVersion, regions: readonly string[]): string {
  const { label: _, ...rule } = leaf;
  if (!('param' in leaf)) return JSON.stringify(rule);
  const param = version.params?.[leaf.param];
  return JSON.stringify({ ...rule, param: regions.map((r) => regionalValue(param, r) ?? null) });
}

/** Distinct leaves, and each version's conditions as lists of leaf indexes (a list ORs). */
interface Plan {
  leaves: BitKernel[];
  versions: number[][][];
}

function planOf(versions: readonly PolicyVersion[], cols: Columns, ref: Ref, words: number): Plan {
  const index = new Map<string, number>();
  const leaves: BitKernel[] = [];
  const leafOf = (leaf: Leaf, version: PolicyVersion) => {
    const key = leafKey(leaf, version, cols.regions);
    let k = index.get(key);
    if (k === undefined) {
      k = leaves.push(leafKernel(leaf, version, cols, ref, words)) - 1;
      index.set(key, k);
    }
    return k;
  };
  return {
    leaves,
    versions: versions.map((v) => v.when.map((c) => (isAny(c) ? c.any : [c]).map((l) => leafOf(l, v)))),
  };
}

/** The bits of `count` subjects set (no condition: everyone). */
function everyone(acc: Uint32Array, count: number): void {
  acc.fill(~0 >>> 0, 0, count >>> 5);
  if (count & 31) acc[count >>> 5] = (1 << (count & 31)) - 1;
}

/** The words of several leaves ORed (one condition holding when any of its leaves holds). */
function or(leaves: readonly number[], bits: readonly Uint32Array[], out: Uint32Array, n: number): Uint32Array {
  out.set(bits[leaves[0]!]!.subarray(0, n));
  for (let l = 1; l < leaves.length; l++) {
    const b = bits[leaves[l]!]!;
    for (let w = 0; w < n; w++) out[w]! |= b[w]!;
  }
  return out;
}

/**
 * Whether each subject is eligible under each version on `day`: one bitmap per version, bit i
 * (word i >>> 5, bit i & 31) for subject i. All versions must be of the columns' subject kind.
 */
export function evaluateBitmaps(versions: readonly PolicyVersion[], cols: Columns, day: string): Uint32Array[] {
  const plan = planOf(versions, cols, refOf(day), CHUNK_WORDS);
  const total = (cols.n + 31) >>> 5;
  const results = versions.map(() => new Uint32Array(total));
  const bits = plan.leaves.map(() => new Uint32Array(CHUNK_WORDS));
  const either = new Uint32Array(CHUNK_WORDS);
  for (let s = 0; s < cols.n; s += CHUNK) {
    const e = Math.min(cols.n, s + CHUNK);
    const w0 = s >>> 5;
    const n = (e - s + 31) >>> 5;
    for (let k = 0; k < plan.leaves.length; k++) plan.leaves[k]!(s, e, bits[k]!);
    plan.versions.forEach((conditions, v) => {
      const acc = results[v]!.subarray(w0, w0 + n);
      if (conditions.length === 0) everyone(acc, e - s);
      conditions.forEach((leaves, c) => {
        const b = leaves.length === 1 ? bits[leaves[0]!]! : or(leaves, bits, either, n);
        if (c === 0) acc.set(b.subarray(0, n));
        else for (let w = 0; w < n; w++) acc[w]! &= b[w]!;
      });
    });
  }
  return results;
}

/** Whether subject i's bit is set. */
export const holds = (bits: Uint32Array, i: number): boolean => ((bits[i >>> 5]! >>> (i & 31)) & 1) === 1;

/** How many bits are set (the eligible). */
export function countBits(bits: Uint32Array): number {
  let count = 0;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w]!;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    count += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0;
  }
  return count;
}

/** Whether each subject is eligible under `version` on `day`: 1 or 0 per subject. */
export function evaluateColumns(version: PolicyVersion, cols: Columns, day: string): Uint8Array {
  const bits = evaluateBitmaps([version], cols, day)[0]!;
  return Uint8Array.from({ length: cols.n }, (_, i) => (holds(bits, i) ? 1 : 0));
}

/** The amount a version pays in a region, if any. */
export function amountIn(version: PolicyVersion, regionCode: string): number | null {
  if (version.amount === undefined) return null;
  if (typeof version.amount === 'number') return version.amount;
  return regionalValue(version.params?.[version.amount], regionCode) ?? null;
}

const NO_RECORD: Text = { zh: '无记录', en: 'no record' };

/** A fact's value of one subject in words. */
function valueText(def: FactDef, v: number, regionName: (code: string) => Text, regions: string[]): Text {
  if (def.kind === 'enum') return v === 0 ? NO_RECORD : def.names[def.values[v - 1]!]!;
  if (def.kind === 'region') return regionName(regions[v]!);
  if (Number.isNaN(v)) return NO_RECORD;
  if (def.kind === 'years') return { zh: `${v}岁`, en: `${v} years` };
  if (def.kind === 'daysSince') return { zh: `${v}天`, en: `${v} days` };
  return { zh: `${v}${def.unit.zh}`, en: `${v}${def.unit.en}` };
}

/** The value a condition read of the one subject in `cols` (an age in whole years on the reference date). */
function leafValue(leaf: Leaf, cols: Columns, ref: Ref, regionName: (code: string) => Text): Text {
  const def = factDef(cols.subject, leaf.fact);
  const v = cols.data[leaf.fact]![0]!;
  if (def.kind === 'years')
    return valueText(def, v === 0 ? Number.NaN : Math.floor((ref.ymd - v) / 10_000), regionName, []);
  if (def.kind === 'daysSince') return valueText(def, v === NO_DAY ? Number.NaN : ref.day - v, regionName, []);
  return valueText(def, v, regionName, cols.regions);
}

/**
 * One subject's decision under `version` on `day`, every condition with whether it held and the
 * value used — computed by the same kernels as the population run.
 */
export function explain(
  version: PolicyVersion,
  subject: Columns['subject'],
  row: FactRow,
  day: string,
  regionName: (code: string) => Text,
): Explanation {
  const cols = columnsOf(subject, [row]);
  const ref = refOf(day);
  const plan = planOf([version], cols, ref, 1);
  const out = new Uint32Array(1);
  const conditions: ExplainedCondition[] = version.when.map((c, i) => {
    const held = plan.versions[0]![i]!.some((k) => {
      plan.leaves[k]!(0, 1, out);
      return out[0] === 1;
    });
    const leaves = isAny(c) ? c.any : [c];
    const values = leaves.map((l) => leafValue(l, cols, ref, regionName));
    const value = {
      zh: [...new Set(values.map((v) => v.zh))].join('；'),
      en: [...new Set(values.map((v) => v.en))].join('; '),
    };
    return { condition: c.label, held, value };
  });
  const eligible = conditions.every((c) => c.held);
  return {
    eligible,
    policyVersion: version.version,
    referenceDate: day,
    conditions,
    amount: eligible ? amountIn(version, String((row as { regionCode?: string }).regionCode ?? '')) : null,
    legalBasis: version.legalBasis,
  };
}
