/**
 * Administration (管理后台): catalogue, processes, staff, calendar, sharing approvals, audit. What the
 * router and other modules may use; nothing else of this folder is imported from outside it.
 */
import { lazy } from 'react';

export const AdminApp = lazy(() => import('./AdminApp'));

export { AdminLink } from './AdminLink';

export { adminZhCN, type AdminMessages } from './locales/zh-CN';
export { adminEn } from './locales/en';
