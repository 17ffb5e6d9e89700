/**
 * The demo case history on a real database: 80 cases over 3 months written by the case use cases
 * under the simulated clock. The indicators count exactly what the seed reports; event logs lie in
 * the past, in order, window and department steps on working days; the history has 补正,
 * 不予受理, 不予许可 and open cases; a tracking code answers publicly; notify tells nobody of old
 * news; a second run writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { cipherFrom, dataKeysFrom } from '../../platform/crypto/index.js';
import { CalendarService } from '../../platform/calendar/calendar.service.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { Log } from '../../platform/context.js';
import type { Wiring } from '../../wiring.js';
import { DuckDbStore, rebuildStore } from '../../modules/analytics/index.js';
import { seedDemoHistory, type HistoryReport } from './history.js';

const quiet: Log = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const warnings: unknown[] = [];
const log: Log = { ...quiet, warn: (o) => warnings.push(o) };

let t: TestApp;
let wiring: Wiring;
let report: HistoryReport;
let calendar: WorkingCalendar;
const seededAt = new Date();

beforeAll(async () => {
  t = await createTestApp();
  const keys = dataKeysFrom(t.config);
  wiring = {
    config: t.config,
    db: t.db,
    cipher: cipherFrom(keys),
    indexKey: keys.indexKey,
    calendar: new CalendarService(t.db),
  };
  calendar = await wiring.calendar.calendar();
  report = await seedDemoHistory(wiring, log, {
    cases: 80,
    months: 3,
    seed: 20261122,
    province: '52',
    until: seededAt,
  });
  // What the server does once it runs: every subscriber hears the history from the outbox.
  await t.app.outbox.drain();
  await t.app.notify.drain();
}, 120_000);
afterAll(async () => t?.close());

const get = (url: string, authorization?: string) =>
  t.app.inject({ method: 'GET', url, ...(authorization ? { headers: { authorization } } : {}) });

interface Row {
  id: string;
  status: string;
  trackingCode: string;
  channel: string;
  acceptedOn: string | null;
  dueOn: string | null;
  promisedDays: number;
  submittedAt: Date;
  decidedAt: Date | null;
}

const cases = async () =>
  (
    await sql<Row>`SELECT id, status, tracking_code, channel, accepted_on::text, due_on::text, promised_days, submitted_at, decided_at
                     FROM cases."case" ORDER BY submitted_at`.execute(t.db)
  ).rows;

describe('the demo history', () => {
  it('files the planned cases without a failed step, through both channels', async () => {
    expect(warnings).toEqual([]);
    expect(report).toMatchObject({ failed: 0, to: beijingDate(seededAt) });
    expect(report.filed).toBe(report.planned);
    expect(report.filed).toBeGreaterThanOrEqual(75);
    expect(report.online).toBeGreaterThan(report.window);
    expect(report.window).toBeGreaterThan(5);
    const rows = await cases();
    expect(rows).toHaveLength(report.filed);
    expect(rows.filter((r) => r.channel === 'window')).toHaveLength(report.window);
    expect(report.applicants).toBeGreaterThan(20);
    const applicants = await sql<{
      n: number;
    }>`SELECT count(DISTINCT applicant_person_id)::int AS n FROM cases."case"`.execute(t.db);
    expect(applicants.rows[0]!.n).toBeGreaterThan(20);
  });

  it('has 补正 rounds, 不予受理, 不予许可, decisions the same day and cases still open', async () => {
    expect(report.supplementRounds).toBeGreaterThan(0);
    expect(report.notAccepted).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(0);
    expect(report.sameDay).toBeGreaterThan(0);
    expect(report.ratings).toBeGreaterThan(0);
    const statuses = new Map<string, number>();
    for (const r of await cases()) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    expect(statuses.get('approved')).toBe(report.approved);
    expect(statuses.get('refused')).toBe(report.refused);
    expect(statuses.get('not_accepted')).toBe(report.notAccepted);
    const open =
      (statuses.get('in_progress') ?? 0) + (statuses.get('suspended') ?? 0) + (statuses.get('submitted') ?? 0);
    expect(open).toBeGreaterThan(0);
    const supplemented = await sql<{ n: number }>`
      SELECT count(DISTINCT case_id)::int AS n FROM cases.event WHERE type = 'supplemented'`.execute(t.db);
    expect(supplemented.rows[0]!.n).toBeGreaterThan(0);
  });

  it('dates every step in the past and in order; window and department steps on working days, due dates by the calendar', async () => {
    const events = (
      await sql<{ caseId: string; type: string; at: Date; actorKind: string }>`
        SELECT case_id, type, at, actor_kind FROM cases.event ORDER BY case_id, id`.execute(t.db)
    ).rows;
    expect(events.length).toBeGreaterThan(report.filed * 3);
    let previous: { caseId: string; at: Date } | undefined;
    for (const e of events) {
      expect(e.at.getTime()).toBeLessThanOrEqual(seededAt.getTime());
      if (previous?.caseId === e.caseId) expect(e.at.getTime()).toBeGreaterThanOrEqual(previous.at.getTime());
      previous = e;
      if (e.actorKind === 'staff') {
        expect(calendar.isWorkingDay(beijingDate(e.at)), `${e.type} on ${beijingDate(e.at)}`).toBe(true);
        const hour = (e.at.getUTCHours() + 8) % 24;
        expect(hour, `${e.type} at ${e.at.toISOString()}`).toBeGreaterThanOrEqual(9);
        expect(hour).toBeLessThan(19);
      }
    }
    const unpaused = (await cases()).filter((r) => r.acceptedOn);
    expect(unpaused.length).toBe(report.accepted);
    const paused = new Set(
      (await sql<{ caseId: string }>`SELECT DISTINCT case_id FROM cases.pause`.execute(t.db)).rows.map((r) => r.caseId),
    );
    for (const r of unpaused) {
      expect(calendar.isWorkingDay(r.acceptedOn!)).toBe(true);
      if (!paused.has(r.id)) expect(r.dueOn).toBe(calendar.addWorkingDays(r.acceptedOn!, r.promisedDays).due);
    }
  });

  it('is what the indicators count, to the case, over the period', async () => {
    const supervisor = await t.staff(['supervisor'], '52');
    const q = `/api/analytics/indicators?region=52&from=${report.from}&to=${report.to}`;
    const staff = await get(q, supervisor.authorization);
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json().view).toBe('staff');
    const [cell] = staff.json().cells;
    expect(cell).toMatchObject({
      filed: report.filed,
      accepted: report.accepted,
      completed: report.approved + report.refused,
      ratings: report.ratings,
    });
    expect(cell.supplementRate).toBeGreaterThan(0);
    expect(cell.refusalRate).toBeGreaterThan(0);
    expect(cell.immediateShare).toBeGreaterThan(0);
    expect(cell.materialsSaved).toBeGreaterThan(0);
    expect(cell.onTimePromisedRate).toBeGreaterThan(0.5);
    // The public sees the same province-wide figures: the cell counts far more than ten people.
    const [open] = (await get(q)).json().cells;
    expect(open).toMatchObject({ suppressed: false, filed: report.filed, accepted: report.accepted });
    // Month by month, the history spreads over the months it spans.
    const months = (await get(`${q}&by=month`, supervisor.authorization)).json().cells as { filed: number }[];
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(months.reduce((n, m) => n + m.filed, 0)).toBe(report.filed);
  });

  it('has people searching the portal: what 需求分析 counts is what the history searched', async () => {
    const { searches } = report;
    expect(searches.searches).toBeGreaterThan(report.filed * 3);
    expect(searches.zeroResult).toBeGreaterThan(0);
    expect(searches.clicked).toBeGreaterThan(0);
    expect(searches.ledToApplication).toBeGreaterThan(0);
    const supervisor = await t.staff(['supervisor'], '52');
    const q = `/api/analytics/demand?region=52&from=${report.from}&to=${report.to}`;
    const staff = await get(q, supervisor.authorization);
    expect(staff.statusCode, staff.body).toBe(200);
    const body = staff.json();
    expect(body.view).toBe('staff');
    expect(body.totals).toEqual({
      suppressed: false,
      searches: searches.searches,
      people: searches.people,
      zeroResult: searches.zeroResult,
      clicked: searches.clicked,
      ledToApplication: searches.ledToApplication,
    });
    // Staff see unmet demand, down to queries one person typed (a slip of the keyboard).
    expect(body.zeroResult.length).toBeGreaterThan(0);
    expect(body.ledToApplication.length).toBeGreaterThan(0);

    // The public sees the queries at least 5 people asked, and no count of fewer than 10: people
    // counted by hand from the store's searches (a person: signed in, else the address's hash).
    const facts = (await t.app.analytics.store.dump()).search_fact as {
      query: string;
      results: number;
      session_key: string;
      person_key: string | null;
    }[];
    expect(facts).toHaveLength(searches.searches);
    const askers = new Map<string, Set<string>>();
    for (const f of facts) {
      const set = askers.get(f.query) ?? new Set<string>();
      set.add(f.person_key ?? f.session_key);
      askers.set(f.query, set);
    }
    const peopleOf = (query: string) => askers.get(query)?.size ?? 0;
    const open = (await get(q)).json();
    expect(open.view).toBe('public');
    expect(open.top.length).toBeGreaterThan(0);
    expect(open.top.some((r: { suppressed: boolean }) => !r.suppressed)).toBe(true);
    for (const list of ['top', 'zeroResult', 'noClick', 'ledToApplication'])
      for (const r of open[list] as { query: string; people: number | null; suppressed: boolean }[]) {
        expect(peopleOf(r.query), `${list}: ${r.query}`).toBeGreaterThanOrEqual(5);
        expect(r.suppressed).toBe(peopleOf(r.query) < 10);
        if (!r.suppressed) expect(r.people).toBe(peopleOf(r.query));
      }
    // Slips of the keyboard one or two people typed are for staff only.
    const few = (body.zeroResult as { query: string; people: number }[]).filter((r) => r.people < 5);
    expect(few.length).toBeGreaterThan(0);
    for (const r of few) expect(peopleOf(r.query)).toBe(r.people);
    const shown = new Set((open.zeroResult as { query: string }[]).map((r) => r.query));
    for (const r of few) expect(shown.has(r.query)).toBe(false);
  });

  it('has complaints about slow cases and after bad reviews, answered on time mostly, counted by the indicators', async () => {
    expect(report.complaints).toBeGreaterThan(0);
    expect(report.complaintsAnswered).toBeGreaterThan(0);
    const rows = (
      await sql<{ status: string; caseId: string | null; createdAt: Date; repliedAt: Date | null }>`
        SELECT status, case_id, created_at, replied_at FROM supervision.complaint`.execute(t.db)
    ).rows;
    expect(rows).toHaveLength(report.complaints);
    expect(rows.filter((r) => r.status !== 'open')).toHaveLength(report.complaintsAnswered);
    for (const r of rows) {
      expect(r.caseId).not.toBeNull();
      expect(r.createdAt.getTime()).toBeLessThanOrEqual(seededAt.getTime());
      if (r.repliedAt) {
        expect(r.repliedAt.getTime()).toBeGreaterThan(r.createdAt.getTime());
        expect(calendar.isWorkingDay(beijingDate(r.repliedAt))).toBe(true);
      }
    }
    const supervisor = await t.staff(['supervisor'], '52');
    const q = `/api/analytics/indicators?region=52&from=${report.from}&to=${report.to}`;
    const [cell] = (await get(q, supervisor.authorization)).json().cells;
    expect(cell.complaints).toBe(report.complaints);
    expect(cell.complaintsPer10k).toBeCloseTo((10_000 * report.complaints) / report.filed, 2);
    expect(cell.complaintsOnTimeRate).toBeCloseTo(
      (report.complaintsAnswered - report.complaintsAnsweredLate) / report.complaintsAnswered,
      4,
    );
  });

  it('is the same in the store rebuilt from the PostgreSQL event log (npm run analytics:rebuild)', async () => {
    const fresh = await DuckDbStore.open(':memory:');
    try {
      await rebuildStore({ ...t.app.analytics, store: fresh }, t.db);
      const slice = { regionPrefix: '52' };
      expect(await fresh.cells(slice, 'month')).toEqual(await t.app.analytics.store.cells(slice, 'month'));
      expect(await fresh.dump()).toEqual(await t.app.analytics.store.dump());
    } finally {
      await fresh.close();
    }
  });

  it('answers a seeded case’s tracking code publicly', async () => {
    const decided = (await cases()).find((r) => r.status === 'approved')!;
    const res = await get(`/api/track/${decided.trackingCode}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'case', trackingCode: decided.trackingCode, status: 'approved' });
    // Its public steps in order, on Beijing dates: filed, accepted, …, decided — none of the departments' own.
    const steps = res.json().steps as { on: string; step: string }[];
    expect(steps[0]).toEqual({ on: beijingDate(decided.submittedAt), step: 'submitted' });
    expect(steps.at(-1)).toEqual({ on: beijingDate(decided.decidedAt!), step: 'approved' });
    expect(steps.map((x) => x.step)).toContain('accepted');
    expect(steps.map((x) => x.on)).toEqual(steps.map((x) => x.on).sort());
    expect(steps.map((x) => x.step)).not.toContain('task-approved');
  });

  it('tells nobody of events older than a day', async () => {
    const told = await sql<{ at: string }>`
      SELECT coalesce(o.payload->>'at', o.payload->>'decidedAt') AS at
        FROM notify.notification n JOIN platform.outbox o ON o.id = split_part(n.key, ':', 1)::bigint`.execute(t.db);
    const dayAgo = seededAt.getTime() - 24 * 3_600_000;
    for (const n of told.rows) expect(new Date(n.at).getTime()).toBeGreaterThanOrEqual(dayAgo - 60_000);
    const old = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM platform.outbox WHERE topic LIKE 'cases.case-%' AND topic <> 'cases.case-event'`.execute(
      t.db,
    );
    expect(old.rows[0]!.n).toBeGreaterThan(told.rows.length);
  });

  it('writes nothing when run again', async () => {
    const before = (await cases()).length;
    const again = await seedDemoHistory(wiring, log, { cases: 80, months: 3, seed: 20261122, province: '52' });
    expect(again).toMatchObject({ skipped: 'cases-exist', filed: 0 });
    expect(await cases()).toHaveLength(before);
  });
});
