/**
 * Bit kernels: a condition compiled to one tight loop over a typed column that writes one bit per
 * subject, 32 subjects to a word (bit j of word w: subject s + 32·w + j). No object, closure call
 * or branch per subject: an enumeration or a region is a look-up table, a date or a number
 * compared with a threshold is a range test on the value kept (a whole-years age ≥ 60 is a date of
 * birth ≤ the reference date 60 years back, as an integer yyyymmdd).
 */
import { FACTS, type EnumFact, type FactDef } from './facts.js';
import { NO_DAY, type Columns } from './columns.js';
import { regionalValue, type Comparison, type Leaf, type PolicyVersion } from './language.js';

/** Writes the bits of subjects [s, e) into out[0 .. ⌈(e − s) / 32⌉); bits past e are 0. */
export type BitKernel = (s: number, e: number, out: Uint32Array) => void;

/** The reference date as the kernels use it. */
export interface Ref {
  ymd: number;
  day: number;
}

const INT_MAX = 2 ** 31 - 1;

export function factDef(subject: Columns['subject'], fact: string): FactDef {
  const def = (FACTS[subject] as Record<string, FactDef>)[fact];
  if (!def) throw new Error(`proactive: no fact ${fact} for ${subject}`);
  return def;
}

/** lut[code] of an enumeration's codes. */
function lutKernel(col: Uint8Array, lut: Uint8Array): BitKernel {
  return (s, e, out) => {
    for (let w = 0, i = s; i < e; w++) {
      const end = Math.min(i + 32, e);
      let bits = 0;
      for (let j = 0; i < end; i++, j++) bits |= lut[col[i]!]! << j;
      out[w] = bits;
    }
  };
}

/** lut[region] of the region indexes (a loop of its own: one element type per loop keeps it monomorphic). */
function regionKernel(reg: Uint16Array, lut: Uint8Array): BitKernel {
  return (s, e, out) => {
    for (let w = 0, i = s; i < e; w++) {
      const end = Math.min(i + 32, e);
      let bits = 0;
      for (let j = 0; i < end; i++, j++) bits |= lut[reg[i]!]! << j;
      out[w] = bits;
    }
  };
}

/** lo ≤ v ≤ hi on an integer column, as one unsigned comparison. */
function intRange(col: Int32Array, lo: number, hi: number): BitKernel {
  const span = hi - lo;
  return (s, e, out) => {
    for (let w = 0, i = s; i < e; w++) {
      const end = Math.min(i + 32, e);
      let bits = 0;
      for (let j = 0; i < end; i++, j++) bits |= +((col[i]! - lo) >>> 0 <= span) << j;
      out[w] = bits;
    }
  };
}

/** lo[r] ≤ v ≤ lo[r] + span[r] with r the subject's region (span −1: never). */
function intRangeByRegion(col: Int32Array, reg: Uint16Array, lo: Float64Array, span: Float64Array): BitKernel {
  return (s, e, out) => {
    for (let w = 0, i = s; i < e; w++) {
      const end = Math.min(i + 32, e);
      let bits = 0;
      for (let j = 0; i < end; i++, j++) {
        const r = reg[i]!;
        bits |= +((col[i]! - lo[r]!) >>> 0 <= span[r]!) << j;
      }
      out[w] = bits;
    }
  };
}

/** lo ≤ v ≤ hi on a number column (NaN, no record, never holds). */
function floatRange(col: Float64Array, lo: number, hi: number): BitKernel {
  return (s, e, out) => {
    for (let w = 0, i = s; i < e; w++) {
      const end = Math.min(i + 32, e);
      let bits = 0;
      for (let j = 0; i < end; i++, j++) {
        const v = col[i]!;
        bits |= (+(v >= lo) & +(v <= hi)) << j;
      }
      out[w] = bits;
    }
  };
}

function floatRangeByRegion(col: Float64Array, reg: Uint16Array, lo: Float64Array, hi: Float64Array): BitKernel {
  return (s, e, out) => {
    for (let w = 0, i = s; i < e; w++) {
      const end = Math.min(i + 32, e);
      let bits = 0;
      for (let j = 0; i < end; i++, j++) {
        const v = col[i]!;
        const r = reg[i]!;
        bits |= (+(v >= lo[r]!) & +(v <= hi[r]!)) << j;
      }
      out[w] = bits;
    }
  };
}

const wordsOf = (s: number, e: number) => (e - s + 31) >>> 5;

/** `valid` and not `k`: an operator that holds outside a range, never on a missing value. */
function outside(valid: BitKernel, k: BitKernel, tmp: Uint32Array): BitKernel {
  return (s, e, out) => {
    valid(s, e, out);
    k(s, e, tmp);
    for (let w = 0, n = wordsOf(s, e); w < n; w++) out[w]! &= ~tmp[w]!;
  };
}

/** Both hold (a regional parameter's condition and "the region defines it"). */
function both(a: BitKernel, b: BitKernel, tmp: Uint32Array): BitKernel {
  return (s, e, out) => {
    a(s, e, out);
    b(s, e, tmp);
    for (let w = 0, n = wordsOf(s, e); w < n; w++) out[w]! &= tmp[w]!;
  };
}

/**
 * A comparison `fact op k` as a closed range of the kept value, or its complement (`outside`).
 * Years: floor((ref − b) / 10⁴) ≥ k ⟺ b ≤ ref − ⌈k⌉·10⁴ on the yyyymmdd kept; days since:
 * ref − d ≤ k ⟺ d ≥ ⌈ref − k⌉; numbers: as they are, > and < as the complement of ≤ and ≥.
 * A range never includes the "no record" value (0, NO_DAY, NaN).
 */
interface Bounds {
  lo: number;
  hi: number;
  outside: boolean;
}
const EMPTY = { lo: 1, hi: 0 };

function boundsOf(def: FactDef, op: Comparison, k: number, ref: Ref): Bounds {
  const outside = op === 'ne' || (def.kind === 'number' && (op === 'gt' || op === 'lt'));
  if (Number.isNaN(k)) return { ...EMPTY, outside };
  if (def.kind === 'years') {
    const atLeast = ref.ymd - Math.ceil(k) * 10_000; // born on or before: age ≥ k
    const above = ref.ymd - (Math.floor(k) + 1) * 10_000; // born on or before: age > k
    const r = {
      gte: { lo: 1, hi: atLeast },
      gt: { lo: 1, hi: above },
      lt: { lo: atLeast + 1, hi: INT_MAX },
      lte: { lo: above + 1, hi: INT_MAX },
      eq: Number.isInteger(k) ? { lo: ref.ymd - (k + 1) * 10_000 + 1, hi: ref.ymd - k * 10_000 } : EMPTY,
      ne: Number.isInteger(k) ? { lo: ref.ymd - (k + 1) * 10_000 + 1, hi: ref.ymd - k * 10_000 } : EMPTY,
    }[op];
    return { lo: Math.max(1, r.lo), hi: Math.min(INT_MAX, r.hi), outside };
  }
  if (def.kind === 'daysSince') {
    const d = ref.day - k;
    const r = {
      lte: { lo: Math.ceil(d), hi: INT_MAX },
      lt: { lo: Math.floor(d) + 1, hi: INT_MAX },
      gte: { lo: NO_DAY + 1, hi: Math.floor(d) },
      gt: { lo: NO_DAY + 1, hi: Math.ceil(d) - 1 },
      eq: Number.isInteger(d) ? { lo: d, hi: d } : EMPTY,
      ne: Number.isInteger(d) ? { lo: d, hi: d } : EMPTY,
    }[op];
    return { lo: Math.max(NO_DAY + 1, r.lo), hi: Math.min(INT_MAX, r.hi), outside };
  }
  const r = {
    gte: { lo: k, hi: Infinity },
    lt: { lo: k, hi: Infinity },
    lte: { lo: -Infinity, hi: k },
    gt: { lo: -Infinity, hi: k },
    eq: { lo: k, hi: k },
    ne: { lo: k, hi: k },
  }[op];
  return { ...r, outside };
}

/** Every subject with a value (the complement's universe). */
const VALID: Record<'years' | 'daysSince' | 'number', { lo: number; hi: number }> = {
  years: { lo: 1, hi: INT_MAX },
  daysSince: { lo: NO_DAY + 1, hi: INT_MAX },
  number: { lo: -Infinity, hi: Infinity },
};

/**
 * Compiles one condition on one fact over `cols` on the reference date; `words` is the most a
 * call writes (the chunk's), for the buffers of a composite test.
 */
export function leafKernel(leaf: Leaf, version: PolicyVersion, cols: Columns, ref: Ref, words: number): BitKernel {
  const def = factDef(cols.subject, leaf.fact);
  const col = cols.data[leaf.fact]!;
  const reg = cols.data.region as Uint16Array;
  if (leaf.op === 'within') {
    const lut = Uint8Array.from(cols.regions, (r) => (leaf.regions.some((p) => r.startsWith(p)) ? 1 : 0));
    return regionKernel(reg, lut);
  }
  if ('values' in leaf) {
    const values = (def as EnumFact).values;
    const want = leaf.op === 'in' ? 1 : 0;
    // Code 0 (no record) satisfies neither.
    const lut = Uint8Array.from({ length: values.length + 1 }, (_, code) =>
      code === 0 ? 0 : leaf.values.includes(values[code - 1]!) ? want : 1 - want,
    );
    return lutKernel(col as Uint8Array, lut);
  }
  if (def.kind === 'enum' || def.kind === 'region') throw new Error(`proactive: ${leaf.op} on ${leaf.fact}`);
  const valid = VALID[def.kind];
  const range = (lo: number, hi: number) =>
    def.kind === 'number' ? floatRange(col as Float64Array, lo, hi) : intRange(col as Int32Array, lo, hi);
  if ('value' in leaf) {
    // An empty range (lo > hi) never holds.
    const b = boundsOf(def, leaf.op, leaf.value, ref);
    const k = range(b.lo, b.hi);
    return b.outside ? outside(range(valid.lo, valid.hi), k, new Uint32Array(words)) : k;
  }
  const param = version.params?.[leaf.param];
  if (!param) throw new Error(`proactive: version ${version.version} has no parameter ${leaf.param}`);
  // One range per region of the population's dictionary; a region without a value: empty.
  const size = Math.max(1, cols.regions.length);
  const lo = new Float64Array(size);
  const hi = new Float64Array(size);
  const defined = new Uint8Array(size);
  let outsideOp = false;
  cols.regions.forEach((r, i) => {
    const v = regionalValue(param, r);
    const b = boundsOf(def, leaf.op, v ?? Number.NaN, ref);
    outsideOp = b.outside;
    defined[i] = v === undefined ? 0 : 1;
    lo[i] = b.lo;
    hi[i] = b.lo > b.hi ? b.lo - 1 : b.hi;
  });
  const k =
    def.kind === 'number'
      ? floatRangeByRegion(col as Float64Array, reg, lo, hi)
      : intRangeByRegion(
          col as Int32Array,
          reg,
          lo,
          hi.map((h, i) => h - lo[i]!),
        );
  if (!outsideOp) return k;
  // Outside a range, and only where the region defines the parameter.
  const tmp = () => new Uint32Array(words);
  return both(outside(range(valid.lo, valid.hi), k, tmp()), regionKernel(reg, defined), tmp());
}
