/**
 * 消息通知 pages: 我的消息 (the inbox, also a tab of the workbench), 消息设置 (reached from 我的账号)
 * and 消息模板 (管理后台), plus the header's unread badge. What the router and other modules may use;
 * nothing else of this folder is imported from outside it.
 */
import { lazy } from 'react';

export const InboxPage = lazy(() => import('./InboxPage'));
export const PreferencesPage = lazy(() => import('./PreferencesPage'));
export const TemplatesPage = lazy(() => import('./TemplatesPage'));
/** The inbox list for a tab of another page (the workbench). */
export const InboxPanel = lazy(() => import('./InboxList').then((m) => ({ default: m.InboxList })));

export { InboxBadge } from './InboxBadge';

export { notifyZhCN, type NotifyMessages } from './locales/zh-CN';
export { notifyEn } from './locales/en';
