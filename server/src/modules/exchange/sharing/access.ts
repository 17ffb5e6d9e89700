/** Who may act for a department in the exchange: staff whose data scope covers it. */
import type { Actor } from '../../../platform/context.js';
import { forbidden, unauthorized } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';
import type { Department } from '../departments.js';

/** Roles that work with shared data for their department (query, record life events, read the inbox). */
export const WORKING_ROLES = ['window_clerk', 'approver', 'department_head', 'data_admin'] as const;

export function requireStaff(actor: Actor): void {
  if (actor.kind === 'anonymous') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  if (actor.kind !== 'staff') throw forbidden('EXCHANGE.STAFF_ONLY', { zh: '仅政务工作人员可使用数据共享交换', en: 'Only government staff use data sharing' });
}

export const coversDepartment = (actor: Actor, d: Department): boolean => isWithinScope(actor, { regionCode: d.regionCode, departmentId: d.id });

/** The caller must be staff whose scope covers the department. */
export function requireDepartment(actor: Actor, d: Department): void {
  requireStaff(actor);
  if (!coversDepartment(actor, d)) {
    throw forbidden('EXCHANGE.NOT_YOUR_DEPARTMENT', { zh: `您无权代表${d.name}办理`, en: 'You may not act for this department' }, [], { departmentId: d.id });
  }
}
