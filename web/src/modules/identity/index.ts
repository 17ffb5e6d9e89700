/**
 * 用户通 — sign-in, registration, the account page, acting for an enterprise. What the router and
 * other modules may use; nothing else of this folder is imported from outside it.
 */
import { lazy } from 'react';

export const LoginPage = lazy(() => import('./LoginPage'));
export const RegisterPage = lazy(() => import('./RegisterPage'));
export const ForgotPasswordPage = lazy(() => import('./ForgotPasswordPage'));
export const MePage = lazy(() => import('./MePage'));
export const PrivacyPage = lazy(() => import('./PrivacyPage'));

export { AccountMenu } from './AccountMenu';
export { PersonPage } from './PersonPage';
export { useMe, usePasswordSignIn, useSetActingFor, useSignOut } from './queries';
export type { PersonMe, StaffMe, Wire } from './api';

export { identityZhCN, type IdentityMessages } from './locales/zh-CN';
export { identityEn } from './locales/en';
