/** 需求分析 and 能力指数 of the 数据驾驶舱: the pages the router lazy-loads, and the module's strings. */
import { lazy } from 'react';

export const DemandPage = lazy(() => import('./DemandPage'));
export const CapabilityPage = lazy(() => import('./CapabilityPage'));
export { demandZhCN, type DemandMessages } from './locales/zh-CN';
export { demandEn } from './locales/en';
