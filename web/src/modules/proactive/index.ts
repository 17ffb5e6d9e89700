/** 我的待遇 / 可享政策 (主动服务): the page the router lazy-loads, and the module's strings. */
import { lazy } from 'react';

export const BenefitsPage = lazy(() => import('./BenefitsPage'));
export { proactiveZhCN, type ProactiveMessages } from './locales/zh-CN';
export { proactiveEn } from './locales/en';
