/**
 * The sections of 管理后台 and the staff roles each one needs — the same roles the server's routes
 * require, so that the menu never offers a page whose API would refuse the caller.
 */
import type { StaffRole } from './api';

export type SectionKey =
  | 'items'
  | 'themes'
  | 'policies'
  | 'processes'
  | 'staff'
  | 'calendar'
  | 'templates'
  | 'sharing'
  | 'audit'
  | 'departments'
  | 'assistant';

export interface Section {
  key: SectionKey;
  path: string;
  roles: readonly StaffRole[];
}

export const SECTIONS: readonly Section[] = [
  { key: 'items', path: 'items', roles: ['catalog_admin', 'catalog_reviewer'] },
  { key: 'themes', path: 'themes', roles: ['catalog_admin', 'catalog_reviewer'] },
  { key: 'processes', path: 'processes', roles: ['catalog_admin'] },
  { key: 'assistant', path: 'assistant', roles: ['catalog_admin'] },
  { key: 'policies', path: 'policies', roles: ['catalog_admin', 'system_admin'] },
  { key: 'staff', path: 'staff', roles: ['system_admin'] },
  { key: 'calendar', path: 'calendar', roles: ['system_admin'] },
  { key: 'templates', path: 'notify-templates', roles: ['system_admin'] },
  { key: 'sharing', path: 'sharing', roles: ['data_admin', 'department_head'] },
  { key: 'audit', path: 'audit', roles: ['system_admin', 'supervisor'] },
  {
    key: 'departments',
    path: 'departments',
    roles: ['catalog_admin', 'catalog_reviewer', 'system_admin', 'data_admin', 'department_head', 'supervisor'],
  },
];

export const ADMIN_ROLES: readonly StaffRole[] = [
  'catalog_admin',
  'catalog_reviewer',
  'system_admin',
  'data_admin',
  'department_head',
  'supervisor',
];

export const ALL_ROLES: readonly StaffRole[] = [
  'window_clerk',
  'approver',
  'department_head',
  'supervisor',
  'catalog_admin',
  'catalog_reviewer',
  'data_admin',
  'system_admin',
  'registrar',
];

export const hasAnyRole = (roles: readonly string[], wanted: readonly string[]) =>
  wanted.some((r) => roles.includes(r));

export const sectionsFor = (roles: readonly string[]) => SECTIONS.filter((s) => hasAnyRole(roles, s.roles));

export const hasAdminRole = (roles: readonly string[]) => hasAnyRole(roles, ADMIN_ROLES);
