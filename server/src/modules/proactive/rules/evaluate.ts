/**
 * The evaluator: one version of a policy over columns of facts, in chunks of 64k subjects, each
 * condition a tight loop over typed arrays (no object per subject). The same kernels explain one
 * subject's decision: the facts of one subject are columns of length one.
 */
import type { Explanation, ExplainedCondition, Text } from '../../../../../contracts/proactive.js';
import { FACTS, type EnumFact, type FactDef } from './facts.js';
import { columnsOf, dayNumber, NO_DAY, ymd, type Column, type Columns, type FactRow } from './columns.js';
import { isAny, regionalValue, type Comparison, type Leaf, type PolicyVersion } from './language.js';

const CHUNK = 1 << 16;

/** The reference date as the kernels use it. */
interface Ref {
  ymd: number;
  day: number;
}
const refOf = (day: string): Ref => ({ ymd: ymd(day), day: dayNumber(day) });

/** A leaf ready to run: writes 1 or 0 for subjects [s, e) into out[0 .. e-s). */
type Kernel = (s: number, e: number, out: Uint8Array) => void;

function factDef(cols: Columns, fact: string): FactDef {
  const def = (FACTS[cols.subject] as Record<string, FactDef>)[fact];
  if (!def) throw new Error(`proactive: no fact ${fact} for ${cols.subject}`);
  return def;
}

/** Numeric value of a fact for subjects [s, e) into vals (NaN: no record). */
function numbersOf(def: FactDef, col: ArrayLike<number>, ref: Ref, s: number, e: number, vals: Float64Array): void {
  if (def.kind === 'years') {
    for (let i = s; i < e; i++) {
      const b = col[i]!;
      vals[i - s] = b === 0 ? Number.NaN : Math.floor((ref.ymd - b) / 10_000);
    }
  } else if (def.kind === 'daysSince') {
    for (let i = s; i < e; i++) {
      const d = col[i]!;
      vals[i - s] = d === NO_DAY ? Number.NaN : ref.day - d;
    }
  } else {
    for (let i = s; i < e; i++) vals[i - s] = col[i]!;
  }
}

function compare(
  op: Comparison,
  vals: Float64Array,
  thr: Float64Array,
  reg: Uint16Array,
  s: number,
  e: number,
  out: Uint8Array,
) {
  const n = e - s;
  switch (op) {
    case 'gte':
      for (let j = 0; j < n; j++) out[j] = vals[j]! >= thr[reg[s + j]!]! ? 1 : 0;
      break;
    case 'gt':
      for (let j = 0; j < n; j++) out[j] = vals[j]! > thr[reg[s + j]!]! ? 1 : 0;
      break;
    case 'lte':
      for (let j = 0; j < n; j++) out[j] = vals[j]! <= thr[reg[s + j]!]! ? 1 : 0;
      break;
    case 'lt':
      for (let j = 0; j < n; j++) out[j] = vals[j]! < thr[reg[s + j]!]! ? 1 : 0;
      break;
    case 'eq':
      for (let j = 0; j < n; j++) out[j] = vals[j]! === thr[reg[s + j]!]! ? 1 : 0;
      break;
    case 'ne':
      // No record is not "different": it is unknown, and the condition fails.
      for (let j = 0; j < n; j++) {
        const v = vals[j]!;
        out[j] = v === v && v !== thr[reg[s + j]!]! ? 1 : 0;
      }
      break;
  }
}

/** A threshold per region of the dictionary: the constant, or the regional parameter (NaN where undefined). */
function thresholds(leaf: Leaf, version: PolicyVersion, regions: string[]): Float64Array {
  const thr = new Float64Array(Math.max(regions.length, 1));
  if ('value' in leaf) thr.fill(leaf.value);
  else if ('param' in leaf) {
    const param = version.params?.[leaf.param];
    if (!param) throw new Error(`proactive: version ${version.version} has no parameter ${leaf.param}`);
    regions.forEach((r, i) => {
      thr[i] = regionalValue(param, r) ?? Number.NaN;
    });
  }
  return thr;
}

function kernelOf(leaf: Leaf, version: PolicyVersion, cols: Columns, ref: Ref, vals: Float64Array): Kernel {
  const def = factDef(cols, leaf.fact);
  const col = cols.data[leaf.fact]!;
  const reg = cols.data.region as Uint16Array;
  if (leaf.op === 'within') {
    const lut = Uint8Array.from(cols.regions, (r) => (leaf.regions.some((p) => r.startsWith(p)) ? 1 : 0));
    return (s, e, out) => {
      for (let i = s; i < e; i++) out[i - s] = lut[reg[i]!]!;
    };
  }
  if (leaf.op === 'in' || leaf.op === 'notIn') {
    const values = (def as EnumFact).values;
    const want = leaf.op === 'in' ? 1 : 0;
    // Code 0 (no record) never satisfies either.
    const lut = Uint8Array.from({ length: values.length + 1 }, (_, code) =>
      code === 0 ? 0 : leaf.values.includes(values[code - 1]!) ? want : 1 - want,
    );
    return (s, e, out) => {
      for (let i = s; i < e; i++) out[i - s] = lut[col[i]!]!;
    };
  }
  if ('value' in leaf && Number.isFinite(leaf.value)) {
    const fused = constantKernel(def, col, leaf.op, leaf.value, ref);
    if (fused) return fused;
  }
  const thr = thresholds(leaf, version, cols.regions);
  const op = leaf.op;
  return (s, e, out) => {
    numbersOf(def, col, ref, s, e, vals);
    compare(op, vals, thr, reg, s, e, out);
  };
}

/**
 * A comparison with a constant on a date column, in one pass over the integers kept (no numbers
 * worked out per subject): whole years `floor((ref − b) / 10000) op k` is `ref − b` against a bound
 * in yyyymmdd units, days since is `ref − d op k`. No record (0, NO_DAY) fails as before.
 */
function constantKernel(def: FactDef, col: Column, op: Comparison, k: number, ref: Ref): Kernel | undefined {
  if (def.kind === 'years') {
    const b = col as Int32Array;
    const r = ref.ymd;
    // floor(x / 10⁴) ≥ k ⟺ x ≥ ⌈k⌉·10⁴; > k ⟺ x ≥ (⌊k⌋ + 1)·10⁴; = k (whole k) ⟺ k·10⁴ ≤ x < (k + 1)·10⁴.
    const atLeast = Math.ceil(k) * 10_000;
    const above = (Math.floor(k) + 1) * 10_000;
    const whole = Number.isInteger(k);
    switch (op) {
      case 'gte':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = b[i]! !== 0 && r - b[i]! >= atLeast ? 1 : 0;
        };
      case 'gt':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = b[i]! !== 0 && r - b[i]! >= above ? 1 : 0;
        };
      case 'lt':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = b[i]! !== 0 && r - b[i]! < atLeast ? 1 : 0;
        };
      case 'lte':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = b[i]! !== 0 && r - b[i]! < above ? 1 : 0;
        };
      case 'eq':
      case 'ne': {
        const lo = k * 10_000;
        const hi = lo + 10_000;
        const want = op === 'eq' ? 1 : 0;
        return (s, e, out) => {
          for (let i = s; i < e; i++) {
            const x = r - b[i]!;
            out[i - s] = b[i]! === 0 ? 0 : whole && x >= lo && x < hi ? want : 1 - want;
          }
        };
      }
    }
  }
  if (def.kind === 'daysSince') {
    const d = col as Int32Array;
    const r = ref.day;
    // r − d op k ⟺ d op′ r − k: one comparison per subject on the day numbers kept.
    const bound = r - k;
    switch (op) {
      case 'lte':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = d[i]! !== NO_DAY && d[i]! >= bound ? 1 : 0;
        };
      case 'lt':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = d[i]! !== NO_DAY && d[i]! > bound ? 1 : 0;
        };
      case 'gte':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = d[i]! !== NO_DAY && d[i]! <= bound ? 1 : 0;
        };
      case 'gt':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = d[i]! !== NO_DAY && d[i]! < bound ? 1 : 0;
        };
      case 'eq':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = d[i]! !== NO_DAY && d[i]! === bound ? 1 : 0;
        };
      case 'ne':
        return (s, e, out) => {
          for (let i = s; i < e; i++) out[i - s] = d[i]! !== NO_DAY && d[i]! !== bound ? 1 : 0;
        };
    }
  }
  return undefined;
}

/** Kernels of a version's conditions, in order (an `any` ORs its leaves). */
function kernelsOf(version: PolicyVersion, cols: Columns, ref: Ref): Kernel[] {
  const vals = new Float64Array(CHUNK);
  const tmp = new Uint8Array(CHUNK);
  return version.when.map((c): Kernel => {
    if (!isAny(c)) return kernelOf(c, version, cols, ref, vals);
    const parts = c.any.map((l) => kernelOf(l, version, cols, ref, vals));
    return (s, e, out) => {
      out.fill(0, 0, e - s);
      for (const k of parts) {
        k(s, e, tmp);
        for (let j = 0; j < e - s; j++) out[j]! |= tmp[j]!;
      }
    };
  });
}

/** Whether each subject is eligible under `version` on `day`: 1 or 0 per subject. */
export function evaluateColumns(version: PolicyVersion, cols: Columns, day: string): Uint8Array {
  const result = new Uint8Array(cols.n);
  const kernels = kernelsOf(version, cols, refOf(day));
  const out = new Uint8Array(CHUNK);
  for (let s = 0; s < cols.n; s += CHUNK) {
    const e = Math.min(cols.n, s + CHUNK);
    const acc = result.subarray(s, e);
    // The first condition writes the chunk's answer itself; each further one is ANDed in.
    if (kernels.length === 0) acc.fill(1);
    else kernels[0]!(s, e, acc);
    for (let k = 1; k < kernels.length; k++) {
      kernels[k]!(s, e, out);
      for (let j = 0; j < e - s; j++) acc[j]! &= out[j]!;
    }
  }
  return result;
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

function leafValue(leaf: Leaf, cols: Columns, ref: Ref, regionName: (code: string) => Text): Text {
  const def = factDef(cols, leaf.fact);
  const col = cols.data[leaf.fact]!;
  if (def.kind === 'enum' || def.kind === 'region') return valueText(def, col[0]!, regionName, cols.regions);
  const vals = new Float64Array(1);
  numbersOf(def, col, ref, 0, 1, vals);
  return valueText(def, vals[0]!, regionName, cols.regions);
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
  const kernels = kernelsOf(version, cols, ref);
  const out = new Uint8Array(1);
  const conditions: ExplainedCondition[] = version.when.map((c, i) => {
    kernels[i]!(0, 1, out);
    const leaves = isAny(c) ? c.any : [c];
    const values = leaves.map((l) => leafValue(l, cols, ref, regionName));
    const value = {
      zh: [...new Set(values.map((v) => v.zh))].join('；'),
      en: [...new Set(values.map((v) => v.en))].join('; '),
    };
    return { condition: c.label, held: out[0] === 1, value };
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
