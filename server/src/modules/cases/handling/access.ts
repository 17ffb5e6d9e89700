/**
 * Who may see and act on a case, by the platform's one data-scope rule: the applicant (or the
 * enterprise they act for, with the right scope), or staff whose region (and departments) cover it.
 */
import type { Actor } from '../../../platform/context.js';
import { forbidden, notFound, unauthorized } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';
import type { Selectable } from 'kysely';
import type { CaseTable } from '../cases.tables.js';

type Owned = Pick<Selectable<CaseTable>, 'id' | 'regionCode' | 'departmentId' | 'applicantPersonId' | 'applicantEnterpriseId'> & { filedBy?: string | null };

export const caseNotFound = (id: string) => notFound('CASES.NOT_FOUND', { zh: '办件不存在或无权查看', en: 'No such case, or not yours to see' }, [], { id });

/**
 * Applicants see their own cases; an enterprise's cases need the `track` scope. Staff: cases of
 * their region, and when limited to departments, cases their departments lead or have a task in.
 */
export function canSee(actor: Actor, c: Owned, taskDepartments: readonly string[] = []): boolean {
  if (actor.kind === 'staff') return [c.departmentId, ...taskDepartments].some((departmentId) => isWithinScope(actor, { regionCode: c.regionCode, departmentId }));
  if (actor.kind !== 'person') return false;
  if (c.applicantEnterpriseId) return isWithinScope(actor, { enterpriseId: c.applicantEnterpriseId }) && actor.actingFor!.scopes.includes('track');
  return isWithinScope(actor, { personId: c.applicantPersonId });
}

/** The applicant of a case: the person, acting for themselves, or whoever acts for the enterprise that applied. */
export function isApplicantOf(actor: Actor, c: { applicantPersonId: string; applicantEnterpriseId: string | null }): boolean {
  if (actor.kind !== 'person' || !actor.id) return false;
  return c.applicantEnterpriseId ? actor.actingFor?.enterpriseId === c.applicantEnterpriseId : !actor.actingFor && actor.id === c.applicantPersonId;
}

export function requireApplicant(actor: Actor, c: Owned): void {
  if (actor.kind === 'anonymous') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  if (!isApplicantOf(actor, c)) throw caseNotFound(c.id);
}

/** Window work (受理): a window clerk whose region covers the case. */
export function requireWindow(actor: Actor, c: Owned): void {
  if (actor.kind !== 'staff' || !actor.roles.includes('window_clerk')) {
    throw forbidden('CASES.WINDOW_ONLY', { zh: '仅综合窗口人员可办理', en: 'Only window clerks can do this' });
  }
  // A window accepts the cases of its region, and those it filed itself for walk-in residents.
  if (c.filedBy !== actor.id && !isWithinScope({ ...actor, departmentIds: [] }, { regionCode: c.regionCode })) throw caseNotFound(c.id);
}
