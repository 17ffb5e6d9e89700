/**
 * Writing clocks: one row per kind and subject, upserted whenever its source moves (idempotent:
 * the same facts give the same row). A clock that moves, pauses or stops has its open warnings
 * cleared. Writers share the sweep's watermark row first (a sweep waits for them and they for a
 * sweep, always in that order), and a clock saved with a moment the sweep has already passed is
 * marked for the next sweep to look at (`recheck`).
 */
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { svq, type ClockTable } from '../supervision.tables.js';
import { DEFAULT_THRESHOLD, warningMoments, type Threshold } from './clock-rules.js';

export type ClockInput = Pick<
  ClockTable,
  | 'kind'
  | 'subjectId'
  | 'caseId'
  | 'reference'
  | 'title'
  | 'itemType'
  | 'regionCode'
  | 'departmentId'
  | 'ownerStaffId'
  | 'startedOn'
  | 'limitDays'
  | 'dueOn'
  | 'pausedSince'
>;

/** The yellow threshold of an item type (its own, else the `*` row, else the default). */
export async function thresholdFor(db: Db, itemType: string | null): Promise<Threshold> {
  const rows = await svq(db)
    .selectFrom('supervision.threshold')
    .select(['itemType', 'yellowDays', 'yellowShare'])
    .where('itemType', 'in', itemType ? [itemType, '*'] : ['*'])
    .execute();
  const row = rows.find((r) => r.itemType === itemType) ?? rows.find((r) => r.itemType === '*');
  return row ? { days: row.yellowDays, share: Number(row.yellowShare) } : DEFAULT_THRESHOLD;
}

/** How far the sweep has looked; held shared until the caller's transaction ends. */
export async function shareSweepMark(db: Db): Promise<Date> {
  const { rows } = await sql<{ sweptTo: Date }>`
    SELECT swept_to AS "sweptTo" FROM supervision.sweep_mark WHERE id = 1 FOR SHARE`.execute(db);
  return rows[0]?.sweptTo ?? new Date(0);
}

/** Starts or moves a running (or paused) clock; answers its id. */
export async function saveClock(db: Db, calendar: WorkingCalendar, at: Date, input: ClockInput): Promise<string> {
  const sweptTo = await shareSweepMark(db);
  const { yellowAt, redAt } = warningMoments(calendar, input, await thresholdFor(db, input.itemType));
  const state = input.pausedSince ? 'paused' : 'running';
  const recheck = state === 'running' && yellowAt <= sweptTo;
  const saved = await svq(db)
    .insertInto('supervision.clock')
    .values({ id: randomUUID(), ...input, yellowAt, redAt, state, recheck, stoppedAt: null, updatedAt: at })
    .onConflict((oc) =>
      oc.columns(['kind', 'subjectId']).doUpdateSet({
        reference: (eb) => eb.ref('excluded.reference'),
        title: (eb) => eb.ref('excluded.title'),
        regionCode: (eb) => eb.ref('excluded.regionCode'),
        departmentId: (eb) => eb.ref('excluded.departmentId'),
        ownerStaffId: (eb) => eb.ref('excluded.ownerStaffId'),
        startedOn: (eb) => eb.ref('excluded.startedOn'),
        limitDays: (eb) => eb.ref('excluded.limitDays'),
        dueOn: (eb) => eb.ref('excluded.dueOn'),
        pausedSince: (eb) => eb.ref('excluded.pausedSince'),
        yellowAt: (eb) => eb.ref('excluded.yellowAt'),
        redAt: (eb) => eb.ref('excluded.redAt'),
        state: (eb) => eb.ref('excluded.state'),
        recheck: (eb) => eb.ref('excluded.recheck'),
        stoppedAt: null,
        updatedAt: (eb) => eb.ref('excluded.updatedAt'),
      }),
    )
    .returning(['id', 'state', 'dueOn'])
    .executeTakeFirstOrThrow();
  await svq(db)
    .updateTable('supervision.warning')
    .set({ clearedAt: at })
    .where('clockId', '=', saved.id)
    .where('clearedAt', 'is', null)
    .where((eb) => (saved.state === 'paused' ? eb.val(true) : eb('dueOn', '<>', saved.dueOn)))
    .execute();
  return saved.id;
}

/** Stops the clocks of a case that are not among `keep` (a task done, a case decided, a promise kept). */
export async function stopOtherClocksOfCase(db: Db, at: Date, caseId: string, keep: string[]): Promise<void> {
  await shareSweepMark(db);
  const stopped = await svq(db)
    .updateTable('supervision.clock')
    .set({ state: 'stopped', stoppedAt: at, updatedAt: at })
    .where('caseId', '=', caseId)
    .where('state', '<>', 'stopped')
    .$if(keep.length > 0, (q) => q.where('id', 'not in', keep))
    .returning('id')
    .execute();
  await clearWarnings(
    db,
    at,
    stopped.map((c) => c.id),
  );
}

/** Stops one clock (a complaint answered, an order answered). */
export async function stopClock(db: Db, at: Date, kind: ClockTable['kind'], subjectId: string): Promise<void> {
  await shareSweepMark(db);
  const stopped = await svq(db)
    .updateTable('supervision.clock')
    .set({ state: 'stopped', stoppedAt: at, updatedAt: at })
    .where('kind', '=', kind)
    .where('subjectId', '=', subjectId)
    .where('state', '<>', 'stopped')
    .returning('id')
    .execute();
  await clearWarnings(
    db,
    at,
    stopped.map((c) => c.id),
  );
}

async function clearWarnings(db: Db, at: Date, clockIds: string[]): Promise<void> {
  if (clockIds.length === 0) return;
  await svq(db)
    .updateTable('supervision.warning')
    .set({ clearedAt: at })
    .where('clockId', 'in', clockIds)
    .where('clearedAt', 'is', null)
    .execute();
}
