/**
 * Who may see and act on a case, by the platform's one data-scope rule: the applicant (or the
 * enterprise they act for, with the right scope), or staff whose region and departments cover it —
 * windows and supervisors for every department of their region. 全省通办: the window that filed a
 * case (收件地) keeps reading it and hands over the result; the handling place (办理地) decides.
 */
import type { Actor } from '../../../platform/context.js';
import { forbidden, notFound, unauthorized } from '../../../platform/errors.js';
import { isWithinRegion, isWithinScope } from '../../../platform/scope.js';
import type { Selectable } from 'kysely';
import type { CaseTable } from '../cases.tables.js';

type Owned = Pick<
  Selectable<CaseTable>,
  'id' | 'regionCode' | 'departmentId' | 'applicantPersonId' | 'applicantEnterpriseId'
> & { filingRegionCode?: string | null };

/** Staff who read every case of their region, whatever its department: the 综合窗口 accepts them all, supervisors watch them. */
export const CASE_READERS = { regionWide: ['window_clerk', 'supervisor'] };

export const caseNotFound = (id: string) =>
  notFound('CASES.NOT_FOUND', { zh: '办件不存在或无权查看', en: 'No such case, or not yours to see' }, [], { id });

/**
 * Applicants see their own cases; an enterprise's cases need the `track` scope. Staff: cases of
 * their region that their departments lead or have a task in (windows and supervisors: every case
 * of their region), and the filing window the cases it filed.
 */
export function canSee(actor: Actor, c: Owned, taskDepartments: readonly string[] = []): boolean {
  if (actor.kind === 'staff') {
    return (
      isFilingWindow(actor, c) ||
      [c.departmentId, ...taskDepartments].some((departmentId) =>
        isWithinScope(actor, { regionCode: c.regionCode, departmentId }, CASE_READERS),
      )
    );
  }
  if (actor.kind !== 'person') return false;
  if (c.applicantEnterpriseId)
    return isWithinScope(actor, { enterpriseId: c.applicantEnterpriseId }) && actor.actingFor!.scopes.includes('track');
  return isWithinScope(actor, { personId: c.applicantPersonId });
}

/** The applicant of a case: the person, acting for themselves, or whoever acts for the enterprise that applied. */
export function isApplicantOf(
  actor: Actor,
  c: { applicantPersonId: string; applicantEnterpriseId: string | null },
): boolean {
  if (actor.kind !== 'person' || !actor.id) return false;
  return c.applicantEnterpriseId
    ? actor.actingFor?.enterpriseId === c.applicantEnterpriseId
    : !actor.actingFor && actor.id === c.applicantPersonId;
}

export function requireApplicant(actor: Actor, c: Owned): void {
  if (actor.kind === 'anonymous') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  if (!isApplicantOf(actor, c)) throw caseNotFound(c.id);
}

/** The window (收件地) that filed the case for a walk-in resident: a window clerk of that region. */
function isFilingWindow(actor: Actor, c: Owned): boolean {
  return (
    actor.roles.includes('window_clerk') && Boolean(c.filingRegionCode) && isWithinRegion(actor, c.filingRegionCode!)
  );
}

/** Window work (受理, 送达): a window clerk whose region covers the case, or the window that filed it. */
export function requireWindow(actor: Actor, c: Owned): void {
  if (actor.kind !== 'staff' || !actor.roles.includes('window_clerk')) {
    throw forbidden('CASES.WINDOW_ONLY', { zh: '仅综合窗口人员可办理', en: 'Only window clerks can do this' });
  }
  if (!isWithinRegion(actor, c.regionCode) && !isFilingWindow(actor, c)) throw caseNotFound(c.id);
}
