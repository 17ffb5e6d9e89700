/** The supervision console (电子监察): the page the router lazy-loads, and the module's strings. */
import { lazy } from 'react';

export const SupervisionPage = lazy(() => import('./SupervisionPage'));
export { supervisionZhCN, type SupervisionMessages } from './locales/zh-CN';
export { supervisionEn } from './locales/en';
