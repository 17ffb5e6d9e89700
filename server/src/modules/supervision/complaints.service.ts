/**
 * 投诉举报: a resident complains about a case of theirs or about a department, reports misconduct
 * (举报, optionally hiding who they are from the department) or suggests; the department's head or
 * a supervisor whose scope covers it answers within `answerDays` working days; the resident closes
 * it with how satisfied they are. What was written is encrypted at rest.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/context.js';
import { isUniqueViolation, type Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, unauthorized, unprocessable } from '../../platform/errors.js';
import { withinScope } from '../../platform/scope.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import { referenceCode } from '../../platform/ids/reference-code.js';
import { maskName } from '../../platform/privacy/index.js';
import { findDepartment } from '../catalog/index.js';
import { findCaseFacts, isApplicantOf } from '../cases/index.js';
import { personName } from '../identity/index.js';
import type { SupervisionDeps } from './supervision.deps.js';
import { svq, type ComplaintTable } from './supervision.tables.js';
import type { NewComplaint } from '../../../../contracts/complaints.js';
import { saveClock, stopClock } from './clocks/clocks.repository.js';

const HANDLERS = ['supervisor', 'department_head'];
/** A department head answers for their departments; supervisors for every department of their region. */
const SUPERVISED = { regionWide: ['supervisor'] };

function requirePerson(actor: Actor): asserts actor is Actor & { id: string } {
  if (actor.kind !== 'person' || !actor.id)
    throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
}

/** Where the complaint goes: the case's department (a case of the complainant's), or the department named. */
async function addressee(
  deps: SupervisionDeps,
  actor: Actor & { id: string },
  input: NewComplaint,
): Promise<{ departmentId: string; regionCode: string; caseId: string | null }> {
  if (input.caseId) {
    const c = await findCaseFacts(deps.db, input.caseId);
    if (!c || !isApplicantOf(actor, c))
      throw notFound('SUPERVISION.NO_CASE', { zh: '办件不存在或不是您的办件', en: 'No such case of yours' }, [], {
        caseId: input.caseId,
      });
    return { departmentId: c.departmentId, regionCode: c.regionCode, caseId: c.id };
  }
  const department = input.departmentId ? await findDepartment(deps.db, input.departmentId) : undefined;
  if (!department) {
    throw unprocessable(
      'SUPERVISION.WHICH_DEPARTMENT',
      { zh: '请选择投诉的办件或部门', en: 'Name the case or the department the complaint is about' },
      [
        {
          field: 'body.departmentId',
          code: 'SUPERVISION.WHICH_DEPARTMENT',
          message: { zh: '请选择部门', en: 'Choose a department' },
        },
      ],
    );
  }
  return { departmentId: department.id, regionCode: department.regionCode, caseId: null };
}

export async function fileComplaint(
  deps: SupervisionDeps,
  actor: Actor,
  input: NewComplaint,
): Promise<{ id: string; reference: string; dueOn: string }> {
  requirePerson(actor);
  return insertComplaint(deps, await addressee(deps, actor, input), input, { personId: actor.id });
}

/** Writes a new complaint with its reference and answer deadline, filed by a resident or by an API client. */
export async function insertComplaint(
  deps: SupervisionDeps,
  to: { departmentId: string; regionCode: string; caseId: string | null },
  input: Pick<NewComplaint, 'kind' | 'subject' | 'content' | 'hideIdentity'>,
  by: { personId: string } | { clientId: string },
  /** Written in the complaint's transaction (what a channel keeps beside it). */
  alongside?: (trx: Db, filed: { id: string; reference: string; dueOn: string }) => Promise<void>,
): Promise<{ id: string; reference: string; dueOn: string }> {
  const at = deps.now();
  const today = beijingDate(at);
  const calendar = await deps.calendar.calendar();
  const dueOn = calendar.addWorkingDays(today, deps.answerDays).due;
  for (let attempt = 0; ; attempt++) {
    const row = { id: randomUUID(), reference: referenceCode(today, 'TS'), dueOn };
    try {
      await deps.db.transaction().execute(async (trx) => {
        await svq(trx)
          .insertInto('supervision.complaint')
          .values({
            ...row,
            kind: input.kind,
            complainantPersonId: 'personId' in by ? by.personId : null,
            filedByClient: 'clientId' in by ? by.clientId : null,
            hideIdentity: input.hideIdentity,
            caseId: to.caseId,
            departmentId: to.departmentId,
            regionCode: to.regionCode,
            subject: input.subject,
            contentEnc: deps.cipher.encrypt(input.content),
            status: 'open',
            reply: null,
            repliedBy: null,
            repliedAt: null,
            satisfaction: null,
            closedAt: null,
            createdAt: at,
          })
          .execute();
        // 电子监察 watches the answer's deadline like any other clock.
        await saveClock(trx, calendar, at, {
          kind: 'complaint',
          subjectId: row.id,
          caseId: to.caseId,
          reference: row.reference,
          title: input.subject,
          itemType: null,
          regionCode: to.regionCode,
          departmentId: to.departmentId,
          ownerStaffId: null,
          startedOn: today,
          limitDays: deps.answerDays,
          dueOn,
          pausedSince: null,
        });
        await alongside?.(trx, row);
      });
      return { id: row.id, reference: row.reference, dueOn };
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}

const view = (deps: SupervisionDeps, c: Omit<ComplaintTable, 'version'> & { version: number }) => ({
  id: c.id,
  reference: c.reference,
  kind: c.kind,
  subject: c.subject,
  content: deps.cipher.decrypt(c.contentEnc),
  caseId: c.caseId,
  departmentId: c.departmentId,
  status: c.status,
  dueOn: c.dueOn,
  reply: c.reply,
  repliedAt: c.repliedAt,
  satisfaction: c.satisfaction,
  createdAt: c.createdAt,
  version: c.version,
});

/** The complainant's own complaints, newest first. */
export async function myComplaints(deps: SupervisionDeps, actor: Actor) {
  requirePerson(actor);
  const rows = await svq(deps.db)
    .selectFrom('supervision.complaint')
    .selectAll()
    .where('complainantPersonId', '=', actor.id)
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute();
  return rows.map((c) => view(deps, c));
}

/** The complaints a head or supervisor must answer, most urgent first; a hidden complainant stays hidden. */
export async function complaintQueue(
  deps: SupervisionDeps,
  actor: Actor,
  status: ComplaintTable['status'] | undefined,
) {
  if (actor.kind !== 'staff' || !HANDLERS.some((r) => actor.roles.includes(r)))
    throw forbidden('SUPERVISION.HANDLERS_ONLY', {
      zh: '仅部门负责人或监督人员可处理投诉',
      en: 'Only department heads and supervisors handle complaints',
    });
  let q = withinScope(
    svq(deps.db).selectFrom('supervision.complaint').selectAll(),
    actor,
    { region: 'regionCode', department: 'departmentId' },
    SUPERVISED,
  );
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('dueOn').orderBy('createdAt').limit(200).execute();
  const today = beijingDate(deps.now());
  return Promise.all(
    rows.map(async (c) => ({
      ...view(deps, c),
      complainant:
        c.hideIdentity || !c.complainantPersonId
          ? null
          : maskName((await personName(deps.db, c.complainantPersonId)) ?? ''),
      overdue: c.status === 'open' && c.dueOn < today,
    })),
  );
}

export async function answerComplaint(
  deps: SupervisionDeps,
  actor: Actor,
  id: string,
  input: { version: number; reply: string },
): Promise<void> {
  if (actor.kind !== 'staff' || !HANDLERS.some((r) => actor.roles.includes(r)))
    throw forbidden('SUPERVISION.HANDLERS_ONLY', {
      zh: '仅部门负责人或监督人员可处理投诉',
      en: 'Only department heads and supervisors handle complaints',
    });
  const found = await withinScope(
    svq(deps.db).selectFrom('supervision.complaint').select(['status', 'version']).where('id', '=', id),
    actor,
    { region: 'regionCode', department: 'departmentId' },
    SUPERVISED,
  ).executeTakeFirst();
  if (!found)
    throw notFound('SUPERVISION.NO_COMPLAINT', {
      zh: '投诉不存在或无权查看',
      en: 'No such complaint, or not yours to see',
    });
  const at = deps.now();
  const done = await deps.db.transaction().execute(async (trx) => {
    const answered = await svq(trx)
      .updateTable('supervision.complaint')
      .set((eb) => ({
        status: 'answered',
        reply: input.reply,
        repliedBy: actor.id,
        repliedAt: at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (answered) await stopClock(trx, at, 'complaint', id);
    return answered;
  });
  if (!done)
    throw conflict(
      'SUPERVISION.COMPLAINT_CHANGED',
      { zh: '该投诉已被处理或已变化，请刷新', en: 'The complaint has been answered or changed; reload' },
      [],
      { status: found.status, version: found.version },
    );
}

/** The complainant closes an answered complaint, saying how satisfied they are. */
export async function closeComplaint(
  deps: SupervisionDeps,
  actor: Actor,
  id: string,
  satisfaction: number,
): Promise<void> {
  requirePerson(actor);
  const done = await svq(deps.db)
    .updateTable('supervision.complaint')
    .set((eb) => ({ status: 'closed', satisfaction, closedAt: deps.now(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('complainantPersonId', '=', actor.id)
    .where('status', '=', 'answered')
    .returning('id')
    .executeTakeFirst();
  if (!done)
    throw conflict('SUPERVISION.NOT_ANSWERED', {
      zh: '该投诉尚未答复或已办结',
      en: 'The complaint is not answered yet, or already closed',
    });
}
