/**
 * The demo case history (first start, outside production): `DEMO_CASES` cases over the last
 * `DEMO_HISTORY_MONTHS` months, written by the real case use cases under a simulated clock that
 * walks from the first day to now — so every event log, working-day due date, on-time flag,
 * tracking code and document number is what the engine would have written at that moment.
 *
 * - Applicants are people and enterprises of the synthetic registries, given accounts opened before
 *   the history (one argon2id hash of a password nobody is told: nobody signs in as them); staff
 *   are the demo accounts where they fit and one per window and department otherwise.
 * - The licence module's outbox subscriber runs as the history goes (their 居民身份证 when the
 *   accounts open, so online applications reuse it — 免提交 —, and the e-licence of an approved
 *   case the day it is decided). Every other subscriber (analytics, 电子监察, notify) hears the
 *   history from the outbox once the server runs; notify tells nobody of an event older than
 *   `NOTIFY_MAX_AGE_HOURS`, so nobody is told months-old news, and the made-up applicants chose
 *   只放入我的消息, so what the last day tells them lands in 我的消息, never on a phone.
 * - People search the portal over the same months (`search-plan.ts`, `searches.ts`: the portal's own
 *   search and click logging, about four searches an application, scaled with `cases`), and some
 *   applicants complain about their case (`complaint-script.ts`), answered by the department's head.
 * - Each step is one use case in its own transaction. A step that fails is logged and ends that
 *   case where its last step left it (a state the engine itself writes: filed and waiting, in
 *   progress…); the history goes on. Nothing runs when any case exists already.
 */
import { beijingDate } from '../../platform/calendar/beijing.js';
import type { Log } from '../../platform/context.js';
import { OutboxDispatcher } from '../../platform/outbox-dispatcher.js';
import { listPublishedImplementations } from '../../modules/catalog/index.js';
import { anyCaseFiled, ItemProcesses } from '../../modules/cases/index.js';
import { findLegalEntity, listEntitiesRepresentedBy, sampleRegistryPersons } from '../../modules/exchange/index.js';
import {
  accountsByRegistryPerson,
  DEMO_STAFF,
  enrolHistoryApplicants,
  type HistoryApplicant,
} from '../../modules/identity/index.js';
import { licensesSubscriber } from '../../modules/licenses/index.js';
import { savePreferences } from '../../modules/notify/index.js';
import { casesDeps, evaluationDeps, identityDeps, licensesDeps, supervisionDeps, type Wiring } from '../../wiring.js';
import { Rng } from '../../platform/random/rng.js';
import { Agenda, SimulatedClock, type Script } from './agenda.js';
import { caseScript, emptyTally, type Tally } from './case-script.js';
import { beijingAt, planHistory, servicesOf } from './plan.js';
import { HistoryStaff } from './staff.js';
import { planSearches } from './search-plan.js';
import { emptySearchTally, HistorySearches, type SearchTally } from './searches.js';

export interface HistoryOptions {
  /** Cases to file over the history (some are still open at its end). */
  cases: number;
  months: number;
  /** Seed of every random choice: the same seed, the same history. */
  seed: number;
  /** Province whose catalogue and registries the history draws on. */
  province: string;
  /** The end of the history (default: now). */
  until?: Date;
}

export interface HistoryReport extends Tally {
  /** Why nothing was written, when nothing was. */
  skipped?: 'cases-exist' | 'nothing-to-apply-for';
  planned: number;
  /** First and last day of the history (Beijing dates). */
  from: string;
  to: string;
  applicants: number;
  enterprises: number;
  staffCreated: number;
  /** The portal searches of the history, as 需求分析 counts them. */
  searches: SearchTally;
  ms: number;
}

/** `months` months before `day` (YYYY-MM-DD), the same day of the month where it has one. */
function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

const shiftDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The history's first and last day (Beijing dates), and when it opens: a week before its first day,
 * when the applicants' accounts are opened (and the first-start catalogue and e-licences are dated).
 */
export function historySpan(until: Date, months: number): { from: string; to: string; opened: Date } {
  const to = beijingDate(until);
  const from = monthsBefore(to, months);
  return { from, to, opened: beijingAt(shiftDays(from, -7), 10 * 60) };
}

/** Adults on `day` by the birth date in their 公民身份号码 (characters 7–14). */
const adultOn = (idNumber: string, day: string) =>
  `${Number(idNumber.slice(6, 10)) + 18}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` <= day;

/**
 * People of the registry without an account, adults when the history starts, drawn by region: a
 * share from each of `shares` (region prefix → share of the persons) while it has enough people,
 * the rest from the whole province; and legal representatives with their enterprise.
 */
async function pickApplicants(
  w: Wiring,
  province: string,
  from: string,
  persons: number,
  enterprises: number,
  shares: readonly (readonly [string, number])[],
): Promise<HistoryApplicant[]> {
  const picked = new Set<string>();
  const fresh = async (representatives: boolean, count: number, region: string) => {
    if (count <= 0) return [];
    const sample = (await sampleRegistryPersons(w.db, w.cipher, count * 3 + 20, representatives, region)).filter(
      (p) => !picked.has(p.id) && adultOn(p.idNumber, from),
    );
    const taken = await accountsByRegistryPerson(
      w.db,
      sample.map((p) => p.id),
    );
    const chosen = sample.filter((p) => !taken.has(p.id)).slice(0, count);
    for (const p of chosen) picked.add(p.id);
    return chosen;
  };
  const people: HistoryApplicant[] = [];
  const add = (found: { id: string; name: string; idNumber: string; regionCode: string }[]) =>
    people.push(...found.map(({ id, name, idNumber, regionCode }) => ({ id, name, idNumber, regionCode })));
  for (const [region, share] of shares) add(await fresh(false, Math.round(persons * share), region));
  add(await fresh(false, persons - people.length, province));
  for (const rep of await fresh(true, enterprises, province)) {
    const [entity] = await listEntitiesRepresentedBy(w.db, rep.id);
    const registered = entity && (await findLegalEntity(w.db, entity.creditCode));
    if (registered)
      people.push({
        id: rep.id,
        name: rep.name,
        idNumber: rep.idNumber,
        regionCode: registered.regionCode,
        enterprise: entity.creditCode,
      });
  }
  return people;
}

export async function seedDemoHistory(w: Wiring, log: Log, options: HistoryOptions): Promise<HistoryReport> {
  const started = Date.now();
  const until = options.until ?? new Date();
  const { from, to, opened } = historySpan(until, options.months);
  const report: HistoryReport = {
    ...emptyTally(),
    planned: 0,
    from,
    to,
    applicants: 0,
    enterprises: 0,
    staffCreated: 0,
    searches: emptySearchTally(),
    ms: 0,
  };
  const done = (skipped?: HistoryReport['skipped']) => ({
    ...report,
    ...(skipped ? { skipped } : {}),
    ms: Date.now() - started,
  });
  if (options.cases === 0) return done();
  if (await anyCaseFiled(w.db)) return done('cases-exist');

  const clock = new SimulatedClock(beijingAt(from, 8 * 60));
  const calendar = await w.calendar.calendar();
  const services = servicesOf(
    (await listPublishedImplementations(w.db)).filter((i) => i.regionCode.startsWith(options.province)),
  );
  // Most applications are filed in the capital, and the districts of the demo windows (云岩区, 南明区)
  // get enough of them that those accounts' workbench has cases to show.
  const demoWindows = [...new Set(DEMO_STAFF.filter((s) => s.roles.includes('window_clerk')).map((s) => s.regionCode))];
  const chosen = await pickApplicants(
    w,
    options.province,
    from,
    Math.min(2_000, Math.max(5, Math.round(options.cases / 2.5))),
    Math.min(200, Math.max(2, Math.round(options.cases / 25))),
    [
      ...demoWindows.filter((r) => r.startsWith(options.province)).map((r) => [r, 0.2] as const),
      [`${options.province}01`, 0.2],
    ],
  );
  const plan = planHistory({
    seed: options.seed,
    cases: options.cases,
    from,
    to,
    until,
    calendar,
    services,
    applicants: chosen.map((a) => ({ regionCode: a.regionCode, enterprise: Boolean(a.enterprise) })),
  });
  if (plan.length === 0) return done('nothing-to-apply-for');
  report.planned = plan.length;

  // The licence module, as the history goes: 居民身份证 when an account opens, the e-licence of an approved case.
  const issuance = new OutboxDispatcher(w.db, { now: clock.now });
  issuance.subscribe(licensesSubscriber(licensesDeps(w, clock.now)));

  // Accounts opened a week before the first case.
  clock.set(opened);
  const applicants = await enrolHistoryApplicants(identityDeps(w, clock.now, log), chosen, clock.now());
  const index = new Map(applicants.map((a, i) => [a.applicant.id, i] as const));
  // Made-up people: whatever they are told goes to 我的消息 (只放入我的消息), never to a phone number
  // that may be someone's — even where an SMS gateway is configured.
  for (const { actor } of applicants)
    await savePreferences(
      { db: w.db, cipher: w.cipher, now: clock.now },
      { id: actor.id, kind: 'person', roles: [] },
      { channels: ['inbox'], kinds: {}, email: null, wechatOpenId: null, quietHours: null },
    );
  report.applicants = applicants.filter((a) => !a.applicant.enterprise).length;
  report.enterprises = applicants.length - report.applicants;
  await issuance.drain();
  log.info(
    { applicants: report.applicants, enterprises: report.enterprises, cases: plan.length, from, to },
    'demo history: applicants enrolled, walking the clock',
  );

  const staff = await HistoryStaff.load(w.db);
  const agenda = new Agenda();
  const searches = new HistorySearches(
    w,
    clock,
    new Map(services.map((s) => [s.basicCode, s] as const)),
    chosen.map((a) => a.regionCode),
  );
  const ctx = {
    seed: options.seed,
    cases: casesDeps(w, clock.now, new ItemProcesses(w.db, 3_600_000)),
    evaluation: evaluationDeps(w, clock.now),
    clock,
    calendar,
    staff,
    applicants,
    tally: report,
    complaints: { supervision: supervisionDeps(w, clock.now), clock, calendar, staff, tally: report },
    spawn: (at: Date, key: number, script: Script) => agenda.add(at, key, script),
    filed: (accountId: string, itemCode: string) => searches.applied(accountId, itemCode),
  };
  for (const c of plan) {
    const at = index.get(chosen[c.applicant]!.id);
    // An applicant whose account could not be opened applies for nothing.
    if (at === undefined) continue;
    agenda.add(c.filedAt, c.n, caseScript(ctx, { ...c, applicant: at }));
  }
  // 需求分析: people search the portal over the same months, about five searches an application;
  // some applicants search for their service just before they apply.
  const searchers = chosen.map((a) => {
    const at = index.get(a.id);
    return at === undefined
      ? undefined
      : { actor: applicants[at]!.actor, regionCode: a.regionCode, enterprise: Boolean(a.enterprise) };
  });
  const sessions = planSearches({
    seed: options.seed,
    sessions: options.cases * 4,
    visitors: Math.max(10, Math.round(options.cases * 1.2)),
    applicants: chosen.length,
    from,
    to,
    until,
    calendar,
    services,
    cases: plan,
  });
  for (const s of sessions) {
    const rng = new Rng((options.seed ^ (s.n * 374_761_393) ^ 0x2f6b) >>> 0);
    const applicant = 'applicant' in s.who ? searchers[s.who.applicant] : undefined;
    // An applicant whose account could not be opened searches for nothing.
    if ('applicant' in s.who && !applicant) continue;
    const searcher = searches.searcherOf(applicant ? { applicant } : (s.who as { visitor: number }), rng);
    agenda.add(s.at, -1 - s.n, searches.session(s, searcher, rng));
  }
  let steps = 0;
  let lastLog = Date.now();
  const failures = new Map<string, number>();
  await agenda.run(clock, until, {
    failed: (n, e) => {
      // Searches are keyed below zero; a failed one is logged, no case is concerned.
      if (n >= 0) report.failed++;
      const code = (e as { code?: string }).code ?? (e instanceof Error ? e.message.slice(0, 80) : String(e));
      failures.set(code, (failures.get(code) ?? 0) + 1);
      const err = e instanceof Error ? e.message : String(e);
      if (n < 0) log.warn({ search: -1 - n, err, at: clock.now().toISOString() }, 'demo history: a search failed');
      else
        log.warn(
          { case: n, err, at: clock.now().toISOString() },
          'demo history: a step failed; the case stays as its last step left it',
        );
    },
    // The day's approvals become e-licences before the next day begins.
    beforeDay: async () => {
      await issuance.drain();
      await searches.flushWhenFull();
    },
    progress: () => {
      steps++;
      if (Date.now() - lastLog < 5_000) return;
      lastLog = Date.now();
      log.info(
        { day: beijingDate(clock.now()), steps, filed: report.filed, decided: report.approved + report.refused },
        'demo history: in progress',
      );
    },
  });
  await issuance.drain();
  await searches.flush();
  report.searches = searches.finish();
  log.info({ ...report.searches, ms: Math.round(searches.spentMs) }, 'demo history: searches written');
  report.staffCreated = staff.created;
  if (failures.size) log.warn({ failures: Object.fromEntries(failures) }, 'demo history: failed steps by reason');
  return done();
}
