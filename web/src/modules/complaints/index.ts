/**
 * 投诉举报, the resident's side: filing a complaint and following its handling. What the router and
 * other modules may use; nothing else of this folder is imported from outside it.
 */
import { lazy } from 'react';

export const ComplaintsPage = lazy(() => import('./ComplaintsPage'));

/** The complaint API's calls (the workbench's handling tab goes through them too). */
export * as complaintsApi from './api';

export { complaintsZhCN, type ComplaintsMessages } from './locales/zh-CN';
export { complaintsEn } from './locales/en';
