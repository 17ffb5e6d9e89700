/** The exchange module's tables for data sharing (the registries' own are in exchange.repository.ts). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';
import type { ExchangeTables as RegistryTables } from './exchange.repository.js';

type Json<T> = ColumnType<T, string, string>;

/** 共享类型: 无条件共享, 有条件共享 (the owner decides), 不予共享. */
export type SharingClass = 'unconditional' | 'conditional' | 'not_shared';
export type UpdateFrequency = 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
export type SubjectKind = 'person' | 'enterprise';
/** Where a resource's records come from; null: listed in the catalogue, no data source connected yet. */
export type ResourceSource = 'person' | 'household' | 'legal_entity';
export type GrantStatus = 'pending' | 'approved' | 'refused' | 'revoked';
/** 生命周期事件: 出生, 死亡, 结婚登记, 离婚登记, 迁居, 企业设立, 企业注销. */
import type { LifeEventType } from '../../../../contracts/exchange.js';

export { LIFE_EVENT_TYPES, type LifeEventType } from '../../../../contracts/exchange.js';

/** One data item (数据项) of a resource. */
export interface ResourceField {
  key: string;
  name: string;
}

export interface ResourceTable {
  code: string;
  name: string;
  description: string;
  ownerDepartmentId: string;
  ownerRegionCode: string;
  subjectKind: SubjectKind;
  fields: Json<ResourceField[]>;
  sharingClass: SharingClass;
  updateFrequency: UpdateFrequency;
  source: ResourceSource | null;
  createdAt: Generated<Date>;
}
export interface SharingGrantTable {
  id: string;
  resourceCode: string;
  consumerDepartmentId: string;
  consumerRegionCode: string;
  ownerDepartmentId: string;
  ownerRegionCode: string;
  fields: string[];
  purpose: string;
  legalBasis: string;
  status: GrantStatus;
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}
export interface AccessHeadTable {
  lane: number;
  seq: number;
  hash: string;
}
export interface AccessLogTable {
  lane: number;
  seq: number;
  at: Date;
  consumerDepartmentId: string;
  /** The external system that asked, if not a member of staff. */
  clientId: string | null;
  officerId: string;
  /** `staff`, `client`, `system`, or `person` (the subject themselves, by consent: 预填). */
  officerKind: string;
  purpose: string;
  resourceCode: string;
  grantId: string | null;
  subjectKind: SubjectKind;
  /** The registry person's id, or the enterprise's credit code. */
  subjectKey: string;
  fields: string[];
  prevHash: string;
  hash: string;
}
/** 预填授权: a person's consent to fill a form from the registries (migration 0034). */
export interface PrefillConsentTable {
  id: string;
  accountId: string;
  registryPersonId: string | null;
  creditCode: string | null;
  itemCode: string;
  departmentId: string;
  purpose: string;
  keys: string[];
  consentedAt: Date;
}
export interface ClientTable {
  clientId: string;
  name: string;
  departmentId: string;
  regionCode: string;
  ratePerMinute: number;
  registeredBy: string;
  createdAt: Generated<Date>;
  disabledAt: Date | null;
}
export interface LifeEventTable {
  id: string;
  type: LifeEventType;
  occurredOn: string;
  regionCode: string;
  personIds: string[];
  creditCode: string | null;
  /** The notice subscribers receive (with identifiers), encrypted. */
  noticeEnc: string;
  recordingDepartmentId: string;
  recordedBy: string;
  recordedByKind: string;
  sourceReference: string;
  recordedAt: Date;
}
export interface SubscriptionTable {
  id: string;
  departmentId: string;
  regionCode: string;
  eventTypes: string[];
  channel: 'inbox' | 'webhook';
  url: string | null;
  secretEnc: string | null;
  active: Generated<boolean>;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface InboxItemTable {
  id: string;
  eventId: string;
  subscriptionId: string;
  departmentId: string;
  regionCode: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}
export interface WebhookDeliveryTable {
  eventId: string;
  subscriptionId: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: Generated<number>;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export type SharingTables = RegistryTables & {
  'exchange.resource': ResourceTable;
  'exchange.sharingGrant': SharingGrantTable;
  'exchange.accessHead': AccessHeadTable;
  'exchange.accessLog': AccessLogTable;
  'exchange.prefillConsent': PrefillConsentTable;
  'exchange.client': ClientTable;
  'exchange.lifeEvent': LifeEventTable;
  'exchange.subscription': SubscriptionTable;
  'exchange.inboxItem': InboxItemTable;
  'exchange.webhookDelivery': WebhookDeliveryTable;
};

/** The exchange module's view of the database: its own tables only. */
export const sq = (db: Db): Kysely<SharingTables> => db.withTables<SharingTables>() as unknown as Kysely<SharingTables>;
