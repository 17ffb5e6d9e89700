/**
 * 数据通 (exchange) as its routes answer: the data-resource catalogue, sharing grants, the audited
 * query, the access log's check, 谁用了我的数据 (a resident's data-use log), life events with
 * subscriptions and inboxes, and the registered department systems. Requests whose fields are
 * checked by server validators (ID numbers, credit codes, region codes) stay in the exchange module.
 */
import { z } from 'zod';
import { ChainCheck } from './audit.js';
import { contract } from './http.js';

export const LIFE_EVENT_TYPES = [
  'birth',
  'death',
  'marriage',
  'divorce',
  'relocation',
  'enterprise_established',
  'enterprise_cancelled',
] as const;
export const LifeEventType = z.enum(LIFE_EVENT_TYPES);
export type LifeEventType = z.infer<typeof LifeEventType>;

/** 数据项: one field of a resource, by key and name. */
export const ResourceField = z.object({ key: z.string(), name: z.string() });
const Named = z.object({ code: z.string(), name: z.string() });
const Party = z.object({ id: z.uuid(), name: z.string() });

/** 共享资源: a resource of the data-resource catalogue (政务数据资源目录). */
export const Resource = contract(
  z.object({
    code: z.string(),
    name: z.string(),
    description: z.string(),
    owner: Party,
    subjectKind: z.enum(['person', 'enterprise']),
    fields: z.array(ResourceField),
    /** 无条件共享 / 有条件共享 / 不予共享 */
    sharingClass: z.enum(['unconditional', 'conditional', 'not_shared']),
    updateFrequency: z.string(),
    connected: z.boolean(),
  }),
);
export type Resource = z.infer<typeof Resource>;
export const ResourceList = contract(z.object({ resources: z.array(Resource) }));

export const GrantStatus = z.enum(['pending', 'approved', 'refused', 'revoked']);
export type GrantStatus = z.infer<typeof GrantStatus>;
/** 共享授权: a consumer department's grant to read fields of an owner's resource, for a purpose and a legal basis. */
export const Grant = contract(
  z.object({
    id: z.uuid(),
    resource: Named,
    consumer: Party,
    owner: Party,
    fields: z.array(z.string()),
    purpose: z.string(),
    legalBasis: z.string(),
    status: GrantStatus,
    expired: z.boolean(),
    requestedAt: z.date(),
    expiresAt: z.date(),
    decidedAt: z.date().nullable(),
    decisionNote: z.string().nullable(),
  }),
);
export type Grant = z.infer<typeof Grant>;
export const GrantList = contract(z.object({ grants: z.array(Grant) }));

/** The audited answer of a shared-data query: the subject's identifier as the caller gave it, the fields granted. */
export const QueryAnswer = contract(
  z.object({
    resource: Named,
    grantId: z.uuid(),
    subject: z.union([
      z.object({ kind: z.literal('person'), idNumber: z.string() }),
      z.object({ kind: z.literal('enterprise'), creditCode: z.string() }),
    ]),
    fields: z.array(z.string()),
    record: z.record(z.string(), z.unknown()),
    accessedAt: z.date(),
  }),
);

/** The access log's check (it is kept in lanes, each its own chain). */
export const AccessChainCheck = contract(ChainCheck.extend({ lane: z.number().optional() }));

export const DataUsesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.date().optional(),
});
/** 谁用了我的数据: one read of a resident's (or their enterprise's) data — who, when, why, what. */
export const DataUse = z.object({
  at: z.date(),
  subject: z.enum(['person', 'enterprise']),
  department: z.string(),
  officer: z.string(),
  via: z.enum(['staff', 'system', 'person']),
  purpose: z.string(),
  resource: Named,
  fields: z.array(ResourceField),
  legalBasis: z.string().nullable(),
});
export type DataUse = z.infer<typeof DataUse>;
export const DataUses = contract(z.object({ uses: z.array(DataUse) }));

/** A life event recorded (201), or the same reference recorded before (200: nothing changes). */
export const LifeEventReceipt = contract(
  z.object({ eventId: z.uuid(), created: z.boolean(), inboxItems: z.number(), webhookDeliveries: z.number() }),
);

export const Subscription = z.object({
  id: z.uuid(),
  departmentId: z.uuid(),
  eventTypes: z.array(z.string()),
  channel: z.enum(['inbox', 'webhook']),
  url: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
});
/** The webhook secret is shown once. */
export const SubscriptionCreated = contract(z.object({ id: z.uuid(), secret: z.string().nullable() }));
export const SubscriptionList = contract(z.object({ subscriptions: z.array(Subscription) }));

export const InboxQuery = z.object({
  departmentId: z.uuid().optional(),
  state: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** A life event delivered to a department's inbox, its subjects' identifiers masked. */
export const InboxItem = z.object({
  id: z.uuid(),
  departmentId: z.uuid(),
  event: z.object({
    id: z.uuid(),
    type: LifeEventType,
    occurredOn: z.string(),
    recordedAt: z.date(),
    recordedBy: z.string(),
  }),
  persons: z.array(z.object({ idNumber: z.string(), name: z.string() })),
  enterprise: z.object({ creditCode: z.string(), name: z.string() }).nullable(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: z.date(),
  acknowledgedAt: z.date().nullable(),
});
export const Inbox = contract(z.object({ items: z.array(InboxItem) }));

/** 部门业务系统: an OAuth client (client credentials) registered as a department's system. */
export const ExchangeClient = contract(
  z.object({ clientId: z.string(), name: z.string(), departmentId: z.uuid(), ratePerMinute: z.number() }),
);
export const ExchangeClientList = contract(
  z.object({
    clients: z.array(ExchangeClient.extend({ createdAt: z.date(), disabledAt: z.date().nullable() })),
  }),
);
