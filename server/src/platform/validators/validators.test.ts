import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  isValidRegionCode,
  makeCreditCode,
  makeIdNumber,
  maskIdNumber,
  normaliseRegionCode,
  orgCodeCheckChar,
  parentRegionCode,
  parseCreditCode,
  parseIdNumber,
  RegionCodeParam,
  regionLevel,
  regionWithin,
  toStandardCode,
  WellFormedRegionCode,
} from './index.js';

const TODAY = new Date('2025-06-01T00:00:00Z');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A 6-digit address code the parser accepts: province 11–82, rest not 0000. */
const regionArb = fc
  .tuple(fc.integer({ min: 11, max: 82 }), fc.integer({ min: 1, max: 9999 }))
  .map(([p, rest]) => `${p}${pad(rest, 4)}`);
const birthDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-06-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sequenceArb = fc.integer({ min: 0, max: 999 });
const idArb = fc
  .tuple(regionArb, birthDateArb, sequenceArb)
  .map(([r, b, s]) => ({ r, b, s, id: makeIdNumber(r, b, s) }));

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const creditArb = fc
  .tuple(
    alphabetChar,
    alphabetChar,
    fc.integer({ min: 0, max: 999_999 }),
    fc.array(alphabetChar, { minLength: 8, maxLength: 8 }),
  )
  .map(([a, t, region, org]) => makeCreditCode(a, t, pad(region, 6), org.join('')));

const replaceAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

describe('公民身份号码', () => {
  it('accepts the standard example 11010519491231002X', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('accepts a lower-case x and surrounding spaces, normalising them', () => {
    const r = parseIdNumber(' 11010519491231002x ', TODAY);
    expect(r.ok && r.value.number).toBe('11010519491231002X');
  });

  it('generated numbers parse and round-trip region, birth date and sex', () => {
    fc.assert(
      fc.property(idArb, ({ r, b, s, id }) => {
        const parsed = parseIdNumber(id, TODAY);
        expect(parsed).toEqual({
          ok: true,
          value: { number: id, regionCode: r, birthDate: b, sex: s % 2 === 1 ? 'male' : 'female' },
        });
        expect(parseIdNumber(id.toLowerCase(), TODAY).ok).toBe(true);
      }),
    );
  });

  // MOD 11-2: every weight is non-zero mod 11 (11 is prime), so changing one digit by δ ∈ ±1…9
  // shifts the sum by δ·w ≢ 0 — every single substitution changes the expected check character.
  it('rejects every single-character substitution', () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), ({ id }, i, ch) => {
        fc.pre(id[i] !== ch);
        expect(parseIdNumber(replaceAt(id, i, ch), TODAY).ok).toBe(false);
      }),
    );
  });

  it('checks every substitution exhaustively for the standard example', () => {
    const id = '11010519491231002X';
    for (let i = 0; i < 18; i++) {
      for (const ch of '0123456789X')
        if (ch !== id[i]) expect(isValidIdNumber(replaceAt(id, i, ch), TODAY)).toBe(false);
    }
  });

  // Weights satisfy w[i] ≡ 2·w[i+1] (mod 11), so swapping adjacent digits a≠b shifts the sum by
  // ±(a−b)·w[i+1] ≢ 0: adjacent transpositions in the first 17 digits are always caught too.
  it('rejects adjacent transpositions of distinct digits', () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 15 }), ({ id }, i) => {
        fc.pre(id[i] !== id[i + 1]);
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(parseIdNumber(swapped, TODAY).ok).toBe(false);
      }),
    );
  });

  it('rejects impossible birth dates even with a correct check character', () => {
    for (const date of [
      '20230229',
      '20230230',
      '20240230',
      '19000229',
      '20241301',
      '20240000',
      '20240431',
      '18791231',
    ]) {
      expect(parseIdNumber(makeIdNumber('110105', date, 1), TODAY)).toEqual({ ok: false, problem: 'BIRTH_DATE' });
    }
    expect(parseIdNumber(makeIdNumber('110105', '20240229', 1), TODAY).ok).toBe(true);
  });

  it('rejects birth dates after today', () => {
    fc.assert(
      fc.property(
        regionArb,
        fc.date({ min: new Date('2025-06-02T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        sequenceArb,
        (r, d, s) => {
          const id = makeIdNumber(r, d.toISOString().slice(0, 10), s);
          expect(parseIdNumber(id, TODAY)).toEqual({ ok: false, problem: 'BIRTH_DATE' });
        },
      ),
    );
    expect(isValidIdNumber(makeIdNumber('520102', '2025-06-01', 2), TODAY)).toBe(true);
  });

  it('judges "today" by the Beijing date, not the server UTC date', () => {
    const id = makeIdNumber('520102', '2024-06-02', 2);
    // 2024-06-01T17:00Z is 01:00 on 2 June in Beijing.
    expect(isValidIdNumber(id, new Date('2024-06-01T17:00:00Z'))).toBe(true);
    // 2024-06-01T15:59Z is 23:59 on 1 June in Beijing.
    expect(parseIdNumber(id, new Date('2024-06-01T15:59:00Z'))).toEqual({ ok: false, problem: 'BIRTH_DATE' });
  });

  it('reports format and region problems', () => {
    expect(parseIdNumber('11010519491231002', TODAY)).toEqual({ ok: false, problem: 'FORMAT' });
    expect(parseIdNumber('1101051949123100X2', TODAY)).toEqual({ ok: false, problem: 'FORMAT' });
    expect(parseIdNumber('110105491231002', TODAY)).toEqual({ ok: false, problem: 'FORMAT' });
    expect(parseIdNumber(makeIdNumber('100105', '1949-12-31', 2), TODAY)).toEqual({ ok: false, problem: 'REGION' });
    expect(parseIdNumber(makeIdNumber('830105', '1949-12-31', 2), TODAY)).toEqual({ ok: false, problem: 'REGION' });
    expect(parseIdNumber(makeIdNumber('520000', '1949-12-31', 2), TODAY)).toEqual({ ok: false, problem: 'REGION' });
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'CHECKSUM' });
  });

  it('masks all but the region and the last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
    expect(maskIdNumber('123')).toBe('***');
    fc.assert(
      fc.property(idArb, ({ id }) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
        expect(masked).not.toContain(id.slice(6, 14));
      }),
    );
  });
});

describe('统一社会信用代码', () => {
  it('accepts the public examples', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: { code: '91350100M000100Y43', authority: '9', orgType: '1', regionCode: '350100', orgCode: 'M000100Y4' },
    });
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
    expect(isValidCreditCode(' 91110000600037341l ')).toBe(true);
  });

  it('accepts everything makeCreditCode builds', () => {
    fc.assert(
      fc.property(creditArb, (code) => {
        expect(parseCreditCode(code).ok).toBe(true);
      }),
    );
  });

  it('rejects I, O, S, V and Z anywhere with CHARSET', () => {
    fc.assert(
      fc.property(creditArb, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'IOSVZ'), (code, i, ch) => {
        expect(parseCreditCode(replaceAt(code, i, ch))).toEqual({ ok: false, problem: 'CHARSET' });
      }),
    );
  });

  // MOD 31 with weights 3^i mod 31: every weight is non-zero mod 31 (31 is prime) and alphabet
  // values are 0–30, so any single substitution within the alphabet changes the check character.
  it('rejects every single-character substitution', () => {
    fc.assert(
      fc.property(creditArb, fc.integer({ min: 0, max: 17 }), alphabetChar, (code, i, ch) => {
        fc.pre(code[i] !== ch);
        expect(parseCreditCode(replaceAt(code, i, ch)).ok).toBe(false);
      }),
    );
    const example = '91350100M000100Y43';
    for (let i = 0; i < 18; i++) {
      for (const ch of CREDIT_CODE_ALPHABET)
        if (ch !== example[i]) expect(isValidCreditCode(replaceAt(example, i, ch))).toBe(false);
    }
  });

  it('reports a wrong organisation-code check character as ORG_CODE_CHECKSUM', () => {
    fc.assert(
      fc.property(creditArb, fc.constantFrom(...'0123456789X'), (code, ch) => {
        fc.pre(code[16] !== ch);
        // Fix up the outer check character so that only the inner GB 11714 check fails.
        const first17 = replaceAt(code, 16, ch).slice(0, 17);
        expect(parseCreditCode(first17 + creditCodeCheckChar(first17))).toEqual({
          ok: false,
          problem: 'ORG_CODE_CHECKSUM',
        });
      }),
    );
  });

  it('computes GB 11714 check characters, including X and 0', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('60003734')).toBe('1');
    const checks = new Set<string>();
    for (let n = 0; n < 200; n++) checks.add(orgCodeCheckChar(pad(n, 8)));
    expect(checks).toContain('X');
    expect(checks).toContain('0');
  });

  it('reports format, region and checksum problems', () => {
    expect(parseCreditCode('91350100M000100Y4')).toEqual({ ok: false, problem: 'FORMAT' });
    expect(parseCreditCode('91350100M000100Y433')).toEqual({ ok: false, problem: 'FORMAT' });
    const first17 = '913501A0M000100Y4';
    expect(parseCreditCode(first17 + creditCodeCheckChar(first17))).toEqual({ ok: false, problem: 'REGION' });
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'CHECKSUM' });
  });
});

describe('行政区划代码', () => {
  it('derives the level from the length', () => {
    expect(regionLevel('52')).toBe(1);
    expect(regionLevel('5201')).toBe(2);
    expect(regionLevel('520102')).toBe(3);
    expect(regionLevel('520102001')).toBe(4);
    expect(regionLevel('520102001001')).toBe(5);
  });

  it('accepts the county segment 00 of prefecture-level cities without counties', () => {
    expect(regionLevel('441900')).toBe(3); // 东莞市
    expect(regionLevel('441900003')).toBe(4); // 东城街道
    expect(regionLevel('460400100001')).toBe(5); // 儋州市那大镇西干社区
    expect(parentRegionCode('441900003')).toBe('441900');
  });

  it('rejects malformed codes', () => {
    for (const code of [
      '',
      '5',
      '520',
      '52010',
      '5201020',
      '52010200',
      '5201020010',
      '52010200100',
      '5201020010010',
      '52a1',
      ' 52',
      '10',
      '83',
      '00',
      '5200',
      '520102000',
      '520102001000',
      '5201020010001',
    ]) {
      expect(regionLevel(code), code).toBeUndefined();
      expect(isValidRegionCode(code)).toBe(false);
    }
  });

  const villageArb = fc
    .tuple(
      fc.integer({ min: 11, max: 82 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 1, max: 999 }),
      fc.integer({ min: 1, max: 999 }),
    )
    .map(([p, c, k, t, v]) => `${p}${pad(c, 2)}${pad(k, 2)}${pad(t, 3)}${pad(v, 3)}`);

  it('walks the parent chain village → township → county → prefecture → province', () => {
    fc.assert(
      fc.property(villageArb, (village) => {
        const chain: string[] = [];
        for (let c: string | undefined = village; c !== undefined; c = parentRegionCode(c)) chain.push(c);
        expect(chain.map((c) => c.length)).toEqual([12, 9, 6, 4, 2]);
        expect(chain.map((c) => regionLevel(c))).toEqual([5, 4, 3, 2, 1]);
        for (const ancestor of chain) expect(regionWithin(village, ancestor)).toBe(true);
        expect(toStandardCode(village)).toBe(village);
      }),
    );
    expect(parentRegionCode('52')).toBeUndefined();
    expect(parentRegionCode('bogus')).toBeUndefined();
    expect(regionWithin('520102', '5202')).toBe(false);
  });

  it('pads to the 6- or 12-digit standard forms', () => {
    expect(toStandardCode('52')).toBe('520000');
    expect(toStandardCode('5201')).toBe('520100');
    expect(toStandardCode('520102')).toBe('520102');
    expect(toStandardCode('520102001')).toBe('520102001000');
  });
});

describe('region codes written as the standard writes them', () => {
  it('drops the zero tails of 6-digit province and prefecture codes and 12-digit township codes', () => {
    expect(normaliseRegionCode('520000')).toBe('52');
    expect(normaliseRegionCode('520100')).toBe('5201');
    expect(normaliseRegionCode('522631')).toBe('522631');
    expect(normaliseRegionCode('520102016000')).toBe('520102016');
    expect(normaliseRegionCode('520102016001')).toBe('520102016001');
    expect(normaliseRegionCode('5201')).toBe('5201');
    expect(RegionCodeParam.parse('520100')).toBe('5201');
    expect(RegionCodeParam.safeParse('52a').success).toBe(false);
    expect(WellFormedRegionCode.safeParse('999999').success).toBe(false);
  });
});
