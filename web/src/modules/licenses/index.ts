/**
 * 证照通, the holder's side: 我的证照 (亮证), verification and shared-code pages, 谁用了我的数据.
 * What the router and other modules may use; nothing else of this folder is imported from outside it.
 */
import { lazy } from 'react';

export const WalletPage = lazy(() => import('./WalletPage'));
export const DataUsesPage = lazy(() => import('./DataUsesPage'));
export const VerifyPage = lazy(() => import('./VerifyPage'));
export const SharedLicensePage = lazy(() => import('./SharedLicensePage'));

export { useLicenseTypes } from './queries';

export { licensesZhCN, type LicensesMessages } from './locales/zh-CN';
export { licensesEn } from './locales/en';
