import type { Db } from '../../../platform/db/index.js';
import { conflict } from '../../../platform/errors.js';
import { kq, type CaseStatus } from '../cases.tables.js';
import type { Actor } from '../../../platform/context.js';
import { canSee, caseNotFound } from './access.js';

/** The case row, locked for the rest of the transaction: every step of one case runs in turn. */
export async function lockCase(db: Db, id: string) {
  const c = await kq(db).selectFrom('cases.case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw caseNotFound(id);
  return c;
}

export type LockedCase = Awaited<ReturnType<typeof lockCase>>;

/** The case, when the actor may see it — staff also through a task of one of their departments; 404 otherwise. */
export async function findVisibleCase(db: Db, actor: Actor, id: string): Promise<LockedCase> {
  const c = await kq(db).selectFrom('cases.case').selectAll().where('id', '=', id).executeTakeFirst();
  const tasks =
    c && actor.kind === 'staff'
      ? await kq(db).selectFrom('cases.task').select('departmentId').distinct().where('caseId', '=', c.id).execute()
      : [];
  if (
    !c ||
    !canSee(
      actor,
      c,
      tasks.map((t) => t.departmentId),
    )
  )
    throw caseNotFound(id);
  return c;
}

/** 409 with the current state when a step does not fit it (accepting twice, approving a rejected case). */
export function requireStatus(
  c: { id: string; status: CaseStatus; version: number },
  allowed: CaseStatus[],
  step: string,
): void {
  if (!allowed.includes(c.status)) {
    throw conflict(
      'CASES.ILLEGAL_TRANSITION',
      { zh: `办件当前状态为「${STATUS_ZH[c.status]}」，不能${step}`, en: `The case is ${c.status}; cannot ${step}` },
      [],
      { status: c.status, version: c.version },
    );
  }
}

export const STATUS_ZH: Record<CaseStatus, string> = {
  waiting: '待前序事项办结',
  submitted: '待受理',
  awaiting_supplement: '待补正',
  in_progress: '办理中',
  suspended: '特别程序中',
  approved: '准予许可',
  refused: '不予许可',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
  terminated: '已终止',
};
