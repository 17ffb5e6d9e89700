/**
 * 秒批 on the rule engine: a process definition's auto-approval rules (`applicant.age gte 18`,
 * `enterprise.status eq "active"`, the shape the process editor and BPMN exchange keep) read as
 * conditions of the rule language over the registry facts the engine knows, judged by the same
 * kernels as the policies and explained by `explain` (zh/en). Cases reaches these through the port
 * the app wires (`CasesDeps.autoApproval`): proactive already depends on cases, so cases cannot
 * import it.
 */
import type { Condition as CaseCondition } from '../../../../contracts/cases.js';
import type { Explanation, ExplainedCondition, Text } from '../../../../contracts/proactive.js';
import type { FieldError } from '../../platform/errors.js';
import { explain } from './rules/evaluate.js';
import { ENTERPRISE_FACTS, PERSON_FACTS, type FactDef, type SubjectKind } from './rules/facts.js';
import type { FactRow } from './rules/columns.js';
import type { Comparison, Condition, Leaf, PolicyVersion } from './rules/language.js';

/** Which subject a rule path names: `applicant.*` the applicant's registry record, `enterprise.*` the enterprise's. */
const SUBJECTS = { applicant: 'person', enterprise: 'enterprise' } as const satisfies Record<string, SubjectKind>;
const FACTS_OF = { person: PERSON_FACTS, enterprise: ENTERPRISE_FACTS } as Record<SubjectKind, Record<string, FactDef>>;
/** The registry column name rules written before the engine used for the region. */
const ALIASES: Record<string, string> = { regionCode: 'region' };

const SYMBOL: Record<Comparison, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

type Compiled = { subject: SubjectKind; condition: Condition };
type Problem = { part: 'field' | 'value'; zh: string; en: string };

const join = (texts: Text[], zh: string, en: string): Text => ({
  zh: texts.map((x) => x.zh).join(zh),
  en: texts.map((x) => x.en).join(en),
});

/** One 秒批 rule as a condition of the rule language, or why it cannot be one. */
function compileOne(rule: CaseCondition, regionName: (code: string) => Text): Compiled | Problem {
  const [head, name, ...rest] = rule.field.split('.');
  const subject = SUBJECTS[head as keyof typeof SUBJECTS];
  const fact = ALIASES[name ?? ''] ?? name ?? '';
  const def = subject && !rest.length && Object.hasOwn(FACTS_OF[subject], fact) ? FACTS_OF[subject][fact] : undefined;
  if (!subject || !def)
    return {
      part: 'field',
      zh: `秒批规则只能引用核验数据：applicant.年龄等人口信息或 enterprise.登记状态等法人信息，“${rule.field}”不是`,
      en: `An auto-approval rule names verified registry facts (applicant.… or enterprise.…); "${rule.field}" is not one`,
    };
  const unfit: Problem = {
    part: 'value',
    zh: `条件“${def.label.zh}”不能这样比较`,
    en: `The condition on ${def.label.en} cannot compare that way`,
  };
  const v = rule.value;
  if (def.kind === 'enum') {
    // 在世 was a yes/no value (true/false); every other enumeration takes its own values.
    const alive = fact === 'alive';
    if (rule.op === 'truthy' || rule.op === 'falsy') {
      if (!alive) return unfit;
      return { subject, condition: enumLeaf(fact, 'in', [rule.op === 'truthy' ? 'yes' : 'no'], def) };
    }
    // The registry always records it: ≠ true reads as = false.
    if (alive && (rule.op === 'eq' || rule.op === 'ne') && typeof v === 'boolean')
      return { subject, condition: enumLeaf(fact, 'in', [v === (rule.op === 'eq') ? 'yes' : 'no'], def) };
    const values = rule.op === 'in' ? v : [v];
    if (
      alive ||
      !['eq', 'ne', 'in'].includes(rule.op) ||
      !Array.isArray(values) ||
      values.some((x) => typeof x !== 'string' || !def.values.includes(x))
    )
      return unfit;
    return { subject, condition: enumLeaf(fact, rule.op === 'ne' ? 'notIn' : 'in', values as string[], def) };
  }
  if (def.kind === 'region') {
    const codes = rule.op === 'in' ? v : rule.op === 'eq' ? [v] : undefined;
    if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string' || !/^\d{2,12}$/.test(c))) return unfit;
    const names = (codes as string[]).map(regionName);
    return {
      subject,
      condition: {
        fact: 'region',
        op: 'within',
        regions: codes as string[],
        label: {
          zh: `${def.label.zh}在${join(names, '或', '').zh}`,
          en: `${def.label.en} in ${join(names, '', ' or ').en}`,
        },
      },
    };
  }
  const label = (op: Comparison, n: number): Text => ({
    zh: `${def.label.zh} ${SYMBOL[op]} ${n}`,
    en: `${def.label.en} ${SYMBOL[op]} ${n}`,
  });
  if (rule.op === 'truthy') return { subject, condition: { fact, op: 'ne', value: 0, label: label('ne', 0) } };
  if (rule.op === 'in') {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number')) return unfit;
    const any = (v as number[]).map((n): Leaf => ({ fact, op: 'eq', value: n, label: label('eq', n) }));
    return {
      subject,
      condition: {
        any,
        label: { zh: `${def.label.zh}为 ${v.join('、')}`, en: `${def.label.en} is ${v.join(' or ')}` },
      },
    };
  }
  if (rule.op === 'falsy' || typeof v !== 'number') return unfit;
  return { subject, condition: { fact, op: rule.op, value: v, label: label(rule.op, v) } };
}

function enumLeaf(fact: string, op: 'in' | 'notIn', values: readonly string[], def: FactDef & { kind: 'enum' }): Leaf {
  const names = join(
    values.map((x) => def.names[x]!),
    '或',
    ' or ',
  );
  return {
    fact,
    op,
    values,
    label:
      fact === 'alive'
        ? { zh: `本人${names.zh}`, en: names.en }
        : op === 'in'
          ? { zh: `${def.label.zh}为${names.zh}`, en: `${def.label.en} is ${names.en}` }
          : { zh: `${def.label.zh}不为${names.zh}`, en: `${def.label.en} is not ${names.en}` },
  };
}

/**
 * Problems of 秒批 rules as field errors at `base.k.field` / `base.k.value` (`CASES.UNKNOWN_RULE_FIELD`:
 * not a registry fact the engine knows; `CASES.RULE_VALUE_UNFIT`: a value or operator the fact cannot take).
 */
export function checkAutoApprovalRules(rules: readonly CaseCondition[], base = 'autoApproval.rules'): FieldError[] {
  return rules.flatMap((rule, k): FieldError[] => {
    const c = compileOne(rule, (code) => ({ zh: code, en: code }));
    if ('condition' in c) return [];
    return [
      {
        field: `${base}.${k}.${c.part}`,
        code: c.part === 'field' ? 'CASES.UNKNOWN_RULE_FIELD' : 'CASES.RULE_VALUE_UNFIT',
        message: { zh: c.zh, en: c.en },
      },
    ];
  });
}

/** The registry records a 秒批 decision reads: the applicant's, and the enterprise's when acting for one. */
export interface AutoApprovalFacts {
  person: FactRow;
  enterprise?: FactRow;
}

/**
 * Whether every 秒批 rule holds on the registry facts on `day`, each rule explained in its words with
 * the value used (the rules in their order). Rules that are not facts of the engine fail (and are
 * refused when a definition is saved).
 */
export function explainAutoApproval(
  rules: readonly CaseCondition[],
  facts: AutoApprovalFacts,
  day: string,
  regionName: (code: string) => Text,
  about: { version: number; legalBasis: string },
): Explanation {
  const compiled = rules.map((r) => compileOne(r, regionName));
  const versionOf = (subject: SubjectKind): PolicyVersion => ({
    version: about.version,
    effectiveFrom: day,
    legalBasis: about.legalBasis,
    when: compiled.flatMap((c) => ('condition' in c && c.subject === subject ? [c.condition] : [])),
  });
  const person = explain(versionOf('person'), 'person', facts.person, day, regionName).conditions;
  const enterprise = explain(versionOf('enterprise'), 'enterprise', facts.enterprise ?? {}, day, regionName).conditions;
  const conditions = compiled.map((c): ExplainedCondition => {
    if (!('condition' in c)) return { condition: { zh: c.zh, en: c.en }, held: false, value: NO_FACT };
    return (c.subject === 'person' ? person : enterprise).shift()!;
  });
  return {
    eligible: conditions.every((c) => c.held),
    policyVersion: about.version,
    referenceDate: day,
    conditions,
    amount: null,
    legalBasis: about.legalBasis,
  };
}

const NO_FACT: Text = { zh: '无此核验数据', en: 'no such verified fact' };
