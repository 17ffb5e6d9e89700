/**
 * The rule language (政策规则): a policy is data a policy officer can read — conditions over named
 * registry facts, each with its words; versions dated by their effective period; a legal basis;
 * parameters whose value depends on the region (贵阳市 pays another amount than 黔东南州); and
 * examples (given facts → expected outcome) that the unit tests run.
 */
import type { LifeEventType } from '../../../../../contracts/exchange.js';
import type { PolicyMode, PolicySubject, Text } from '../../../../../contracts/proactive.js';
import type { EnterpriseFact, PersonFact } from './facts.js';
import type { FactRow } from './columns.js';

export type Comparison = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

/** A condition on one fact. `value` is a constant; `param` names a regional parameter of the version. */
export type Leaf<F extends string = string> =
  | { fact: F; op: Comparison; value: number; label: Text }
  | { fact: F; op: Comparison; param: string; label: Text }
  | { fact: F; op: 'in' | 'notIn'; values: readonly string[]; label: Text }
  | { fact: 'region'; op: 'within'; regions: readonly string[]; label: Text };

/** Holds when any of its conditions holds (one line of the explanation). */
export interface AnyOf<F extends string = string> {
  any: readonly Leaf<F>[];
  label: Text;
}
export type Condition<F extends string = string> = Leaf<F> | AnyOf<F>;

/**
 * A value by region: keys are region-code prefixes (`52` the province, `5201` 贵阳市, `520102` 南明区);
 * the longest prefix of the subject's region wins. No key matching: the parameter is undefined
 * there and a condition using it fails.
 */
export type Regional = Readonly<Record<string, number>>;

export interface PolicyVersion<F extends string = string> {
  version: number;
  /** First day in force (Beijing date). */
  effectiveFrom: string;
  /** Last day in force; absent: until replaced. */
  effectiveTo?: string;
  legalBasis: string;
  /** All must hold. */
  when: readonly Condition<F>[];
  params?: Readonly<Record<string, Regional>>;
  /** 待遇金额 in yuan: a constant or the name of a regional parameter. */
  amount?: number | string;
}

/** Raw registry values an example gives (the same shape the population loader builds). */
export type ExampleFacts = FactRow;

export interface Example {
  name: string;
  /** The reference date. */
  on: string;
  facts: ExampleFacts;
  expect: { eligible: boolean; amount?: number; version?: number; failing?: readonly string[] };
}

interface PolicyBase<S extends PolicySubject, F extends string> {
  code: string;
  name: Text;
  summary: Text;
  subject: S;
  mode: PolicyMode;
  /** The catalogue item (基本编码) a grant is decided under, or an offer applies for. */
  itemBasicCode?: string;
  /** Granted at most once per subject and period. */
  period: 'once' | 'year' | 'month';
  /** Life events after which the subjects concerned are judged again. */
  triggers: readonly LifeEventType[];
  /** Who receives it: the subject, or (death benefits) a surviving member of the subject's household. */
  beneficiary?: 'self' | 'survivor';
  versions: readonly PolicyVersion<F>[];
  examples: readonly Example[];
}
export type PersonPolicy = PolicyBase<'person', PersonFact>;
export type EnterprisePolicy = PolicyBase<'enterprise', EnterpriseFact>;
export type Policy = PersonPolicy | EnterprisePolicy;

/** The version in force on a day (a case is judged by the rule of its reference date), if any. */
export function versionOn<F extends string>(
  policy: { versions: readonly PolicyVersion<F>[] },
  day: string,
): PolicyVersion<F> | undefined {
  return policy.versions.find((v) => v.effectiveFrom <= day && (!v.effectiveTo || day <= v.effectiveTo));
}

/** The parameter's value in a region (longest matching prefix), or undefined. */
export function regionalValue(param: Regional | undefined, regionCode: string): number | undefined {
  if (!param) return undefined;
  for (let len = regionCode.length; len > 0; len--) {
    const v = param[regionCode.slice(0, len)];
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The period a grant on `day` belongs to: never twice in one. */
export function periodOf(policy: Pick<Policy, 'period'>, day: string): string {
  if (policy.period === 'year') return day.slice(0, 4);
  if (policy.period === 'month') return day.slice(0, 7);
  return 'once';
}

export const isAny = <F extends string>(c: Condition<F>): c is AnyOf<F> => 'any' in c;
