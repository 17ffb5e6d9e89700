import { describe, expect, it } from 'vitest';
import { ITEM_SEEDS } from '../../seed/items/index.js';
import { THEMES } from '../../seed/themes.js';
import { DEPARTMENTS } from '../../seed/departments.js';
import { implementations } from '../../catalog.seed.js';
import { validateApplicationForm } from '../application-form.js';
import { FORMS_BY_ITEM_NAME } from './index.js';
import { mostAppliedItems } from './most-applied.js';
import { sampleValues } from '../sample-values.js';

const guides = implementations(ITEM_SEEDS, DEPARTMENTS).map((i) => i.guide);
const formOf = (basicCode: string) => guides.find((g) => g.basicCode === basicCode)!.form;

describe('the application forms of the demo catalogue', () => {
  it('names only items that exist', () => {
    const names = new Set(ITEM_SEEDS.map((s) => s.guide.name));
    expect(Object.keys(FORMS_BY_ITEM_NAME).filter((n) => !names.has(n))).toEqual([]);
  });

  it('gives every item of every theme and the 50 most-applied items a form: at least 80 items', () => {
    const themed = new Set(THEMES.flatMap((t) => t.steps.map((s) => s.basicCode)));
    const frequent = mostAppliedItems(ITEM_SEEDS, 50).map((s) => s.basicCode);
    expect(frequent).toHaveLength(50);
    const wanted = new Set([...themed, ...frequent]);
    const without = [...wanted].filter((c) => formOf(c).length === 0);
    expect(without.map((c) => ITEM_SEEDS.find((s) => s.basicCode === c)!.guide.name)).toEqual([]);
    expect(wanted.size).toBeGreaterThanOrEqual(80);
  });

  it('marks names, identifiers, phones and addresses personal, and helps with every identifier', () => {
    for (const g of guides)
      for (const f of g.form) {
        if (/姓名$/.test(f.label)) expect(f.personal, `${g.name} ${f.label}`).toBe('name');
        // A person's addresses (a business's premises are public in its licence).
        if (['address', 'householdAddress', 'fromAddress'].includes(f.key))
          expect(f.personal, `${g.name} ${f.label}`).toBe('address');
        if (f.type === 'idNumber' || f.type === 'creditCode') expect(f.help, `${g.name} ${f.label}`).toBeTruthy();
      }
  });

  it('fills every form with a sample that its own schema accepts', () => {
    for (const g of guides.filter((x) => x.form.length))
      expect(validateApplicationForm(g.form, sampleValues(g.form)), g.name).toEqual([]);
  });

  it('uses one key and one kind for a field across the forms, so that a theme asks once', () => {
    const kinds = new Map<string, Set<string>>();
    for (const g of guides) for (const f of g.form) kinds.set(f.key, (kinds.get(f.key) ?? new Set()).add(f.type));
    expect([...kinds].filter(([, k]) => k.size > 1).map(([key, k]) => `${key}: ${[...k].join('/')}`)).toEqual([]);
  });
});
