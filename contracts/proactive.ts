/**
 * 主动服务 (proactive services) as its routes answer: published policies with their conditions in
 * words, a resident's automatic grants (免申即享) and offers (政策找人) each with the explanation of
 * the decision, the answer to accepting an offer, and a policy's dry run (counts per region).
 */
import { z } from 'zod';
import { contract } from './http.js';

export const Text = z.object({ zh: z.string(), en: z.string() });
export type Text = z.infer<typeof Text>;

/** 免申即享 `automatic`: granted by the system; 政策找人 `offer`: the person is told and applies. */
export const PolicyMode = z.enum(['automatic', 'offer']);
export type PolicyMode = z.infer<typeof PolicyMode>;
export const PolicySubject = z.enum(['person', 'enterprise']);
export type PolicySubject = z.infer<typeof PolicySubject>;

/** One condition of a decision: what it asks, whether it held, with the value used. */
export const ExplainedCondition = z.object({
  condition: Text,
  held: z.boolean(),
  /** The value the registry holds, in words (年龄 62 岁, 贵阳市); 无记录 when it holds none. */
  value: Text,
});
export type ExplainedCondition = z.infer<typeof ExplainedCondition>;

/** Why a subject is (or is not) eligible under one version of a policy on a reference date. */
export const Explanation = z.object({
  eligible: z.boolean(),
  policyVersion: z.number().int(),
  referenceDate: z.string(),
  conditions: z.array(ExplainedCondition),
  /** The amount in yuan where the policy pays one (by region), else null. */
  amount: z.number().nullable(),
  legalBasis: z.string(),
});
export type Explanation = z.infer<typeof Explanation>;

export const PolicyView = z.object({
  code: z.string(),
  name: Text,
  summary: Text,
  subject: PolicySubject,
  mode: PolicyMode,
  /** 当前有效版本 on the day asked. */
  version: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  legalBasis: z.string(),
  conditions: z.array(Text),
  /** Amounts that differ by region: the region's name and the yuan. */
  amounts: z.array(z.object({ region: Text, amount: z.number() })),
});
export type PolicyView = z.infer<typeof PolicyView>;
export const PolicyList = contract(z.object({ on: z.string(), policies: z.array(PolicyView) }));
export type PolicyList = z.infer<typeof PolicyList>;

export const GrantStatus = z.enum(['granted', 'declined', 'review']);
export type GrantStatus = z.infer<typeof GrantStatus>;

/** 我的待遇: one automatic grant. */
export const Entitlement = z.object({
  id: z.uuid(),
  policy: Text,
  period: z.string(),
  status: GrantStatus,
  amount: z.number().nullable(),
  grantedAt: z.string(),
  /** 办件编号 of the case the system decided, when one was opened. */
  trackingCode: z.string().nullable(),
  caseId: z.uuid().nullable(),
  explanation: Explanation,
});
export type Entitlement = z.infer<typeof Entitlement>;
/** The grant after the person declined it. */
export const GrantAnswer = contract(Entitlement);
export const EntitlementList = contract(z.object({ entitlements: z.array(Entitlement) }));
export type EntitlementList = z.infer<typeof EntitlementList>;

export const OfferStatus = z.enum(['open', 'accepted', 'declined']);
export type OfferStatus = z.infer<typeof OfferStatus>;

/** A case's decision: 准予 approved, 不予 refused, 不予受理 not accepted. */
export const CaseDecision = z.enum(['approved', 'refused', 'not_accepted']);
export type CaseDecision = z.infer<typeof CaseDecision>;

/** 可享政策: a policy the person may apply for, with why they qualify. */
export const Offer = z.object({
  id: z.uuid(),
  policy: Text,
  summary: Text,
  period: z.string(),
  status: OfferStatus,
  offeredAt: z.string(),
  /** The item to apply for in the person's region (its code opens the application), if one is published. */
  item: z.object({ code: z.string(), name: z.string() }).nullable(),
  /**
   * The application the person (or the enterprise) then filed for the item: its case, 办件编号 and
   * decision (null while it is being handled: 申请中); null before they apply.
   */
  application: z.object({ caseId: z.uuid(), trackingCode: z.string(), decision: CaseDecision.nullable() }).nullable(),
  explanation: Explanation,
});
export type Offer = z.infer<typeof Offer>;
export const OfferList = contract(z.object({ offersWanted: z.boolean(), offers: z.array(Offer) }));
export type OfferList = z.infer<typeof OfferList>;
export const OfferAnswer = contract(Offer);

/** Whether the person wants offers at all (政策找人 can be switched off). */
export const OfferPreference = contract(z.object({ offersWanted: z.boolean() }));
export type OfferPreference = z.infer<typeof OfferPreference>;

export const DryRunRequest = z.object({
  /** The day the rule is judged on (default today, Beijing). */
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
/** 试运行 of a policy, or of one of its versions not yet published (a draft, one in review) dated in. */
export const DryRunBody = DryRunRequest.extend({ version: z.number().int().min(1).optional() });
/** 试运行: how many would be eligible on a day, per region, without writing anything. */
export const DryRun = contract(
  z.object({
    policy: Text,
    version: z.number().int(),
    on: z.string(),
    evaluated: z.number().int(),
    eligible: z.number().int(),
    regions: z.array(z.object({ region: Text, eligible: z.number().int() })),
  }),
);
export type DryRun = z.infer<typeof DryRun>;

/** A run of the engine (a changed policy applied, the schedule): what it judged and did. */
export const RunResult = contract(
  z.object({
    evaluated: z.number().int(),
    eligible: z.number().int(),
    granted: z.number().int(),
    offered: z.number().int(),
    flagged: z.number().int(),
  }),
);
export const PolicyListQuery = z.object({ on: DryRunRequest.shape.on });
export const OfferPreferenceBody = z.object({ offersWanted: z.boolean() });
