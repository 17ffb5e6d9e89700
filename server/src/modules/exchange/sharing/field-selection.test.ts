import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELD_KEY, pickFields, selectFields } from './field-selection.js';

const key = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/).filter((k) => FIELD_KEY.test(k));
const names = fc.uniqueArray(key, { maxLength: 12 });
const withSpecials = fc.oneof(key, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'));

describe('selectFields', () => {
  it('returns only granted items of the resource, and only what was asked', () => {
    fc.assert(
      fc.property(
        names,
        fc.array(withSpecials, { maxLength: 12 }),
        fc.array(withSpecials, { maxLength: 12 }),
        (resource, granted, requested) => {
          const r = selectFields(resource, granted, requested);
          if (!r.ok) return;
          for (const f of r.fields) {
            expect(resource).toContain(f);
            expect(granted).toContain(f);
            if (requested.length) expect(requested).toContain(f);
          }
          expect(new Set(r.fields).size).toBe(r.fields.length);
        },
      ),
    );
  });

  it('refuses exactly when something asked is unknown or not granted, naming it', () => {
    fc.assert(
      fc.property(
        names,
        fc.array(withSpecials, { maxLength: 12 }),
        fc.array(withSpecials, { minLength: 1, maxLength: 12 }),
        (resource, granted, requested) => {
          const r = selectFields(resource, granted, requested);
          const outside = requested.filter((f) => !resource.includes(f) || !granted.includes(f));
          expect(r.ok).toBe(outside.length === 0);
          if (!r.ok) {
            expect(r.fields.length).toBeGreaterThan(0);
            for (const f of r.fields) expect(outside).toContain(f);
            expect(r.problem).toBe(requested.some((f) => !resource.includes(f)) ? 'unknown' : 'not-granted');
          }
        },
      ),
    );
  });

  it('answers every granted item, in the resource’s order, when nothing is asked', () => {
    fc.assert(
      fc.property(names, fc.array(withSpecials, { maxLength: 12 }), (resource, granted) => {
        const r = selectFields(resource, granted, []);
        expect(r).toEqual({ ok: true, fields: resource.filter((f) => granted.includes(f)) });
      }),
    );
  });
});

describe('pickFields', () => {
  it('never carries a key outside the selection, whatever the record holds', () => {
    fc.assert(
      fc.property(
        fc.dictionary(withSpecials, fc.jsonValue()),
        fc.uniqueArray(withSpecials, { maxLength: 8 }),
        (record, fields) => {
          const out = pickFields(record, fields);
          expect(Object.keys(out).sort()).toEqual([...fields].sort());
          for (const f of fields) expect(out[f]).toEqual(Object.hasOwn(record, f) ? record[f] : null);
        },
      ),
    );
  });

  it('does not read inherited properties', () => {
    expect(pickFields({}, ['toString', 'constructor'])).toEqual({ toString: null, constructor: null });
  });
});
