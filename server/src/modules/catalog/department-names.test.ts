import { describe, expect, it } from 'vitest';
import { departmentNameEn } from './department-names.js';
import { DEPARTMENTS, REGION_NAMES } from './seed/departments.js';

const named = (key: string) => {
  const d = DEPARTMENTS.find((x) => x.key === key);
  if (!d) throw new Error(key);
  return departmentNameEn({ ...d, region: { code: d.regionCode, name: REGION_NAMES[d.regionCode]! } });
};

describe('English names of departments', () => {
  it('names a department by its place and its kind, a province’s 厅 as a Department', () => {
    expect(named('gz-market')).toBe('Guizhou Provincial Administration for Market Regulation');
    expect(named('gz-police')).toBe('Guizhou Provincial Department of Public Security');
    expect(named('gy-civil')).toBe('Guiyang Municipal Civil Affairs Bureau');
    expect(named('nm-market')).toBe('Nanming District Administration for Market Regulation');
    expect(named('522732-civil')).toBe('Sandu Shui Autonomous County Civil Affairs Bureau');
  });

  it('gives every department of the demo province an English name without Chinese', () => {
    expect(DEPARTMENTS.length).toBeGreaterThan(1_000);
    for (const d of DEPARTMENTS) {
      const en = departmentNameEn({ ...d, region: { code: d.regionCode, name: REGION_NAMES[d.regionCode]! } });
      expect(en, d.name).toMatch(/^[A-Z][A-Za-z',\- ]+$/);
      expect(en, d.name).not.toMatch(/undefined/);
    }
  });

  it('falls back to pinyin for a kind it does not know', () => {
    expect(
      departmentNameEn({ name: '南明区气象局', category: 'weather', region: { code: '520102', name: '南明区' } }),
    ).toBe('Nanming District Qixiangju');
  });
});
