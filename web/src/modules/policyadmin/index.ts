/**
 * 政策管理 (policy console), a section of 管理后台 for policy officers: the list of policies and one
 * policy's page (versions, examples, dry run, reach, draft → review → publish), and the module's strings.
 */
import { lazy } from 'react';

export const PoliciesPage = lazy(() => import('./PoliciesPage'));
export const PolicyPage = lazy(() => import('./PolicyPage'));
export { policyadminZhCN, type PolicyadminMessages } from './locales/zh-CN';
export { policyadminEn } from './locales/en';
