import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import regions from './seed/regions-52.json' with { type: 'json' };
import { regionNameEn, regionShortName, regionShortNameEn, romanise } from './region-names.js';

const named = (code: string) => {
  const row = (regions as [string, string, string | null][]).find(([c]) => c === code);
  if (!row) throw new Error(code);
  return regionNameEn(code, row[1]);
};

describe('English names of regions', () => {
  it('names the province, its prefectures and counties as English texts and maps do', () => {
    expect(named('52')).toBe('Guizhou Province');
    expect(named('5201')).toBe('Guiyang');
    expect(named('520102')).toBe('Nanming District');
    expect(named('520181')).toBe('Qingzhen City');
    expect(named('520203')).toBe('Liuzhi Special District');
    expect(named('5226')).toBe('Qiandongnan Miao and Dong Autonomous Prefecture');
    expect(named('5223')).toBe('Qianxinan Bouyei and Miao Autonomous Prefecture');
    expect(named('522732')).toBe('Sandu Shui Autonomous County');
    expect(named('520526')).toBe('Weining Yi, Hui and Miao Autonomous County');
    expect(named('520325')).toBe('Daozhen Gelao and Miao Autonomous County');
    expect(named('522701')).toBe('Duyun City');
    expect(named('522729')).toBe('Changshun County');
    expect(named('520524')).toBe('Zhijin County');
  });

  it("writes the syllable-dividing apostrophe (瓮安 Weng'an, 普安 Pu'an, 正安 Zheng'an)", () => {
    expect(named('522725')).toBe("Weng'an County");
    expect(named('522323')).toBe("Pu'an County");
    expect(named('520324')).toBe("Zheng'an County");
    expect(romanise('西安')).toBe("Xi'an");
  });

  it('gives every region of the province down to the county a Latin name with its kind of division', () => {
    for (const [code, name] of regions as [string, string, string | null][]) {
      if (code.length > 6) continue;
      const en = regionNameEn(code, name);
      expect(en, name).toMatch(/^[A-Z][a-z']+( [A-Z][a-z]+,?| and)*$/);
    }
  });

  it('shortens a name to what fits on a tile', () => {
    expect([regionShortName('黔东南苗族侗族自治州'), regionShortNameEn('黔东南苗族侗族自治州')]).toEqual([
      '黔东南',
      'Qiandongnan',
    ]);
    expect([regionShortName('南明区'), regionShortNameEn('南明区')]).toEqual(['南明', 'Nanming']);
    expect(regionShortName('沙县')).toBe('沙县');
  });

  it('never leaves a Chinese character in a name made of GB 2312 characters (those of 行政区划 names)', () => {
    // GB 2312's hanzi: rows 0xB0–0xF7, cells 0xA1–0xFE (0xD7FA–0xD7FE are empty).
    const gb2312 = fc
      .tuple(fc.integer({ min: 0xb0, max: 0xf7 }), fc.integer({ min: 0xa1, max: 0xfe }))
      .filter(([row, cell]) => !(row === 0xd7 && cell > 0xf9))
      .map(([row, cell]) => new TextDecoder('gbk').decode(Uint8Array.of(row, cell)));
    const hanzi = fc.array(gb2312, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
    const suffix = fc.constantFrom('', '市', '县', '区', '苗族自治县', '镇', '乡', '村', '街道', '社区');
    fc.assert(
      fc.property(hanzi, suffix, fc.constantFrom('52', '5201', '520102', '520102001'), (stem, end, code) => {
        expect(regionNameEn(code, stem + end)).not.toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });
});
