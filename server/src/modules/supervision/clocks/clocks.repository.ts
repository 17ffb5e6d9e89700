/**
 * Writing clocks: one row per kind and subject, upserted whenever its source moves (idempotent:
 * the same facts give the same row). A clock that moves, pauses or stops has its open warnings
 * cleared. Writers share the sweep's watermark row first (a sweep waits for them and they for a
 * sweep, always in that order), and a clock saved with a moment the sweep has already passed is
 * marked for the next sweep to look at (`recheck`).
 */
import { sql, type Insertable } from 'kysely';
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
  return (await thresholdsFor(db, [itemType]))(itemType);
}

/** The yellow thresholds of several item types in one query, as `thresholdFor` answers each. */
export async function thresholdsFor(
  db: Db,
  itemTypes: readonly (string | null)[],
): Promise<(itemType: string | null) => Threshold> {
  const types = [...new Set(itemTypes.filter((t): t is string => t !== null))];
  const rows = await svq(db)
    .selectFrom('supervision.threshold')
    .select(['itemType', 'yellowDays', 'yellowShare'])
    .where('itemType', 'in', [...types, '*'])
    .execute();
  return (itemType) => {
    const row = rows.find((r) => r.itemType === itemType) ?? rows.find((r) => r.itemType === '*');
    return row ? { days: row.yellowDays, share: Number(row.yellowShare) } : DEFAULT_THRESHOLD;
  };
}

/** How far the sweep has looked; held shared until the caller's transaction ends. */
export async function shareSweepMark(db: Db): Promise<Date> {
  const { rows } = await sql<{ sweptTo: Date }>`
    SELECT swept_to AS "sweptTo" FROM supervision.sweep_mark WHERE id = 1 FOR SHARE`.execute(db);
  return rows[0]?.sweptTo ?? new Date(0);
}

/** Starts or moves a running (or paused) clock; answers its id. */
export async function saveClock(db: Db, calendar: WorkingCalendar, at: Date, input: ClockInput): Promise<string> {
  return (await saveClocks(db, calendar, at, [input]))[0]!;
}

const clockKey = (c: Pick<ClockInput, 'kind' | 'subjectId'>) => `${c.kind}\n${c.subjectId}`;

/**
 * Starts or moves several clocks in one upsert (and clears their warnings in one update); answers
 * their ids in the order given. `sweptTo`: the sweep mark the caller's transaction already shares.
 */
export async function saveClocks(
  db: Db,
  calendar: WorkingCalendar,
  at: Date,
  inputs: readonly ClockInput[],
  sweptTo?: Date,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const mark = sweptTo ?? (await shareSweepMark(db));
  const threshold = await thresholdsFor(
    db,
    inputs.map((i) => i.itemType),
  );
  // One row per clock: of a clock given twice, the last (as saving them one after another would leave it).
  const rows = new Map<string, Insertable<ClockTable>>();
  for (const input of inputs) {
    const { yellowAt, redAt } = warningMoments(calendar, input, threshold(input.itemType));
    const state = input.pausedSince ? 'paused' : 'running';
    const recheck = state === 'running' && yellowAt <= mark;
    rows.set(clockKey(input), {
      id: randomUUID(),
      ...input,
      yellowAt,
      redAt,
      state,
      recheck,
      stoppedAt: null,
      updatedAt: at,
    });
  }
  const saved = await svq(db)
    .insertInto('supervision.clock')
    .values([...rows.values()])
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
    .returning(['id', 'kind', 'subjectId'])
    .execute();
  // A clock that moved or paused: its open warnings no longer hold.
  await sql`
    UPDATE supervision.warning w SET cleared_at = ${at}
      FROM supervision.clock c
     WHERE c.id = ANY(${saved.map((c) => c.id)}::uuid[]) AND w.clock_id = c.id AND w.cleared_at IS NULL
       AND (c.state = 'paused' OR w.due_on <> c.due_on)`.execute(db);
  const ids = new Map(saved.map((c) => [clockKey(c), c.id]));
  return inputs.map((i) => ids.get(clockKey(i))!);
}

/** Stops the clocks of a case that are not among `keep` (a task done, a case decided, a promise kept). */
export async function stopOtherClocksOfCase(db: Db, at: Date, caseId: string, keep: string[]): Promise<void> {
  await stopOtherClocksOfCases(db, at, [caseId], keep);
}

/**
 * Stops the clocks of several cases that are not among `keep`, in one update. `sweepShared`: the
 * caller's transaction already shares the sweep mark.
 */
export async function stopOtherClocksOfCases(
  db: Db,
  at: Date,
  caseIds: readonly string[],
  keep: readonly string[],
  sweepShared = false,
): Promise<void> {
  if (caseIds.length === 0) return;
  if (!sweepShared) await shareSweepMark(db);
  const stopped = await svq(db)
    .updateTable('supervision.clock')
    .set({ state: 'stopped', stoppedAt: at, updatedAt: at })
    .where('caseId', 'in', [...caseIds])
    .where('state', '<>', 'stopped')
    .$if(keep.length > 0, (q) => q.where('id', 'not in', [...keep]))
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
