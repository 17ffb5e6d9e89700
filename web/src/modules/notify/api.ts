/** Calls of the notify API; shapes from contracts/notify.ts. */
import type { z } from 'zod';
import type {
  InboxPage,
  NotificationPreferences,
  PreferencesAnswer,
  Template,
  TemplateText,
} from '../../../../contracts/notify';
import { getJson, sendJson } from '../../app/http';

export type Inbox = InboxPage;
export type Message = InboxPage['messages'][number];
export type Preferences = z.infer<typeof PreferencesAnswer>;
export type { NotificationPreferences, Template, TemplateText };
export type Channel = NotificationPreferences['channels'][number];
export type TemplateKey = Pick<Template, 'kind' | 'channel' | 'locale'>;

export const inbox = (q: { page: number; pageSize: number; unread?: boolean }, signal?: AbortSignal) =>
  getJson<Inbox>(
    '/api/me/inbox',
    { page: q.page, pageSize: q.pageSize, unread: q.unread ? 'true' : undefined },
    signal,
  );
export const markRead = (ids?: string[]) =>
  sendJson<{ unread: number }>('POST', '/api/me/inbox/read', ids ? { ids } : {});

export const preferences = (signal?: AbortSignal) =>
  getJson<Preferences>('/api/me/notification-preferences', undefined, signal);
export const savePreferences = (p: NotificationPreferences) =>
  sendJson<Preferences>('PUT', '/api/me/notification-preferences', p);

const templatePath = (k: TemplateKey) => `/api/admin/notify/templates/${k.kind}/${k.channel}/${k.locale}`;
export const templates = (signal?: AbortSignal) =>
  getJson<{ templates: Template[] }>('/api/admin/notify/templates', undefined, signal).then((r) => r.templates);
export const saveTemplate = (k: TemplateKey, text: TemplateText) => sendJson<void>('PUT', templatePath(k), text);
export const resetTemplate = (k: TemplateKey) => sendJson<void>('DELETE', templatePath(k));
