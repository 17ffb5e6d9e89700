/** Who may act for a department in the exchange: staff whose data scope covers it. */
import type { Actor } from '../../../platform/context.js';
import { forbidden, unauthorized } from '../../../platform/errors.js';
import { isWithinScope, type ScopeOptions } from '../../../platform/scope.js';
import type { Department } from '../departments.js';

/** Roles that work with shared data for their department (query, record life events, read the inbox). */
export const WORKING_ROLES = ['window_clerk', 'approver', 'department_head', 'data_admin', 'registrar'] as const;

export function requireStaff(actor: Actor): void {
  if (actor.kind === 'anonymous') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  if (actor.kind !== 'staff')
    throw forbidden('EXCHANGE.STAFF_ONLY', {
      zh: '仅政务工作人员可使用数据共享交换',
      en: 'Only government staff use data sharing',
    });
}

/** Whether the staff member acts for the department: it is one of theirs (or their role spans the region, by `opts`). */
export const coversDepartment = (actor: Actor, d: Department, opts: ScopeOptions = {}): boolean =>
  isWithinScope(actor, { regionCode: d.regionCode, departmentId: d.id }, opts);

/** The caller must be staff who act for the department. */
export function requireDepartment(actor: Actor, d: Department, opts: ScopeOptions = {}): void {
  requireStaff(actor);
  if (!coversDepartment(actor, d, opts)) {
    throw forbidden(
      'EXCHANGE.NOT_YOUR_DEPARTMENT',
      { zh: `您无权代表${d.name}办理`, en: 'You may not act for this department' },
      [],
      { departmentId: d.id },
    );
  }
}
