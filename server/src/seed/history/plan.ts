/**
 * The demo history's plan, drawn from one seed before anything is written: which services people
 * applied for (a few popular ones take most cases), who applied, where, through which channel,
 * when, and how each case is to go (补正, 不予受理, 不予许可, a return, a special procedure, late,
 * rated). Pure: the same seed, calendar and catalogue give the same plan.
 */
import { Rng } from '../../platform/random/rng.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { PublishedImplementation } from '../../modules/catalog/index.js';

/**
 * Services people apply for most, by basic code, most applied first (what a province's 一网通办
 * statistics show at the top: social security and medical insurance, identity and household
 * papers, market entry, housing fund). Absent ones are skipped.
 */
export const POPULAR_SERVICES: readonly string[] = [
  '201610003002', // 住房公积金提取（偿还住房贷款本息）
  '201440003000', // 基本医疗保险跨省异地就医备案
  '201120016000', // 社会保障卡申领
  '071030004000', // 居民身份证换领
  '011270003001', // 个体工商户设立登记
  '011040001001', // 机动车驾驶证换证（有效期满换证）
  '201350007000', // 预防接种证办理
  '011270001001', // 食品经营许可（新办）: the market and urban-management checks in parallel
  '201120009000', // 就业登记
  '201030009000', // 无犯罪记录证明开具
  '071070001000', // 内地居民结婚登记
  '011270004001', // 企业设立登记（有限责任公司）
  '201440001000', // 城乡居民基本医疗保险参保登记
  '051440005000', // 零星医疗费用报销
  '071150001002', // 国有建设用地使用权及房屋所有权转移登记（存量房买卖）
  '201350006000', // 生育登记
  '051120011000', // 失业保险金申领
  '071030002000', // 户口迁移（迁入登记）
  '201030008000', // 居住证申领
  '071120001000', // 职工正常退休（职）审批
  '011030017000', // 往来港澳通行证及签注签发
  '051350011000', // 育儿补贴申领
  '101500007000', // 发票领用
  '011350002000', // 公共场所卫生许可
];

/** Item types the state starts (处罚, 强制, 检查), rewards (奖励) and rulings (裁决): nobody applies for them here. */
const NOT_APPLIED_FOR = new Set(['02', '03', '06', '08', '09']);

/** A service as the history offers it: its implementations and how much it is asked for. */
export interface Service {
  basicCode: string;
  name: string;
  weight: number;
  /** Applied for by an enterprise (its legal representative acting for it) rather than a person. */
  byEnterprise: boolean;
  /** Visits the guide asks for: services needing a visit go less often online. */
  visits: number;
  implementations: { code: string; regionCode: string; departmentId: string }[];
}

/**
 * The services of the history with their weights: the popular ones on a Zipf curve (the first about
 * ten times the tenth), every other service a person or enterprise applies for as a thin tail.
 */
export function servicesOf(implementations: readonly PublishedImplementation[]): Service[] {
  const byCode = new Map<string, Service>();
  for (const i of implementations) {
    if (NOT_APPLIED_FOR.has(i.itemType)) continue;
    const forPersons = i.serviceObjects.includes('1');
    if (!forPersons && !i.serviceObjects.includes('2')) continue;
    let s = byCode.get(i.basicCode);
    if (!s) {
      s = {
        basicCode: i.basicCode,
        name: i.name,
        weight: 0,
        byEnterprise: !forPersons,
        visits: i.visits,
        implementations: [],
      };
      byCode.set(i.basicCode, s);
    }
    s.implementations.push({ code: i.code, regionCode: i.regionCode, departmentId: i.departmentId });
  }
  const popular = POPULAR_SERVICES.filter((c) => byCode.has(c));
  popular.forEach((c, rank) => (byCode.get(c)!.weight = 100 / (rank + 1)));
  // The tail: a tenth of the least popular one's weight each; services only the province handles
  // (mostly licences of industries) a third of that.
  const tail = 100 / (popular.length + 1) / 10;
  for (const s of byCode.values())
    if (s.weight === 0) s.weight = s.implementations.every((i) => i.regionCode.length <= 2) ? tail / 3 : tail;
  return [...byCode.values()].sort((a, b) => b.weight - a.weight || a.basicCode.localeCompare(b.basicCode));
}

/** Who the history has apply: a person (their household county) or an enterprise (where it is registered). */
export interface Applicant {
  regionCode: string;
  enterprise: boolean;
}

/** How a case is to go; what the clock reaches before today is what happens. */
export interface Fate {
  /** 不予受理 at the window. */
  notAccepted: boolean;
  /** 一次性告知: the window asks for 补正 once, the applicant supplements. */
  supplement: boolean;
  /** 不予许可 by the department. */
  refused: boolean;
  /** Decided after the promised due date. */
  late: boolean;
  /** The last stage sends it back to the one before (a process with more than one stage only). */
  returned: boolean;
  /** A special procedure (现场核查, 专家评审, 公示) stops the clock for some working days. */
  suspended: boolean;
  /** Share of the promised working days the department takes (on time), in (0, 1]. */
  pace: number;
  /** 好差评 level the applicant gives after the decision, if they rate it. */
  rating: 1 | 2 | 3 | 4 | 5 | null;
}

export interface PlannedCase {
  /** Sequence number: the case's idempotency key and the seed of its own random steps. */
  n: number;
  service: Service;
  itemCode: string;
  regionCode: string;
  applicant: number;
  channel: 'online' | 'window';
  filedAt: Date;
  fate: Fate;
}

/** An instant in Beijing: the day and minutes after midnight. */
export const beijingAt = (day: string, minutes: number): Date =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000);

/** The days from `from` to `to` (YYYY-MM-DD, both included). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Office hours of a window or a department: 9:00–11:45 and 13:30–17:15 (minutes after midnight). */
export function officeMinute(rng: Rng): number {
  return rng.chance(0.5) ? rng.int(9 * 60, 11 * 60 + 45) : rng.int(13 * 60 + 30, 17 * 60 + 15);
}

/** When people apply online: any day, mostly in the daytime and evening. */
const onlineMinute = (rng: Rng): number => rng.int(7 * 60 + 30, 22 * 60 + 30);

const rating = (rng: Rng): Fate['rating'] =>
  rng.weighted<Fate['rating']>([
    [5, 80],
    [4, 12],
    [3, 5],
    [2, 2],
    [1, 1],
  ]);

/** The implementation serving the applicant: their county's, else their city's, the province's, else any. */
function implementationFor(service: Service, regionCode: string, rng: Rng) {
  const serving = service.implementations
    .filter((i) => regionCode.startsWith(i.regionCode))
    .sort((a, b) => b.regionCode.length - a.regionCode.length);
  return serving[0] ?? rng.pick(service.implementations);
}

export interface PlanInput {
  seed: number;
  cases: number;
  /** First and last day of the history (Beijing dates). */
  from: string;
  to: string;
  /** The last moment anything may be filed (the seed's now). */
  until: Date;
  calendar: WorkingCalendar;
  services: readonly Service[];
  applicants: readonly Applicant[];
}

/**
 * Draws the history: each case's service by weight, an applicant of the right kind, the
 * implementation serving them, the channel (online about two in three; walk-ins only on working
 * days in office hours), the filing moment (more in recent months, as a province's take-up grows)
 * and its fate. Sorted by filing moment.
 */
export function planHistory(input: PlanInput): PlannedCase[] {
  const rng = new Rng(input.seed);
  const persons = input.applicants.flatMap((a, i) => (a.enterprise ? [] : [i]));
  const enterprises = input.applicants.flatMap((a, i) => (a.enterprise ? [i] : []));
  const services = input.services.filter((s) => (s.byEnterprise ? enterprises.length > 0 : persons.length > 0));
  if (services.length === 0 || input.cases === 0) return [];
  const days = daysBetween(input.from, input.to);
  const working = days.filter((d) => input.calendar.isWorkingDay(d));
  // Take-up grows: the last month has about half again the cases of the first.
  const dayWeight = (d: string, list: readonly string[]) => 0.8 + (0.4 * list.indexOf(d)) / Math.max(1, list.length);
  const onlineDays = days.map((d) => [d, dayWeight(d, days) * (input.calendar.isWorkingDay(d) ? 1 : 0.35)] as const);
  const windowDays = working.map((d) => [d, dayWeight(d, working)] as const);
  const weighted = services.map((s) => [s, s.weight] as const);
  const planned: PlannedCase[] = [];
  for (let n = 0; n < input.cases; n++) {
    const service = rng.weighted(weighted);
    const applicant = rng.pick(service.byEnterprise ? enterprises : persons);
    const place = implementationFor(service, input.applicants[applicant]!.regionCode, rng);
    // 窗口代录 files for a resident: an enterprise applies online.
    const channel =
      !service.byEnterprise && windowDays.length && rng.chance(service.visits > 1 ? 0.55 : 0.3) ? 'window' : 'online';
    const online = channel === 'online';
    // Filed before the seed's now (today's later hours have not come yet).
    let filedAt = input.until;
    for (let attempt = 0; attempt < 20 && filedAt >= input.until; attempt++)
      filedAt = online
        ? beijingAt(rng.weighted(onlineDays), onlineMinute(rng))
        : beijingAt(rng.weighted(windowDays), officeMinute(rng));
    if (filedAt >= input.until) continue;
    planned.push({
      n,
      service,
      itemCode: place.code,
      regionCode: place.regionCode,
      applicant,
      channel,
      filedAt,
      fate: {
        notAccepted: online && rng.chance(0.04),
        supplement: online && rng.chance(0.1),
        refused: rng.chance(0.04),
        late: rng.chance(0.07),
        returned: rng.chance(0.3),
        suspended: rng.chance(0.04),
        pace: 0.15 + 0.85 * rng.next(),
        rating: rng.chance(0.45) ? rating(rng) : null,
      },
    });
  }
  return planned.sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime() || a.n - b.n);
}
