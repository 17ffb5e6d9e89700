/** What other modules may know of a case, through `cases/index.ts`: read-only facts, never rows. */
import type { Db } from '../../../platform/db/index.js';
import { sql } from 'kysely';
import { kq } from '../cases.tables.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { openForm } from './form-store.js';

const SUMMARY = [
  'id',
  'trackingCode',
  'status',
  'itemCode',
  'basicCode',
  'itemName',
  'departmentId',
  'regionCode',
  'applicantPersonId',
  'applicantEnterpriseId',
  'submittedAt',
  'decidedAt',
] as const;

/** Rows of several cases grouped by case, in their order, without the case id. */
function byCase<R extends { caseId: string }>(rows: readonly R[]): Map<string, Omit<R, 'caseId'>[]> {
  const out = new Map<string, Omit<R, 'caseId'>[]>();
  for (const { caseId, ...row } of rows) {
    const list = out.get(caseId);
    if (list) list.push(row);
    else out.set(caseId, [row]);
  }
  return out;
}

/**
 * A case as 好差评, 投诉举报 and 政策找人 (the offer it answers) need it: its item (and 基本编码), its applicant, where it was handled, whether it has
 * ended, and the staff who acted on it (谁办理、谁负责), from the event log.
 */
export async function findCaseFacts(db: Db, caseId: string) {
  const c = await kq(db).selectFrom('cases.case').select(SUMMARY).where('id', '=', caseId).executeTakeFirst();
  if (!c) return undefined;
  const handlers = await kq(db)
    .selectFrom('cases.event')
    .select('actorId')
    .distinct()
    .where('caseId', '=', caseId)
    .where('actorKind', '=', 'staff')
    .execute();
  return { ...c, handlerIds: handlers.flatMap((h) => (h.actorId ? [h.actorId] : [])) };
}

/** A case as `findCaseFacts` has it, without the staff who acted on it. */
export type CaseSummary = Omit<NonNullable<Awaited<ReturnType<typeof findCaseFacts>>>, 'handlerIds'>;

/**
 * Several cases at once (an outbox batch: 政策找人, what people are told), in one query and
 * without their handlers: case id → its facts, an unknown id left out.
 */
export async function listCaseSummaries(db: Db, caseIds: readonly string[]): Promise<Map<string, CaseSummary>> {
  if (caseIds.length === 0) return new Map();
  const rows = await kq(db)
    .selectFrom('cases.case')
    .select(SUMMARY)
    .where('id', 'in', [...new Set(caseIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A decided case as the licence module needs it to issue the e-licence of its result (the item,
 * the deciding department, the applicant, the form); undefined for an unknown or undecided case.
 */
export async function findDecidedCase(db: Db, cipher: FieldCipher, caseId: string) {
  const c = await kq(db)
    .selectFrom('cases.case')
    .select([
      'id',
      'itemCode',
      'itemName',
      'departmentId',
      'regionCode',
      'status',
      'form',
      'formEnc',
      'applicantPersonId',
      'applicantEnterpriseId',
      'applicantName',
      'decisionNo',
      'decidedAt',
    ])
    .where('id', '=', caseId)
    .where('decidedAt', 'is not', null)
    .executeTakeFirst();
  if (!c) return undefined;
  const { formEnc: _sealed, ...rest } = c;
  return { ...rest, form: openForm(cipher, c) };
}

/** 用证 within a case: the case's department and region when this person or enterprise applied for it. */
export async function caseOfApplicant(
  db: Db,
  caseId: string,
  applicant: { personId: string } | { enterpriseId: string },
): Promise<{ departmentId: string; regionCode: string } | undefined> {
  const q = kq(db).selectFrom('cases.case').select(['departmentId', 'regionCode']).where('id', '=', caseId);
  return (
    'personId' in applicant
      ? q.where('applicantPersonId', '=', applicant.personId)
      : q.where('applicantEnterpriseId', '=', applicant.enterpriseId)
  ).executeTakeFirst();
}

/**
 * The clocks a case runs, as 电子监察 (supervision) watches them: where it is handled, its status
 * and dates, the open pause (补正 or a special procedure), its tasks, its 容缺 promises, and from
 * the event log when it was last (re)submitted and how often 补正 was asked. Undefined for an
 * unknown case.
 */
export async function caseClockFacts(db: Db, caseId: string) {
  return (await listCaseClockFacts(db, [caseId])).get(caseId);
}

/**
 * The clock facts of several cases (an outbox batch) in five queries, whatever their number: case
 * id → its facts, an unknown id left out.
 */
export async function listCaseClockFacts(db: Db, caseIds: readonly string[]) {
  const ids = [...new Set(caseIds)];
  const cases = ids.length
    ? await kq(db)
        .selectFrom('cases.case')
        .select([
          'id',
          'trackingCode',
          'itemName',
          'itemType',
          'departmentId',
          'regionCode',
          'status',
          'submittedAt',
          'acceptedOn',
          'dueOn',
          'promisedDays',
          'legalDays',
          'applicantPersonId',
        ])
        .where('id', 'in', ids)
        .execute()
    : [];
  if (cases.length === 0) return new Map<string, never>();
  const found = cases.map((c) => c.id);
  const [tasks, pauses, promises, log] = await Promise.all([
    kq(db)
      .selectFrom('cases.task')
      .select([
        'caseId',
        'id',
        'name',
        'departmentId',
        'regionCode',
        'assigneeId',
        'status',
        'openedOn',
        'dueOn',
        'limitDays',
      ])
      .where('caseId', 'in', found)
      .execute(),
    kq(db)
      .selectFrom('cases.pause')
      .select(['caseId', 'kind', 'startedOn'])
      .where('caseId', 'in', found)
      .where('endedOn', 'is', null)
      .execute(),
    kq(db)
      .selectFrom('cases.material')
      .select(['caseId', 'materialIndex', 'name', 'dueOn'])
      .where('caseId', 'in', found)
      .where('kind', '=', 'promise')
      .where('supersededAt', 'is', null)
      .where('dueOn', 'is not', null)
      .execute(),
    kq(db)
      .selectFrom('cases.event')
      .select(['caseId', 'type', 'at'])
      .where('caseId', 'in', found)
      .where('type', 'in', ['submitted', 'released', 'supplemented', 'supplement-requested'])
      .orderBy('id')
      .execute(),
  ]);
  const [tasksOf, pausesOf, promisesOf, logOf] = [byCase(tasks), byCase(pauses), byCase(promises), byCase(log)];
  return new Map(
    cases.map((c) => {
      const events = logOf.get(c.id) ?? [];
      const lastFiled = events.filter((e) => e.type !== 'supplement-requested').at(-1)?.at ?? c.submittedAt;
      const supplementRequests = events.filter((e) => e.type === 'supplement-requested').map((e) => e.at);
      const facts = {
        ...c,
        tasks: tasksOf.get(c.id) ?? [],
        pause: pausesOf.get(c.id)?.[0] ?? null,
        promises: promisesOf.get(c.id) ?? [],
        lastFiledAt: lastFiled,
        supplementRequests,
      };
      return [c.id, facts] as const;
    }),
  );
}

export type CaseClockFacts = NonNullable<Awaited<ReturnType<typeof caseClockFacts>>>;

/** The decisions a supervision rule weighs: a case decided or a task approved or refused. */
export const DECISION_EVENTS = ['approved', 'refused', 'task-approved'] as const;

/**
 * What 异常监察 reads of one case's event log: its special-procedure pauses (with their kinds and
 * dates), its withdrawal, and its decisions with the account that made them.
 */
export async function caseSupervisionLog(db: Db, caseId: string) {
  return (await listCaseSupervisionLogs(db, [caseId])).get(caseId)!;
}

/** What 异常监察 reads of several cases' event logs, in two queries: case id → its log (empty for an unknown case). */
export async function listCaseSupervisionLogs(db: Db, caseIds: readonly string[]) {
  const ids = [...new Set(caseIds)];
  const [pauses, events] = ids.length
    ? await Promise.all([
        kq(db)
          .selectFrom('cases.pause')
          .select(['caseId', 'kind', 'startedOn', 'endedOn'])
          .where('caseId', 'in', ids)
          .where('kind', '<>', 'supplement')
          .orderBy('startedOn')
          .execute(),
        kq(db)
          .selectFrom('cases.event')
          .select(['caseId', 'type', 'at', 'actorId', 'actorKind'])
          .where('caseId', 'in', ids)
          .where('type', 'in', ['withdrawn', ...DECISION_EVENTS])
          .orderBy('id')
          .execute(),
      ])
    : [[], []];
  const [pausesOf, eventsOf] = [byCase(pauses), byCase(events)];
  return new Map(ids.map((id) => [id, { pauses: pausesOf.get(id) ?? [], events: eventsOf.get(id) ?? [] }]));
}

export type CaseSupervisionLog = Awaited<ReturnType<typeof caseSupervisionLog>>;

/**
 * The cases one staff account decided within the given spans of time (for the bulk out-of-hours
 * rule): how many — a case counts once, though approving its task and then the case are two
 * events —, when the first decision was, and the tracking codes of the first `sample` cases in
 * the order they were decided. One statement over the index on the account's decisions; only the
 * sample is joined to its cases, so an account deciding in the thousands costs a count, not
 * thousands of rows.
 */
export async function staffDecisionBurst(
  db: Db,
  staffId: string,
  /** Half-open spans [from, to). */
  spans: readonly (readonly [Date, Date])[],
  sample: number,
): Promise<{ decisions: number; first: Date | null; trackingCodes: string[] }> {
  if (spans.length === 0) return { decisions: 0, first: null, trackingCodes: [] };
  const within = sql.join(
    spans.map(([from, to]) => sql`(e.at >= ${from} AND e.at < ${to})`),
    sql` OR `,
  );
  const { rows } = await sql<{ decisions: number; first: Date | null; trackingCodes: string[] }>`
    WITH d AS MATERIALIZED (
      SELECT e.case_id, min(e.at) AS at FROM cases.event e
       WHERE e.actor_id = ${staffId} AND e.actor_kind = 'staff'
         AND e.type IN (${sql.join(DECISION_EVENTS)}) AND (${within})
       GROUP BY e.case_id)
    SELECT (SELECT count(*)::int FROM d) AS decisions,
           (SELECT min(at) FROM d) AS first,
           ARRAY(SELECT c.tracking_code FROM (SELECT * FROM d ORDER BY at, case_id LIMIT ${sample}) s
                   JOIN cases.case c ON c.id = s.case_id ORDER BY s.at, s.case_id) AS tracking_codes`.execute(db);
  const r = rows[0]!;
  return { decisions: r.decisions, first: r.first, trackingCodes: r.trackingCodes };
}

/**
 * Cases as the big-data centre (analytics) reads them: where and how each was filed and handled,
 * its promised limit, 免提交 savings, its event log (types and times, no detail), its pauses and
 * its tasks. The applicant appears as an account id only, for counting distinct people; nothing
 * else personal. Unknown ids are left out.
 */
export async function caseAnalyticsFacts(db: Db, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const [cases, events, pauses, tasks] = await Promise.all([
    kq(db)
      .selectFrom('cases.case')
      .select([
        'id',
        'itemCode',
        'itemName',
        'itemType',
        'regionCode',
        'departmentId',
        'channel',
        'status',
        'applicantPersonId',
        'promisedDays',
        'submittedAt',
        'acceptedOn',
        'decidedAt',
        'materialsSaved',
        'visitsSaved',
      ])
      .where('id', 'in', caseIds)
      .execute(),
    kq(db)
      .selectFrom('cases.event')
      .select(['id', 'caseId', 'type', 'at', 'taskId'])
      .where('caseId', 'in', caseIds)
      .orderBy('id')
      .execute(),
    kq(db)
      .selectFrom('cases.pause')
      .select(['caseId', 'kind', 'startedOn', 'endedOn'])
      .where('caseId', 'in', caseIds)
      .orderBy('startedOn')
      .execute(),
    kq(db)
      .selectFrom('cases.task')
      .select(['id', 'caseId', 'stageIndex', 'name', 'departmentId', 'status', 'openedOn', 'completedAt', 'limitDays'])
      .where('caseId', 'in', caseIds)
      .orderBy('openedOn')
      .execute(),
  ]);
  const byCase = <T extends { caseId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.caseId);
      if (list) list.push(r);
      else m.set(r.caseId, [r]);
    }
    return (id: string) => m.get(id) ?? [];
  };
  const [eventsOf, pausesOf, tasksOf] = [byCase(events), byCase(pauses), byCase(tasks)];
  return cases.map((c) => ({
    ...c,
    events: eventsOf(c.id).map((e) => ({ ...e, id: Number(e.id) })),
    pauses: pausesOf(c.id),
    tasks: tasksOf(c.id),
  }));
}

export type CaseAnalyticsFacts = Awaited<ReturnType<typeof caseAnalyticsFacts>>[number];

/** Whether any case was ever filed (the demo history is seeded only into a platform without one). */
export async function anyCaseFiled(db: Db): Promise<boolean> {
  return Boolean(await kq(db).selectFrom('cases.case').select('id').limit(1).executeTakeFirst());
}

/** The open tasks of a case, as an approver's queue lists them: which department, and the version to name. */
export async function openTasksOfCase(db: Db, caseId: string) {
  return kq(db)
    .selectFrom('cases.task')
    .select(['id', 'version', 'departmentId', 'stageIndex', 'taskKey'])
    .where('caseId', '=', caseId)
    .where('status', '=', 'open')
    .orderBy('stageIndex')
    .orderBy('taskKey')
    .execute();
}
