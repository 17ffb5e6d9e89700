/**
 * 新建政策 (a new policy made in the console, no programmer): a section of 政策管理 — the policy's
 * words, whom it is for and how it is given, its conditions chosen from the fact catalogue, amounts
 * by region and its test cases, saved as a draft whose test cases run at once; and the module's strings.
 */
import { lazy } from 'react';

export const NewPolicyPage = lazy(() => import('./NewPolicyPage'));
export { policynewZhCN, type PolicynewMessages } from './locales/zh-CN';
export { policynewEn } from './locales/en';
