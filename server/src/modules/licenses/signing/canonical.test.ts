import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson, type CanonicalValue } from './canonical.js';

const leaf = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.letrec<{ v: CanonicalValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).map((k) => k.normalize('NFC')),
      tie('v'),
      { maxKeys: 5 },
    ),
  ),
})).v;

/** The same object with its keys in another order, at every level. */
function shuffled(v: CanonicalValue, seed: number): CanonicalValue {
  if (Array.isArray(v)) return v.map((x) => shuffled(x, seed));
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const entries = Object.entries(v);
    const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
    return Object.fromEntries((seed % 2 ? rotated.reverse() : rotated).map(([k, x]) => [k, shuffled(x, seed + 1)]));
  }
  return v;
}

/** Every string in decomposed form (NFD). */
function decomposed(v: CanonicalValue): CanonicalValue {
  if (typeof v === 'string') return v.normalize('NFD');
  if (Array.isArray(v)) return v.map(decomposed);
  if (v && typeof v === 'object' && !(v instanceof Date))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.normalize('NFD'), decomposed(x)]));
  return v;
}

describe('canonical form of a licence', () => {
  it('does not depend on key order or on the Unicode normalisation of strings and keys', () => {
    fc.assert(
      fc.property(value, fc.nat(20), (v, seed) => {
        const bytes = canonicalBytes(v);
        expect(canonicalBytes(shuffled(v, seed))).toEqual(bytes);
        expect(canonicalBytes(decomposed(v))).toEqual(bytes);
      }),
    );
  });

  it('changes when any field of a licence changes', () => {
    const licence = fc.record({
      number: fc.string({ minLength: 1 }),
      holder: fc.record({ id: fc.stringMatching(/^\d{17}[\dX]$/), name: fc.string({ minLength: 1, maxLength: 6 }) }),
      validUntil: fc.option(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
      data: fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.oneof(fc.string(), fc.integer())),
    });
    fc.assert(
      fc.property(
        licence,
        fc.string({ minLength: 1, maxLength: 3 }),
        fc.constantFrom('number', 'holder.name', 'holder.id', 'validUntil', 'data'),
        (l, extra, field) => {
          const changed = structuredClone(l) as typeof l;
          if (field === 'number') changed.number += extra;
          if (field === 'holder.name') changed.holder.name += extra;
          if (field === 'holder.id')
            changed.holder.id = changed.holder.id.slice(0, 17) + (changed.holder.id.endsWith('X') ? '0' : 'X');
          if (field === 'validUntil') changed.validUntil = l.validUntil === null ? '2099-12-31' : null;
          if (field === 'data') changed.data = { ...l.data, zzzzzzzzz: extra };
          expect(canonicalJson(changed)).not.toBe(canonicalJson(l));
        },
      ),
    );
  });

  it('sorts keys by code unit and escapes as JSON', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é'], 中: '文' })).toBe('{"a":[true,null,"é"],"b":1,"中":"文"}');
  });
});
