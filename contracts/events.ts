/**
 * Domain events (领域事件): every outbox topic and the shape of its payload, declared once. The
 * publisher (`appendEvent` in platform/outbox.ts) accepts only these topics and checks the payload
 * against its schema; subscribers (`subscriber()` in the same file) receive the payload typed and
 * parsed by the same schema — no module re-declares another's event.
 *
 * They live in contracts/ because an event is a contract between modules that may not import each
 * other (exchange publishes, cases and licences react), exactly like a request shape between server
 * and web. Payloads carry ids and codes, never personal identifiers in clear.
 *
 * Adding a topic: add its schema and one line in `EVENTS`; a topic not listed here fails to
 * typecheck at `appendEvent` and throws at run time.
 */
import { z } from 'zod';
import { LifeEventType } from './exchange.js';

const Id = z.string().min(1);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** catalog.item-*: a service item moved through the publishing workflow (草稿 → 审核中 → 已发布 → 已废止). */
export const ItemTransition = z.object({
  code: z.string(),
  basicCode: z.string(),
  version: z.number().int(),
  from: z.string().nullable(),
  to: z.string(),
  comment: z.string(),
});
export const ITEM_ACTIONS = ['created', 'edited', 'drafted', 'submitted', 'published', 'rejected', 'retired'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/** catalog.department-changed: a department was added (`created`) or renamed / given a new address or phone. */
export const DepartmentChanged = z.object({
  id: Id,
  created: z.literal(true).optional(),
  key: z.string().optional(),
  category: z.string().optional(),
  regionCode: z.string().optional(),
  creditCode: z.string().optional(),
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  phone: z.string(),
});

/** identity.sms-requested: a text for the SMS gateway, both fields sealed by the platform cipher. */
export const SmsRequested = z.object({
  to: z.string(),
  text: z.string(),
  /** The code alone (sealed), for a gateway that sends it in its own template. */
  code: z.string().optional(),
  purpose: z.string().optional(),
});

/** identity.person-registered: an account was opened for a person. */
export const PersonRegistered = z.object({ personId: Id, realNameLevel: z.number().int() });

/** cases.case-decided: a decision (准予 approved, 不予 refused, 不予受理 not_accepted) with its 文号. */
export const CaseDecided = z.object({
  caseId: Id,
  decision: z.enum(['approved', 'refused', 'not_accepted']),
  decisionNo: z.string(),
  itemCode: z.string(),
  applicantPersonId: Id,
  applicantEnterpriseId: Id.nullable(),
  bundleId: Id.nullable(),
  decidedAt: z.string(),
});

/** licenses.license-issued: an e-licence issued, or a new version of one (变更 changed, 延续 renewed). */
export const LicenseIssued = z.object({
  licenseId: Id,
  lineageId: Id,
  number: z.string(),
  version: z.number().int(),
  typeCode: z.string(),
  issuerDepartmentId: Id,
  sourceCaseId: Id.nullable(),
  action: z.enum(['issued', 'renewed', 'changed']),
});

/** licenses.license-{revoked,suspended,reinstated}: a licence's status changed by its issuer. */
export const LicenseStatusChanged = z.object({
  licenseId: Id,
  number: z.string(),
  typeCode: z.string(),
  status: z.enum(['valid', 'suspended', 'revoked', 'superseded']),
});
export const LICENSE_STATUS_ACTIONS = ['revoked', 'suspended', 'reinstated'] as const;

/**
 * exchange.life-event-recorded: a life event (出生, 死亡, 婚姻, 迁居, 企业设立/注销) entered the base
 * registries. Registry ids only: `personIds` are population-registry persons.
 */
export const LifeEventRecorded = z.object({
  eventId: Id,
  type: LifeEventType,
  occurredOn: Day,
  personIds: z.array(Id),
  creditCode: z.string().nullable(),
});

/**
 * cases.case-event: every row appended to the case event log (published by a trigger in the same
 * transaction, migration 0037); subscribers ask the cases module's front door for the facts.
 */
export const CaseEventPublished = z.object({
  /** The log row's id (a bigint: the trigger writes it as a JSON number). */
  eventId: z.union([z.number().int(), Id]),
  caseId: Id,
  type: z.string(),
  taskId: Id.nullable(),
  actorId: Id.nullable(),
  actorKind: z.string().nullable(),
  at: z.string(),
});

/**
 * cases.case-{submitted,accepted,not-accepted,supplement-requested,fee-due,delivery-dispatch}: the
 * notable steps of a case, published by a trigger (migration 0040) for the notify module.
 */
export const CaseStep = z
  .object({
    caseId: Id,
    /** The log row's id (a bigint: the trigger writes it as a JSON number). */
    caseEventId: z.union([z.number().int(), Id]),
    type: z.string(),
  })
  .loose();
export const NOTABLE_CASE_STEPS = [
  'submitted',
  'accepted',
  'not-accepted',
  'supplement-requested',
  'fee-due',
  'delivery-dispatch',
] as const;

/** evaluation.rectification-opened: a bad review (差评) verified and sent to its department to rectify. */
export const RectificationOpened = z
  .object({
    rectificationId: Id,
    /** When the bad review was given (migration 0066; absent from earlier events). */
    at: z.string().optional(),
  })
  .loose();

/**
 * evaluation.rating-recorded: a 好差评 rating given, or its status changed (an appeal may remove it),
 * published by a trigger (migration 0051) for the big-data centre. No comment, no rater's name.
 */
export const RatingRecorded = z.object({
  ratingId: Id,
  caseId: Id,
  itemCode: z.string(),
  departmentId: Id,
  regionCode: z.string(),
  channel: z.string(),
  level: z.number().int().min(1).max(5),
  status: z.string(),
  ratedAt: z.string(),
  raterPersonId: Id,
});

/** evaluation.rectification-changed: a rectification was called back, resolved or withdrawn (on appeal). */
export const RectificationChanged = z
  .object({ rectificationId: Id, status: z.enum(['open', 'called_back', 'resolved', 'withdrawn']) })
  .loose();

/** exchange.grant-changed: a data-sharing grant was asked for or decided (approved, refused, revoked). */
export const GrantChanged = z
  .object({ grantId: Id, status: z.enum(['pending', 'approved', 'refused', 'revoked']) })
  .loose();

/** supervision.complaint-answered: a department answered a complaint (投诉); `at` since migration 0070. */
export const ComplaintAnswered = z
  .object({ complaintId: Id, reference: z.string(), at: z.string().optional() })
  .loose();

/**
 * supervision.complaint-recorded: a complaint (投诉) filed or its status changed, published by a
 * trigger (migration 0063) for the big-data centre. No content, no reply, no complainant.
 */
export const ComplaintRecorded = z.object({
  complaintId: Id,
  kind: z.string(),
  caseId: Id.nullable(),
  departmentId: Id,
  regionCode: z.string(),
  status: z.string(),
  filedAt: z.string(),
  dueOn: z.string(),
  answeredAt: z.string().nullable(),
});

/** licenses.license-used: a department read a licence (用证), in a case (免提交) or by consent (trigger, 0063). */
export const LicenseUsed = z.object({
  useId: z.number().int(),
  departmentId: Id,
  caseId: Id.nullable(),
  byConsent: z.boolean(),
  at: z.string(),
});

/** exchange.data-shared: a data-sharing read logged in the access chain (trigger, 0063; since 0067 in batches, below); never its subject. */
export const DataShared = z.object({
  lane: z.number().int(),
  seq: z.number().int(),
  consumerDepartmentId: Id,
  resourceCode: z.string(),
  officerKind: z.string(),
  at: z.string(),
});

/** exchange.reads-shared: the data-sharing reads one statement appended to the access chain (written by the chain in that statement since 0071), in chain order. */
export const ReadsShared = z.object({ reads: z.array(DataShared).min(1) });

/** Whom a supervision event is for: a department (its head by role), one staff member, the region above. */
export const Recipients = z.object({
  departmentId: Id.nullable().optional(),
  staffId: Id.nullable().optional(),
  staffIds: z.array(Id).nullable().optional(),
  roles: z.array(z.string()).optional(),
  supervisingRegion: z.string().nullable().optional(),
});

/**
 * supervision.warning-raised: clocks of one department turned yellow (黄牌) or red (红牌) in one
 * sweep batch — one event per department and level, listing its warnings.
 */
export const WarningRaised = z.object({
  level: z.enum(['yellow', 'red']),
  regionCode: z.string().nullable(),
  departmentId: Id.nullable(),
  recipients: Recipients,
  warnings: z.array(
    z.object({
      warningId: Id,
      clockKind: z.string(),
      reference: z.string().nullable(),
      title: z.string().nullable(),
      caseId: Id.nullable(),
      staffId: Id.nullable(),
      dueOn: z.string().nullable(),
    }),
  ),
});

/** supervision.order-issued: a 督办 order was issued to a department. */
export const OrderIssued = z.object({
  orderId: Id,
  reference: z.string(),
  subject: z.string(),
  dueOn: z.string(),
  recipients: Recipients,
});

/** supervision.order-answered: the receiving head answered a 督办 order. */
export const OrderAnswered = z.object({ orderId: Id, reference: z.string(), recipients: Recipients });

const caseStepTopics = Object.fromEntries(NOTABLE_CASE_STEPS.map((s) => [`cases.case-${s}`, CaseStep])) as {
  [S in (typeof NOTABLE_CASE_STEPS)[number] as `cases.case-${S}`]: typeof CaseStep;
};
const itemTopics = Object.fromEntries(ITEM_ACTIONS.map((a) => [`catalog.item-${a}`, ItemTransition])) as {
  [A in ItemAction as `catalog.item-${A}`]: typeof ItemTransition;
};
const licenseStatusTopics = Object.fromEntries(
  LICENSE_STATUS_ACTIONS.map((a) => [`licenses.license-${a}`, LicenseStatusChanged]),
) as { [A in (typeof LICENSE_STATUS_ACTIONS)[number] as `licenses.license-${A}`]: typeof LicenseStatusChanged };

/** Every topic the outbox carries, with its payload schema. */
/**
 * proactive.benefit-granted: 免申即享 — the system granted a policy's benefit (a case decided by the
 * system when the policy has an item and the person an account). proactive.offer-made: 政策找人 —
 * a person or enterprise was told they may apply. proactive.grant-under-review: a registry
 * correction means an earlier grant's facts no longer hold; it is flagged, never reversed.
 * Recipients by account id (null: no account yet) or credit code; the policy's name for templates.
 */
export const BenefitGranted = z.object({
  grantId: Id,
  policyCode: z.string(),
  policyName: z.string(),
  /** The policy's English name (since a console-made policy's is not in the code; absent in older events). */
  policyNameEn: z.string().optional(),
  accountId: Id.nullable(),
  creditCode: z.string().nullable(),
  caseId: Id.nullable(),
  amount: z.number().nullable(),
});
export const OfferMade = z.object({
  offerId: Id,
  policyCode: z.string(),
  policyName: z.string(),
  policyNameEn: z.string().optional(),
  accountId: Id.nullable(),
  creditCode: z.string().nullable(),
});
export const GrantUnderReview = z.object({
  grantId: Id,
  policyCode: z.string(),
  caseId: Id.nullable(),
  /** Since the notify rule: the policy's name and the beneficiary's account (absent in older events). */
  policyName: z.string().optional(),
  policyNameEn: z.string().optional(),
  accountId: Id.nullable().optional(),
});

/**
 * catalog.searches-logged: the page-1 searches of one flush of the query log, for the big-data
 * centre's demand analysis. No personal data: a random search id, the query, keyed hashes only.
 */
export const SearchesLogged = z.object({
  searches: z
    .array(
      z.object({
        searchId: z.uuid(),
        query: z.string(),
        regionCode: z.string().nullable(),
        results: z.number().int(),
        /** A keyed hash of the signed-in person or the client address (the 热门搜索 asker). */
        session: z.string(),
        /** The analytics key of the signed-in person (the same as a case's applicant key), else null. */
        person: z.string().nullable(),
        at: z.string(),
      }),
    )
    .max(1000),
});

/** catalog.search-clicked: a person opened the result at `position` (1-based) of search `searchId`. */
export const SearchClicked = z.object({
  searchId: z.uuid(),
  position: z.number().int().min(1),
  itemCode: z.string(),
  person: z.string().nullable(),
  at: z.string(),
});

export const EVENTS = {
  ...itemTopics,
  'catalog.department-changed': DepartmentChanged,
  'catalog.searches-logged': SearchesLogged,
  'catalog.search-clicked': SearchClicked,
  'identity.sms-requested': SmsRequested,
  'identity.person-registered': PersonRegistered,
  'cases.case-decided': CaseDecided,
  'licenses.license-issued': LicenseIssued,
  ...licenseStatusTopics,
  'exchange.life-event-recorded': LifeEventRecorded,
  'cases.case-event': CaseEventPublished,
  ...caseStepTopics,
  'evaluation.rectification-opened': RectificationOpened,
  'evaluation.rating-recorded': RatingRecorded,
  'evaluation.rectification-changed': RectificationChanged,
  'exchange.grant-changed': GrantChanged,
  'supervision.complaint-answered': ComplaintAnswered,
  'supervision.complaint-recorded': ComplaintRecorded,
  'licenses.license-used': LicenseUsed,
  'exchange.data-shared': DataShared,
  'exchange.reads-shared': ReadsShared,
  'supervision.warning-raised': WarningRaised,
  'supervision.order-issued': OrderIssued,
  'supervision.order-answered': OrderAnswered,
  'proactive.benefit-granted': BenefitGranted,
  'proactive.offer-made': OfferMade,
  'proactive.grant-under-review': GrantUnderReview,
} satisfies Record<string, z.ZodType>;

export type Topic = keyof typeof EVENTS;
export type EventPayload<T extends Topic> = z.infer<(typeof EVENTS)[T]>;

export const isTopic = (topic: string): topic is Topic => Object.hasOwn(EVENTS, topic);
