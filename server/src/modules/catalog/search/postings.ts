/**
 * Posting lists and the arrays the search index is built with: each list an `Int32Array` of
 * `slot << 2 | weightRank` in slot order, looked up by binary search, and changed by one merge pass.
 */

/**
 * The positions in `list` (in slot order) of the changed slots it holds, into `out`: by binary
 * search for each when they are few, else by one pass.
 */
export function heldIn(list: Int32Array, slots: readonly number[], dirty: Uint8Array, out: number[]): void {
  out.length = 0;
  if (slots.length * Math.log2(list.length + 1) < list.length) {
    for (const slot of slots) {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const d = list[mid]! >> 2;
        if (d === slot) {
          out.push(mid);
          break;
        }
        if (d < slot) lo = mid + 1;
        else hi = mid - 1;
      }
    }
  } else for (let k = 0; k < list.length; k++) if (dirty[list[k]! >> 2] === 1) out.push(k);
}

/**
 * A posting list without the slots marked in `dropped` and with `more` (in any order) merged in,
 * in slot order: one pass over the list, however long.
 */
export function rewritten(list: Int32Array, dropped: Uint8Array | undefined, more: number[] | undefined): Int32Array {
  const add = more ? more.sort((a, b) => a - b) : [];
  const out = new Int32Array(list.length + add.length);
  let n = 0;
  let m = 0;
  for (let k = 0; k < list.length; k++) {
    const p = list[k]!;
    while (m < add.length && add[m]! < p) out[n++] = add[m++]!;
    if (dropped?.[p >> 2] !== 1) out[n++] = p;
  }
  while (m < add.length) out[n++] = add[m++]!;
  return n === out.length ? out : out.slice(0, n);
}

/** Per-lexeme arrays of the build, grown as lexemes are numbered. */
export class Scratch {
  seenBy = new Int32Array(1024);
  rankOf = new Int8Array(1024);
  df = new Int32Array(1024);
  grow(size: number): void {
    if (size <= this.seenBy.length) return;
    const capacity = this.seenBy.length * 2;
    const bigger = <T extends Int32Array | Int8Array>(from: T, to: T): T => (to.set(from), to);
    this.seenBy = bigger(this.seenBy, new Int32Array(capacity));
    this.rankOf = bigger(this.rankOf, new Int8Array(capacity));
    this.df = bigger(this.df, new Int32Array(capacity));
  }
}

/** A growable list of 32-bit integers (millions of them: a plain array would box or copy more). */
export class IntList {
  private data = new Int32Array(1 << 16);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  at(i: number): number {
    return this.data[i]!;
  }
  set(i: number, x: number): void {
    this.data[i] = x;
  }
}

/** The weight rank of `doc` in doc-ordered postings, or -1. */
export function find(list: Int32Array, doc: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = list[mid]! >> 2;
    if (d === doc) return list[mid]! & 3;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
