import { describe, expect, it } from 'vitest';
import type { Item, Material } from '../../../../../contracts/catalog.js';
import { materialsMissing, requireCounterMaterialsComplete, unmetMaterials } from './completeness.js';

const material = (name: string, necessity: Material['necessity'], source: Material['source'] = 'applicant') =>
  ({ name, necessity, source }) as Material;
const item = (materials: Material[], form: unknown[] = []) => ({ materials, form }) as unknown as Item;
const guide = item(
  [
    material('申请书', 'required', 'online_form'),
    material('营业执照', 'required'),
    material('检测报告', 'deferrable'),
    material('委托书', 'optional'),
  ],
  [{ key: 'name' }],
);

describe('材料齐全', () => {
  it('counts the online form, never optional materials, and a promise only before the decision', () => {
    expect(unmetMaterials(guide, [], 'accept').map((u) => u.name)).toEqual(['营业执照', '检测报告']);
    const promised = [
      { materialIndex: 1, kind: 'upload' as const, dueOn: null },
      { materialIndex: 2, kind: 'promise' as const, dueOn: '2026-12-10' },
    ];
    expect(unmetMaterials(guide, promised, 'accept')).toEqual([]);
    expect(unmetMaterials(guide, promised, 'decide')).toEqual([
      { index: 2, name: '检测报告', reason: 'promised', dueOn: '2026-12-10' },
    ]);
  });

  it('asks for the 在线填报 material itself when the item has no online form', () => {
    expect(
      unmetMaterials(item([material('申请书', 'required', 'online_form')]), [], 'accept').map((u) => u.name),
    ).toEqual(['申请书']);
  });

  it('names every material in the 409, in both languages', () => {
    const e = materialsMissing(unmetMaterials(guide, [], 'accept'), 'accept');
    expect(e.code).toBe('CASES.MATERIALS_MISSING');
    expect(e.bilingual.zh).toContain('「营业执照」');
    expect(e.bilingual.en).toContain('"检测报告"');
    expect(e.errors.map((x) => x.field)).toEqual(['materials.1', 'materials.2']);
  });

  it('refuses a walk-in accepted at once without the originals, and unknown materials always', () => {
    expect(() => requireCounterMaterialsComplete(guide, [1], true)).toThrow(/Missing: "检测报告"/);
    expect(() => requireCounterMaterialsComplete(guide, [1, 2], true)).not.toThrow();
    expect(() => requireCounterMaterialsComplete(guide, [], false)).not.toThrow();
    expect(() => requireCounterMaterialsComplete(guide, [9], false)).toThrow(/no such material/);
  });
});
