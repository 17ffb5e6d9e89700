/**
 * The staff workbench (工作台): the window and task queues, the case page with its window, task,
 * fee and delivery steps, 差评整改, 窗口代录, licence work and complaint handling. What the router
 * may use; nothing else of this folder is imported from outside it.
 */
import { lazy } from 'react';

export const WorkbenchPage = lazy(() => import('./WorkbenchPage'));
export const WorkbenchCasePage = lazy(() => import('./WorkbenchCasePage'));

export { licenseWorkZhCN, type LicenseWorkMessages } from './licences/locales/zh-CN';
export { licenseWorkEn } from './licences/locales/en';
export { workbenchZhCN, type WorkbenchMessages } from './locales/zh-CN';
export { workbenchEn } from './locales/en';
