/** The big-data pages: the 数据驾驶舱 (public view, or staff scope) and the open-data portal. */
import { lazy } from 'react';

export const DashboardPage = lazy(() => import('./DashboardPage'));
export const OpenDataPage = lazy(() => import('./OpenDataPage'));
export const DatasetPage = lazy(() => import('./DatasetPage'));
export { analyticsZhCN, type AnalyticsMessages } from './locales/zh-CN';
export { analyticsEn } from './locales/en';
/** A chart with its table view and CSV download, for the 数据驾驶舱's other pages. */
export { ChartCard } from './ChartCard';
