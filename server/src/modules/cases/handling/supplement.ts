/**
 * 一次性告知 happens once: the window tells the applicant everything missing in one notice. Another
 * notice needs a department head's approval with a reason; the approval, the notice and the
 * applicant's reply (补正 note) are all in the case's event log, which is what this reads.
 */
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { conflict } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { appendCaseEvent } from '../process/events.js';
import { beijingDate } from '../process/clock.js';
import { caseNotFound } from './access.js';
import { lockCase, requireStatus } from './load.js';

export interface SupplementState {
  /** 一次性告知 given so far. */
  notices: number;
  requestedAt: Date;
  items: string[];
  note: string;
  /** The applicant's answer to the latest notice (补正), when given. */
  reply: { at: Date; note: string } | null;
  /** A department head approved one more notice (and why). */
  anotherNotice: { reason: string; at: Date } | null;
}

/** The latest notice, its reply and whether another notice is approved; undefined before any notice. */
export async function supplementState(db: Db, caseId: string): Promise<SupplementState | undefined> {
  const events = await kq(db)
    .selectFrom('cases.event')
    .select(['type', 'at', 'detail'])
    .where('caseId', '=', caseId)
    .where('type', 'in', ['supplement-requested', 'supplemented', 'another-notice-approved'])
    .orderBy('id')
    .execute();
  const notices = events.filter((e) => e.type === 'supplement-requested');
  const last = notices.at(-1);
  if (!last) return undefined;
  const after = events.slice(events.indexOf(last) + 1);
  const reply = after.filter((e) => e.type === 'supplemented').at(-1);
  const approval = after.filter((e) => e.type === 'another-notice-approved').at(-1);
  return {
    notices: notices.length,
    requestedAt: last.at,
    items: (last.detail.items as string[] | undefined) ?? [],
    note: String(last.detail.note ?? ''),
    reply: reply ? { at: reply.at, note: String(reply.detail.note ?? '') } : null,
    anotherNotice: approval ? { reason: String(approval.detail.reason ?? ''), at: approval.at } : null,
  };
}

/** Before a notice: the first is free; each further one needs its own approval by a department head. */
export function requireNoticeAllowed(state: SupplementState | undefined): void {
  if (state && !state.anotherNotice) {
    throw conflict(
      'CASES.NOTICE_ALREADY_GIVEN',
      {
        zh: `已于 ${beijingDate(state.requestedAt)} 一次性告知补正内容；再次告知须经部门负责人批准并说明理由`,
        en: 'The one-time notice was already given; another one needs a department head’s approval with a reason',
      },
      [],
      { notices: state.notices },
    );
  }
}

/** A department head (of the case's department, in scope) approves one more notice, with a reason. */
export async function approveAnotherNotice(
  deps: CasesDeps,
  actor: Actor,
  { caseId, reason }: { caseId: string; reason: string },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    if (
      actor.kind !== 'staff' ||
      !actor.roles.includes('department_head') ||
      !isWithinScope(actor, { regionCode: c.regionCode, departmentId: c.departmentId })
    )
      throw caseNotFound(caseId);
    requireStatus(c, ['submitted'], '批准再次告知');
    const state = await supplementState(trx, c.id);
    if (!state)
      throw conflict('CASES.NO_NOTICE_YET', {
        zh: '尚未一次性告知，窗口可直接告知，无需批准',
        en: 'No notice was given yet; the window needs no approval for the first',
      });
    if (state.anotherNotice)
      throw conflict('CASES.NOTICE_ALREADY_APPROVED', {
        zh: '已批准再次告知，尚待窗口发出',
        en: 'Another notice is already approved and not yet given',
      });
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'another-notice-approved',
      from: null,
      to: null,
      at: deps.now(),
      detail: { reason, notices: state.notices },
    });
  });
}
