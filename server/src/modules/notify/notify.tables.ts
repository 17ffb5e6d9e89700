import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

export const CHANNELS = ['sms', 'email', 'wechat', 'inbox'] as const;
export type ChannelName = (typeof CHANNELS)[number];
export type Locale = 'zh-CN' | 'en';
export type RecipientKind = 'person' | 'staff' | 'address';
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'delivered' | 'failed' | 'read';

export interface TemplateTable {
  event: string;
  channel: ChannelName;
  locale: Locale;
  title: string;
  body: string;
  updatedBy: string;
  updatedAt: Date;
}
export interface NotificationTable {
  id: string;
  /** One notification per source event and recipient: the key makes a redelivered event harmless. */
  key: string;
  event: string;
  urgent: boolean;
  recipientKind: RecipientKind;
  recipientId: string | null;
  locale: Locale;
  varsEnc: string;
  link: string | null;
  createdAt: Date;
}
export interface DeliveryTable {
  id: string;
  notificationId: string;
  channel: ChannelName;
  /** Sent to the provider with the message: a retry after a crash mid-send is recognised as the same message. */
  idempotencyKey: string;
  toEnc: string | null;
  fallbackOf: string | null;
  state: DeliveryState;
  attempts: Generated<number>;
  nextAttemptAt: Date;
  /** While `sending`: a node that dies mid-send leaves the delivery to another node after this moment. */
  leaseUntil: Date | null;
  providerRef: string | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface ReceiptTable {
  id: Generated<number>;
  deliveryId: string;
  status: 'sent' | 'delivered' | 'failed' | 'read';
  at: Date;
  detail: string | null;
}
export interface InboxTable {
  id: string;
  deliveryId: string;
  recipientKind: 'person' | 'staff';
  recipientId: string;
  event: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}
export interface PreferenceTable {
  accountKind: 'person' | 'staff';
  accountId: string;
  channels: ChannelName[];
  /** Channels per kind of message (jsonb); an empty list switches a non-urgent kind off. */
  kinds: ColumnType<Record<string, ChannelName[]>, string | undefined, string>;
  emailEnc: string | null;
  wechatOpenIdEnc: string | null;
  /** 免打扰: minutes after midnight, Beijing time; non-urgent messages wait until `quietTo`. */
  quietFrom: number | null;
  quietTo: number | null;
  updatedAt: Date;
}

export type NotifyTables = {
  'notify.template': TemplateTable;
  'notify.notification': NotificationTable;
  'notify.delivery': DeliveryTable;
  'notify.receipt': ReceiptTable;
  'notify.inbox': InboxTable;
  'notify.preference': PreferenceTable;
};

export const nq = (db: Db): Kysely<NotifyTables> => db.withTables<NotifyTables>() as unknown as Kysely<NotifyTables>;
