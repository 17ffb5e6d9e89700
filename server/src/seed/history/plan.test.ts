/**
 * The demo history's plan, without a database: the same seed gives the same plan; a few popular
 * services take most cases; about two in three are filed online, walk-ins only on working days in
 * office hours; nothing is filed after the seed's now; each applicant applies through their own
 * county's implementation where there is one. The searches: the same seed, the same searches; visitors
 * and applicants, a tenth for what is not offered, some applicants just before they apply.
 */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import type { PublishedImplementation } from '../../modules/catalog/index.js';
import { planHistory, POPULAR_SERVICES, servicesOf, type PlanInput } from './plan.js';
import { planSearches, type SearchPlanInput, type SearchSessionPlan } from './search-plan.js';

const COUNTIES = ['520102', '520103', '522631'];

function implementation(basicCode: string, regionCode: string, extra: Partial<PublishedImplementation> = {}) {
  return {
    code: `${regionCode}-${basicCode}`,
    basicCode,
    name: basicCode,
    regionCode,
    departmentId: `dept-${regionCode}`,
    itemType: '20',
    serviceObjects: ['1'],
    caseKind: '1',
    visits: 0,
    ...extra,
  } satisfies PublishedImplementation;
}

const catalogue: PublishedImplementation[] = [
  ...POPULAR_SERVICES.slice(0, 6).flatMap((b) => COUNTIES.map((r) => implementation(b, r))),
  ...['900000000001', '900000000002', '900000000003'].flatMap((b) => COUNTIES.map((r) => implementation(b, r))),
  implementation('900000000004', '52', { serviceObjects: ['2'], itemType: '01' }),
  // Nobody applies for a penalty.
  implementation('021270006000', '520102', { itemType: '02' }),
];

const until = new Date('2026-12-04T06:00:00Z');
const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  seed: 42,
  cases: 600,
  from: '2026-09-04',
  to: '2026-12-04',
  until,
  calendar: new WorkingCalendar(),
  services: servicesOf(catalogue),
  applicants: [
    ...Array.from({ length: 40 }, (_, i) => ({ regionCode: `${COUNTIES[i % 3]}001001`, enterprise: false })),
    { regionCode: '520103001001', enterprise: true },
  ],
  ...over,
});

describe('servicesOf', () => {
  it('weighs the popular services most, leaves out what the state starts', () => {
    const services = servicesOf(catalogue);
    expect(services.map((s) => s.basicCode)).not.toContain('021270006000');
    expect(services[0]!.basicCode).toBe(POPULAR_SERVICES[0]);
    expect(services[0]!.weight).toBeGreaterThan(services.at(-1)!.weight * 10);
    expect(services.find((s) => s.basicCode === '900000000004')).toMatchObject({ byEnterprise: true });
  });
});

describe('planHistory', () => {
  it('is the same for the same seed and another for another', () => {
    const strip = (p: ReturnType<typeof planHistory>) =>
      p.map((c) => [c.n, c.itemCode, c.filedAt.toISOString(), c.fate]);
    expect(strip(planHistory(input()))).toEqual(strip(planHistory(input())));
    expect(strip(planHistory(input({ seed: 43 })))).not.toEqual(strip(planHistory(input())));
  });

  it('spreads cases over the period, popular services first, both channels, walk-ins in office hours', () => {
    const calendar = new WorkingCalendar();
    const plan = planHistory(input());
    expect(plan).toHaveLength(600);
    expect(plan.every((c, i) => i === 0 || plan[i - 1]!.filedAt <= c.filedAt)).toBe(true);
    expect(plan.every((c) => c.filedAt < until && beijingDate(c.filedAt) >= '2026-09-04')).toBe(true);
    const months = new Set(plan.map((c) => beijingDate(c.filedAt).slice(0, 7)));
    expect(months.size).toBe(4);
    const popular = plan.filter((c) => POPULAR_SERVICES.includes(c.service.basicCode)).length;
    expect(popular / plan.length).toBeGreaterThan(0.8);
    const online = plan.filter((c) => c.channel === 'online').length / plan.length;
    expect(online).toBeGreaterThan(0.6);
    expect(online).toBeLessThan(0.8);
    for (const c of plan.filter((k) => k.channel === 'window')) {
      expect(calendar.isWorkingDay(beijingDate(c.filedAt))).toBe(true);
      const minutes = ((c.filedAt.getUTCHours() + 8) % 24) * 60 + c.filedAt.getUTCMinutes();
      expect(minutes).toBeGreaterThanOrEqual(9 * 60);
      expect(minutes).toBeLessThanOrEqual(17 * 60 + 15);
    }
  });

  it('files each applicant’s case with their county, an enterprise’s online', () => {
    const plan = planHistory(input());
    const { applicants } = input();
    for (const c of plan) {
      const a = applicants[c.applicant]!;
      expect(a.enterprise).toBe(c.service.byEnterprise);
      if (c.regionCode.length === 6) expect(a.regionCode.startsWith(c.regionCode)).toBe(true);
      if (a.enterprise) expect(c.channel).toBe('online');
    }
  });

  it('plans 补正, 不予受理 and 不予许可 for a few, ratings for about half', () => {
    const plan = planHistory(input());
    const share = (f: (c: (typeof plan)[number]) => boolean) => plan.filter(f).length / plan.length;
    expect(share((c) => c.fate.supplement)).toBeGreaterThan(0.03);
    expect(share((c) => c.fate.notAccepted)).toBeGreaterThan(0.01);
    expect(share((c) => c.fate.notAccepted && c.channel === 'window')).toBe(0);
    expect(share((c) => c.fate.refused)).toBeGreaterThan(0.01);
    expect(share((c) => c.fate.rating !== null)).toBeGreaterThan(0.35);
    expect(share((c) => c.fate.rating !== null && c.fate.rating >= 4)).toBeGreaterThan(0.3);
  });

  it('plans nothing without services or cases', () => {
    expect(planHistory(input({ cases: 0 }))).toEqual([]);
    expect(planHistory(input({ services: [] }))).toEqual([]);
  });
});

describe('planSearches', () => {
  const searchInput = (over: Partial<SearchPlanInput> = {}): SearchPlanInput => {
    const base = input();
    return {
      seed: 42,
      sessions: 2_400,
      visitors: 700,
      applicants: base.applicants.length,
      from: base.from,
      to: base.to,
      until,
      calendar: base.calendar,
      services: base.services,
      cases: planHistory(base),
      ...over,
    };
  };

  it('is the same for the same seed, in time order, before the seed’s now', () => {
    const strip = (p: SearchSessionPlan[]) => p.map((s) => [s.n, s.at.toISOString(), s.who, s.intent, s.typo, s.open]);
    const plan = planSearches(searchInput());
    expect(strip(plan)).toEqual(strip(planSearches(searchInput())));
    expect(strip(planSearches(searchInput({ seed: 43 })))).not.toEqual(strip(plan));
    expect(plan.every((s, i) => i === 0 || plan[i - 1]!.at <= s.at)).toBe(true);
    expect(plan.every((s) => s.at < until && beijingDate(s.at) >= '2026-09-04')).toBe(true);
  });

  it('has visitors and applicants search, a tenth for what is not offered, popular services most', () => {
    const plan = planSearches(searchInput()).filter((s) => s.before === undefined);
    expect(plan).toHaveLength(2_400);
    const share = (f: (s: SearchSessionPlan) => boolean) => plan.filter(f).length / plan.length;
    expect(share((s) => 'visitor' in s.who)).toBeGreaterThan(0.65);
    expect(share((s) => 'unmet' in s.intent)).toBeGreaterThan(0.06);
    expect(share((s) => 'unmet' in s.intent)).toBeLessThan(0.14);
    expect(share((s) => 'unmet' in s.intent && s.open)).toBe(0);
    expect(share((s) => 'service' in s.intent && POPULAR_SERVICES.includes(s.intent.service))).toBeGreaterThan(0.7);
    expect(new Set(plan.flatMap((s) => ('visitor' in s.who ? [s.who.visitor] : []))).size).toBeGreaterThan(500);
  });

  it('has some applicants search for their service the same day, shortly before they apply', () => {
    const cases = planHistory(input());
    const byN = new Map(cases.map((c) => [c.n, c]));
    const before = planSearches(searchInput()).filter((s) => s.before !== undefined);
    const online = cases.filter((c) => c.channel === 'online').length;
    expect(before.length).toBeGreaterThan(online * 0.4);
    for (const s of before) {
      const c = byN.get(s.before!)!;
      expect(s.who).toEqual({ applicant: c.applicant });
      expect(s.intent).toEqual({ service: c.service.basicCode });
      expect(s.open).toBe(true);
      expect(s.at.getTime()).toBeLessThan(c.filedAt.getTime());
      expect(beijingDate(s.at)).toBe(beijingDate(c.filedAt));
    }
  });
});
