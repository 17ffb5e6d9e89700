/** Notifications (消息通知): the inbox, preferences and templates, shared by server and web. */
import { z } from 'zod';
import { contract } from './http.js';

export const Channel = z.enum(['sms', 'email', 'wechat', 'inbox']);
export type Channel = z.infer<typeof Channel>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

export const NotificationPreferences = z.object({
  /** Channels to try in order; the inbox is always the last resort. */
  channels: z.array(Channel).min(1).max(4),
  email: z.email().max(200).nullable(),
  wechatOpenId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{10,64}$/)
    .nullable(),
  /** 免打扰 (Beijing time): non-urgent messages wait until it ends. */
  quietHours: z.object({ from: HHMM, to: HHMM }).nullable(),
  /**
   * Channels per kind of message, in order (the inbox stays the last resort); an empty list
   * switches a kind off, which urgent kinds refuse. Kinds not named follow `channels`.
   */
  kinds: z.record(z.string().max(40), z.array(Channel).max(4)).default({}),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** A kind of message the account may be told, for the preferences page. */
export const MessageKindInfo = z.object({
  kind: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  /** Urgent messages ignore quiet hours and cannot be switched off. */
  urgent: z.boolean(),
});
export type MessageKindInfo = z.infer<typeof MessageKindInfo>;

export const InboxMessage = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});
export type InboxMessage = z.infer<typeof InboxMessage>;

export const InboxPage = z.object({
  messages: z.array(InboxMessage),
  total: z.number().int(),
  unread: z.number().int(),
});
export type InboxPage = z.infer<typeof InboxPage>;

export const InboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(['true', 'false']).optional(),
});

export const Template = z.object({
  kind: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  audience: z.enum(['person', 'staff', 'address']),
  urgent: z.boolean(),
  variables: z.array(z.string()),
  channel: Channel,
  locale: z.enum(['zh-CN', 'en']),
  title: z.string(),
  body: z.string(),
  customised: z.boolean(),
});
export type Template = z.infer<typeof Template>;

export const TemplateText = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(2000),
});
export type TemplateText = z.infer<typeof TemplateText>;

/** The answers of the notify routes. */
export const InboxAnswer = contract(InboxPage);
export const UnreadCount = contract(z.object({ unread: z.number().int() }));
export const PreferencesAnswer = contract(NotificationPreferences.extend({ available: z.array(MessageKindInfo) }));
export const TemplateList = contract(z.object({ templates: z.array(Template) }));
