/** The demo catalogue content of 贵州省: every guide valid, departments coherent, themes resolvable. */
import { describe, expect, it } from 'vitest';
import { ItemGuide, ThemeInput } from '../../../../../contracts/catalog.js';
import { checkGuide } from '../guide-rules.js';
import { DEPARTMENTS, LEVEL_REGIONS } from './departments.js';
import { guideFor, hasDepartment, implementationsOf } from './item-seed.js';
import { ITEM_SEEDS } from './items/index.js';
import { THEMES } from './themes.js';

const ORG_ALPHABET = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{8}$/;
const parsed = ITEM_SEEDS.map((s) => ({ seed: s, guide: ItemGuide.parse({ basicCode: s.basicCode, ...s.guide }) }));
const byName = new Map(parsed.map((p) => [p.guide.name, p]));
const codes = new Set(ITEM_SEEDS.map((s) => s.basicCode));

describe('departments', () => {
  it('has at least 24 departments across the province, 贵阳市, 南明区 and 云岩区', () => {
    expect(DEPARTMENTS.length).toBeGreaterThanOrEqual(24);
    for (const r of ['52', '5201', '520102', '520103']) expect(DEPARTMENTS.some((d) => d.regionCode === r)).toBe(true);
  });

  it('has unique keys, names per region and organisation codes from the credit-code alphabet', () => {
    expect(new Set(DEPARTMENTS.map((d) => d.key)).size).toBe(DEPARTMENTS.length);
    expect(new Set(DEPARTMENTS.map((d) => d.org8)).size).toBe(DEPARTMENTS.length);
    expect(new Set(DEPARTMENTS.map((d) => `${d.regionCode}:${d.name}`)).size).toBe(DEPARTMENTS.length);
    expect(new Set(DEPARTMENTS.map((d) => `${d.regionCode}:${d.category}`)).size).toBe(DEPARTMENTS.length);
    for (const d of DEPARTMENTS) {
      expect(d.org8, d.name).toMatch(ORG_ALPHABET);
      expect(d.phone, d.name).toMatch(/^085[1-9]-\d{5,8}$/);
      expect(d.category).toMatch(/^[a-z][a-z-]*$/);
      expect(d.address.length).toBeGreaterThan(5);
    }
  });

  it('gives every county the same set of department categories as 南明区, and every city those of 贵阳市', () => {
    const cats = (r: string) =>
      DEPARTMENTS.filter((d) => d.regionCode === r)
        .map((d) => d.category)
        .sort();
    expect(LEVEL_REGIONS.county).toHaveLength(88);
    expect(LEVEL_REGIONS.city).toHaveLength(9);
    for (const county of LEVEL_REGIONS.county) expect(cats(county), county).toEqual(cats('520102'));
    for (const city of LEVEL_REGIONS.city) expect(cats(city), city).toEqual(cats('5201'));
  });

  it('names generated departments as the institutions are called, with the city’s area code', () => {
    const dept = (region: string, category: string) =>
      DEPARTMENTS.find((d) => d.regionCode === region && d.category === category)!;
    expect(dept('522631', 'market')).toMatchObject({ name: '黎平县市场监督管理局', shortName: '黎平县市场监管局' });
    expect(dept('522631', 'market').phone).toMatch(/^0855-/);
    expect(dept('522631', 'market').address).toContain('黎平县德凤街道');
    expect(dept('522631', 'tax').name).toBe('国家税务总局黎平县税务局');
    expect(dept('520201', 'police').name).toBe('六盘水市公安局钟山分局');
    expect(dept('520201', 'market').name).toBe('六盘水市钟山区市场监督管理局');
    expect(dept('522732', 'civil').shortName).toBe('三都县民政局');
    expect(dept('5226', 'market')).toMatchObject({
      name: '黔东南苗族侗族自治州市场监督管理局',
      shortName: '黔东南州市场监管局',
    });
  });
});

describe('service item guides', () => {
  it('has at least 200 distinct items with valid, unique basic codes and names', () => {
    expect(ITEM_SEEDS.length).toBeGreaterThanOrEqual(200);
    expect(codes.size).toBe(ITEM_SEEDS.length);
    expect(byName.size).toBe(ITEM_SEEDS.length);
    for (const s of ITEM_SEEDS) expect(s.basicCode).toMatch(/^[0-9A-Z]{12}$/);
  });

  it('parses every guide and passes the server-side invariants', () => {
    for (const { guide } of parsed) expect(checkGuide(guide).map((p) => `${guide.name}: ${p.message.zh}`)).toEqual([]);
  });

  it('satisfies each invariant explicitly', () => {
    for (const { guide: g } of parsed) {
      const label = g.name;
      expect(g.promisedLimitDays, label).toBeLessThanOrEqual(g.legalLimitDays);
      if (g.caseKind === '1') expect(g.promisedLimitDays, label).toBe(0);
      if (g.caseKind === '2') expect(g.promisedLimitDays, label).toBeGreaterThan(0);
      expect(
        g.processSteps.reduce((s, p) => s + p.days, 0),
        label,
      ).toBeLessThanOrEqual(g.promisedLimitDays);
      if (g.visits > 0) expect(g.visitReason.trim(), label).not.toBe('');
      if (g.visits === 0) {
        expect(g.onlineDepth, label).toEqual(expect.arrayContaining([4, 5]));
        expect(g.deliveryMethods.includes('post') || g.deliveryMethods.includes('online'), label).toBe(true);
      }
      const names = g.materials.map((m) => m.name);
      expect(new Set(names).size, label).toBe(names.length);
      for (const m of g.materials) {
        expect(m.originals + m.copies, `${label} / ${m.name}`).toBeGreaterThanOrEqual(1);
        if (m.source === 'e_license') expect(m.licenseType, `${label} / ${m.name}`).toBeTruthy();
      }
      expect(new Set(g.onlineDepth).size, label).toBe(g.onlineDepth.length);
    }
  });

  it('writes real content: legal basis, conditions, summary and colloquial keywords for every item', () => {
    for (const { guide: g } of parsed) {
      expect(g.legalBasis, g.name).toMatch(/《.+》/);
      expect(g.conditions.length, g.name).toBeGreaterThan(0);
      expect(g.summary.length, g.name).toBeGreaterThan(10);
      expect(g.keywords.length, g.name).toBeGreaterThanOrEqual(2);
      expect(`${g.name}${g.summary}`, g.name).not.toMatch(/lorem|事项\d|TODO|xxx/i);
    }
  });

  it('answers the colloquial ways people ask for the popular items', () => {
    const kw = (name: string) => byName.get(name)?.guide.keywords ?? [];
    expect(kw('食品经营许可（新办）')).toEqual(expect.arrayContaining(['开饭店', '开餐馆', '开超市']));
    expect(kw('个体工商户设立登记')).toEqual(expect.arrayContaining(['开个体户', '办营业执照']));
    expect(kw('企业设立登记（有限责任公司）')).toEqual(expect.arrayContaining(['开公司', '注册公司']));
    expect(kw('职工正常退休（职）审批')).toEqual(expect.arrayContaining(['我要退休', '办退休']));
    expect(kw('户口登记（出生登记）')).toEqual(expect.arrayContaining(['给孩子上户口', '新生儿落户']));
    expect(kw('住房公积金提取（购买自住住房）')).toEqual(expect.arrayContaining(['取公积金', '提公积金']));
    expect(kw('内地居民结婚登记')).toContain('领证');
    expect(kw('居民身份证换领')).toContain('换身份证');
  });

  it('implements every item by a department of its category at its level, in every county for county items', () => {
    for (const s of ITEM_SEEDS) {
      expect(hasDepartment(s.category, s.level), `${s.guide.name}: ${s.category}@${s.level}`).toBe(true);
      const impls = implementationsOf(s);
      expect(impls.length).toBe(LEVEL_REGIONS[s.level].length);
      for (const { department, guide } of impls) {
        const g = ItemGuide.parse(guide);
        expect(checkGuide(g)).toEqual([]);
        expect(g.consultPhone).toBe(department.phone);
      }
    }
  });

  it('localises the venue and hours of county items to each county', () => {
    const food = ITEM_SEEDS.find((s) => s.guide.name === '食品经营许可（新办）')!;
    const venues = DEPARTMENTS.filter((d) => d.category === 'market' && d.regionCode.length === 6).map(
      (d) => guideFor(food, d).venue,
    );
    expect(venues).toEqual(
      expect.arrayContaining([
        '贵阳市云岩区政务服务中心二楼市场监管窗口',
        '贵阳市南明区政务服务中心二楼市场监管窗口',
        '黎平县政务服务中心二楼市场监管窗口',
        '六盘水市钟山区政务服务中心二楼市场监管窗口',
      ]),
    );
    const liping = DEPARTMENTS.find((d) => d.key === '522631-market')!;
    expect(guideFor(food, liping).hours).toContain('周六');
  });

  it('spreads items over at least 20 department categories and every kind of power', () => {
    expect(new Set(ITEM_SEEDS.map((s) => s.category)).size).toBeGreaterThanOrEqual(20);
    const types = new Set(parsed.map((p) => p.guide.itemType));
    for (const t of ['01', '02', '04', '05', '06', '07', '08', '10', '20'] as const) expect(types.has(t), t).toBe(true);
  });

  it('keeps penalties and inspections off the online channel', () => {
    for (const { guide: g } of parsed.filter((p) => p.guide.itemType === '02')) {
      expect(g.visits, g.name).toBeGreaterThan(0);
      expect(g.handlingForms, g.name).toContain('1');
      expect(g.onlineDepth, g.name).not.toContain(4);
    }
  });

  it('has a realistic visit spread: roughly a quarter to a third zero-visit, most at most one visit', () => {
    const n = parsed.length;
    const zero = parsed.filter((p) => p.guide.visits === 0).length / n;
    const atMostOne = parsed.filter((p) => p.guide.visits <= 1).length / n;
    expect(zero).toBeGreaterThan(0.2);
    expect(zero).toBeLessThan(0.4);
    expect(atMostOne).toBeGreaterThan(0.55);
    expect(atMostOne).toBeLessThan(0.85);
  });
});

describe('themes', () => {
  it('has at least 16 valid themes with unique slugs', () => {
    expect(THEMES.length).toBeGreaterThanOrEqual(16);
    expect(new Set(THEMES.map((t) => t.slug)).size).toBe(THEMES.length);
    for (const t of THEMES) ThemeInput.parse(t);
  });

  it('references existing items, in an order where every prerequisite comes earlier', () => {
    for (const t of THEMES) {
      const seen = new Set<string>();
      expect(
        t.steps.some((s) => !s.optional),
        t.slug,
      ).toBe(true);
      for (const s of t.steps) {
        expect(codes.has(s.basicCode), `${t.slug}: ${s.basicCode}`).toBe(true);
        for (const a of s.after) expect(seen.has(a), `${t.slug}: ${s.basicCode} after ${a}`).toBe(true);
        expect(seen.has(s.basicCode), `${t.slug}: ${s.basicCode} twice`).toBe(false);
        seen.add(s.basicCode);
      }
      const keys = t.sharedFields.map((f) => f.key);
      expect(new Set(keys).size, t.slug).toBe(keys.length);
    }
  });

  it('puts the food-business licence in the restaurant theme and not the public-place hygiene licence', () => {
    const restaurant = THEMES.find((t) => t.slug === 'open-restaurant')!;
    const names = restaurant.steps.map((s) => ITEM_SEEDS.find((i) => i.basicCode === s.basicCode)!.guide.name);
    expect(names).toContain('食品经营许可（新办）');
    expect(names).not.toContain('公共场所卫生许可');
  });
});
