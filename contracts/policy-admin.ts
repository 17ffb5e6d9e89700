/**
 * 政策管理 (policy administration) as its routes answer: a policy officer drafts a version of a
 * policy (effective period, conditions over the typed registry facts, regional parameters, amount,
 * examples), submits it (its examples run), another officer approves it (published, judged from its
 * effective date) or sends it back; and a policy's reach (触达统计) per county.
 */
import { z } from 'zod';
import { contract } from './http.js';
import { LifeEventType } from './exchange.js';
import { PolicyMode, PolicySubject, Text } from './proactive.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Label = Text.optional();

/** A condition on one registry fact (`rules/facts.ts`); its words are made from the fact when no label is given. */
export const LeafInput = z.union([
  z.object({ fact: z.string(), op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']), value: z.number(), label: Label }),
  z.object({ fact: z.string(), op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']), param: z.string(), label: Label }),
  z.object({ fact: z.string(), op: z.enum(['in', 'notIn']), values: z.array(z.string()).min(1), label: Label }),
  z.object({ fact: z.literal('region'), op: z.literal('within'), regions: z.array(z.string()).min(1), label: Text }),
]);
export const ConditionInput = z.union([LeafInput, z.object({ any: z.array(LeafInput).min(2), label: Text })]);
export type ConditionInput = z.infer<typeof ConditionInput>;

/** Given facts (raw registry values, as the population loader reads them) → expected outcome. */
export const PolicyExample = z.object({
  name: z.string().min(1).max(200),
  on: Day,
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  expect: z.object({
    eligible: z.boolean(),
    amount: z.number().optional(),
    version: z.number().int().optional(),
    failing: z.array(z.string()).optional(),
  }),
});
export type PolicyExample = z.infer<typeof PolicyExample>;

/** A regional parameter: region-code prefix (52 province, 5201 贵阳市, 520102 南明区) → value. */
export const RegionalInput = z.record(z.string(), z.number());

export const PolicyDraftBody = z.object({
  effectiveFrom: Day,
  effectiveTo: Day.nullable().optional(),
  legalBasis: z.string().min(1).max(1000),
  when: z.array(ConditionInput).min(1),
  params: z.record(z.string(), RegionalInput).optional(),
  /** 待遇金额: yuan, or the name of a regional parameter. */
  amount: z.union([z.number(), z.string()]).nullable().optional(),
  /** This version's own examples, run on submit with the policy's standing ones. */
  examples: z.array(PolicyExample).max(50).default([]),
});
export type PolicyDraftBody = z.infer<typeof PolicyDraftBody>;

const Words = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(400) });

/** 新政策: a policy made in the console, with its first version (a draft until reviewed and published). */
export const NewPolicyBody = z.object({
  name: Words,
  summary: Words,
  subject: PolicySubject,
  /** 免申即享 (granted by the system) or 政策找人 (an offer to apply). */
  mode: PolicyMode,
  /** The catalogue item (基本编码) a grant is decided under, or an offer applies for. */
  itemBasicCode: z
    .string()
    .regex(/^\d{12}$/)
    .nullable()
    .optional(),
  period: z.enum(['once', 'year', 'month']),
  /** Life events after which the subjects concerned are judged again (besides the daily re-check). */
  triggers: z.array(LifeEventType).max(10).default([]),
  beneficiary: z.enum(['self', 'survivor']).default('self'),
  version: PolicyDraftBody,
});
export type NewPolicyBody = z.infer<typeof NewPolicyBody>;

export const ReviewBody = z.object({ comment: z.string().max(1000).default('') });

export const VersionStatus = z.enum(['draft', 'in_review', 'published', 'rejected']);
export type VersionStatus = z.infer<typeof VersionStatus>;

/** An amount by region; `code` is the parameter's region prefix (the draft form's key, never shown). */
export const RegionAmount = z.object({ code: z.string(), region: Text, amount: z.number() });

export const PolicyVersionView = z.object({
  version: z.number().int(),
  /** Written in code (the seeded rules), or drafted here. */
  source: z.enum(['code', 'console']),
  status: VersionStatus,
  effectiveFrom: z.string(),
  /** Last day in force as judged (cut the day before a later version starts), or null. */
  effectiveTo: z.string().nullable(),
  inForce: z.boolean(),
  legalBasis: z.string(),
  conditions: z.array(Text),
  amounts: z.array(RegionAmount),
  /** Display names of who drafted and who reviewed (console versions). */
  draftedBy: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewComment: z.string(),
  /** The rule as data, to start the next draft from. */
  rule: PolicyDraftBody.omit({ examples: true }),
});
export type PolicyVersionView = z.infer<typeof PolicyVersionView>;

export const ExampleResult = z.object({
  name: z.string(),
  on: z.string(),
  expected: Text,
  passed: z.boolean(),
  /** What the rule answered instead, in words (empty when it passed). */
  actual: Text,
});
export type ExampleResult = z.infer<typeof ExampleResult>;

/** Counts of one region (or the caller's whole region) for one policy. */
export const ReachCounts = z.object({
  /** Eligible at the last full run (null: never run). */
  eligible: z.number().int().nullable(),
  /** Grants made and offers sent. */
  told: z.number().int(),
  /** Offers whose beneficiary then filed the policy's application (a case of its item). */
  applied: z.number().int(),
  /** Automatic grants standing, and applications decided 准予. */
  granted: z.number().int(),
  /** Applications decided 不予 or 不予受理. */
  refused: z.number().int(),
  /** Grants and offers the person declined. */
  declined: z.number().int(),
  underReview: z.number().int(),
});
export type ReachCounts = z.infer<typeof ReachCounts>;

export const PolicySummaryView = z.object({
  code: z.string(),
  name: Text,
  subject: PolicySubject,
  mode: PolicyMode,
  /** The version in force today, null when none. */
  versionInForce: z.number().int().nullable(),
  /** A version waiting: its number and status. */
  pending: z.object({ version: z.number().int(), status: VersionStatus }).nullable(),
  reach: ReachCounts,
});
export const PolicyAdminList = contract(z.object({ on: z.string(), policies: z.array(PolicySummaryView) }));
export type PolicyAdminList = z.infer<typeof PolicyAdminList>;

/** A registry fact a condition may name: its words, its kind, an enumeration's values, and the key an example gives it under. */
export const FactView = z.object({
  fact: z.string(),
  label: Text,
  kind: z.enum(['enum', 'number', 'years', 'daysSince', 'region']),
  values: z.array(z.object({ value: z.string(), name: Text })),
  /** The raw registry value an example's facts hold it as (`birthDate` for 年龄). */
  source: z.string(),
});
export type FactView = z.infer<typeof FactView>;
/** 事实目录: the facts of persons and of enterprises (the console's fact chooser). */
export const FactCatalogue = contract(z.object({ person: z.array(FactView), enterprise: z.array(FactView) }));
export type FactCatalogue = z.infer<typeof FactCatalogue>;

export const PolicyAdminDetail = contract(
  z.object({
    code: z.string(),
    name: Text,
    summary: Text,
    subject: PolicySubject,
    mode: PolicyMode,
    on: z.string(),
    versions: z.array(PolicyVersionView),
    examples: z.array(ExampleResult),
    /** The facts conditions may name for this policy's subject, with their operators and values. */
    facts: z.array(FactView),
  }),
);
export type PolicyAdminDetail = z.infer<typeof PolicyAdminDetail>;

/** A version after drafting (its examples run on save), submitting, approving or sending back. */
const VersionAnswer = z.object({ version: z.number().int(), status: VersionStatus, examples: z.array(ExampleResult) });
export const PolicyVersionAnswer = contract(VersionAnswer);
export type PolicyVersionAnswer = z.infer<typeof PolicyVersionAnswer>;

/** A policy made: its code (for the console's links) and its first version, a draft. */
export const NewPolicyAnswer = contract(VersionAnswer.extend({ code: z.string() }));
export type NewPolicyAnswer = z.infer<typeof NewPolicyAnswer>;

export const ReachQuery = z.object({
  region: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
});
export const PolicyReach = contract(
  z.object({
    policy: Text,
    region: Text,
    /** The day of the last full run the eligible count comes from, null when never run. */
    judgedOn: z.string().nullable(),
    total: ReachCounts,
    byCounty: z.array(ReachCounts.extend({ region: Text })),
  }),
);
export type PolicyReach = z.infer<typeof PolicyReach>;

/** A policy's code in a path (`longevity-allowance`), and a version of it. */
export const PolicyCodeParams = z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/) });
export const PolicyVersionParams = PolicyCodeParams.extend({ version: z.coerce.number().int().min(1).max(10_000) });
export const OnQuery = z.object({ on: Day.optional() });
