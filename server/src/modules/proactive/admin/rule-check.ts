/**
 * A drafted version checked against the typed facts (`rules/facts.ts`): each condition names a fact
 * of the policy's subject, an operator that fits the fact's kind, values the enumeration knows,
 * parameters the version defines; answered field by field. Conditions without words get them from
 * the fact (年龄 ≥ 60岁), so every explanation still reads as a sentence.
 */
import type { ConditionInput, PolicyDraftBody } from '../../../../../contracts/policy-admin.js';
import type { Text } from '../../../../../contracts/proactive.js';
import type { FieldError } from '../../../platform/errors.js';
import { FACTS, type FactDef, type SubjectKind } from '../rules/facts.js';
import type { Condition, Leaf, PolicyVersion } from '../rules/language.js';

type LeafInput = Exclude<ConditionInput, { any: unknown }>;

const OPS: Record<string, Text> = {
  eq: { zh: '等于', en: '=' },
  ne: { zh: '不等于', en: '≠' },
  gt: { zh: '大于', en: '>' },
  gte: { zh: '不低于', en: '≥' },
  lt: { zh: '小于', en: '<' },
  lte: { zh: '不超过', en: '≤' },
};
const NUMERIC = new Set(['number', 'years', 'daysSince']);

const fieldError = (field: string, zh: string, en: string): FieldError => ({
  field,
  code: 'PROACTIVE.RULE_INVALID',
  message: { zh, en },
});

function unitOf(def: FactDef): Text {
  if (def.kind === 'years') return { zh: '岁', en: ' years' };
  if (def.kind === 'daysSince') return { zh: '天', en: ' days' };
  return def.kind === 'number' ? def.unit : { zh: '', en: '' };
}

/** The words of a condition made from its fact, operator and value. */
function labelOf(leaf: LeafInput, def: FactDef): Text {
  if (leaf.label) return leaf.label;
  if ('values' in leaf && def.kind === 'enum') {
    const names = leaf.values.map((v) => def.names[v] ?? { zh: v, en: v });
    const not = leaf.op === 'notIn';
    return {
      zh: `${def.label.zh}${not ? '不' : ''}为${names.map((n) => n.zh).join('或')}`,
      en: `${def.label.en} ${not ? 'not ' : ''}${names.map((n) => n.en).join(' or ')}`,
    };
  }
  const op = OPS[leaf.op] ?? { zh: leaf.op, en: leaf.op };
  if ('param' in leaf)
    return { zh: `${def.label.zh}${op.zh}本地标准`, en: `${def.label.en} ${op.en} the local threshold` };
  const value = 'value' in leaf ? leaf.value : '';
  const unit = unitOf(def);
  return { zh: `${def.label.zh}${op.zh}${value}${unit.zh}`, en: `${def.label.en} ${op.en} ${value}${unit.en}` };
}

function checkLeaf(leaf: LeafInput, at: string, facts: Record<string, FactDef>, body: PolicyDraftBody) {
  const errors: FieldError[] = [];
  const def = facts[leaf.fact];
  if (!def) {
    errors.push(fieldError(`${at}.fact`, `没有名为“${leaf.fact}”的登记事实`, `No registry fact named “${leaf.fact}”`));
    return { errors };
  }
  const fits =
    leaf.op === 'within'
      ? def.kind === 'region'
      : leaf.op === 'in' || leaf.op === 'notIn'
        ? def.kind === 'enum'
        : NUMERIC.has(def.kind);
  if (!fits)
    errors.push(
      fieldError(`${at}.op`, `“${def.label.zh}”不能用这种比较`, `“${def.label.en}” cannot be compared this way`),
    );
  if ('values' in leaf && def.kind === 'enum')
    leaf.values.forEach((v, j) => {
      if (!def.values.includes(v))
        errors.push(
          fieldError(`${at}.values.${j}`, `“${def.label.zh}”没有取值“${v}”`, `“${def.label.en}” has no value “${v}”`),
        );
    });
  if ('regions' in leaf)
    leaf.regions.forEach((r, j) => {
      if (!/^\d{2,12}$/.test(r))
        errors.push(fieldError(`${at}.regions.${j}`, '地区须为行政区划代码', 'A region must be a division code'));
    });
  if ('param' in leaf && !body.params?.[leaf.param])
    errors.push(fieldError(`${at}.param`, '引用的地区参数未定义', 'The regional parameter is not defined'));
  return { errors, label: labelOf(leaf, def) };
}

/** The draft as a version of the rule language, or the list of what is wrong with it. */
export function checkDraft(
  subject: SubjectKind,
  body: PolicyDraftBody,
  version: number,
): { version: PolicyVersion; errors: FieldError[] } {
  const facts = FACTS[subject] as Record<string, FactDef>;
  const errors: FieldError[] = [];
  const leaf = (l: LeafInput, at: string): Leaf => {
    const r = checkLeaf(l, at, facts, body);
    errors.push(...r.errors);
    return { ...l, label: r.label ?? l.label ?? { zh: l.fact, en: l.fact } } as Leaf;
  };
  const when = body.when.map(
    (c, i): Condition =>
      'any' in c ? { any: c.any.map((l, j) => leaf(l, `when.${i}.any.${j}`)), label: c.label } : leaf(c, `when.${i}`),
  );
  for (const [name, values] of Object.entries(body.params ?? {}))
    for (const key of Object.keys(values))
      if (!/^\d{2,12}$/.test(key))
        errors.push(fieldError(`params.${name}.${key}`, '地区须为行政区划代码', 'A region must be a division code'));
  if (typeof body.amount === 'string' && !body.params?.[body.amount])
    errors.push(fieldError('amount', '金额引用的地区参数未定义', 'The amount names an undefined parameter'));
  if (body.effectiveTo && body.effectiveTo < body.effectiveFrom)
    errors.push(fieldError('effectiveTo', '截止日期早于生效日期', 'Ends before it starts'));
  return {
    version: {
      version,
      effectiveFrom: body.effectiveFrom,
      ...(body.effectiveTo ? { effectiveTo: body.effectiveTo } : {}),
      legalBasis: body.legalBasis,
      when,
      ...(body.params ? { params: body.params } : {}),
      ...(body.amount != null ? { amount: body.amount } : {}),
    },
    errors,
  };
}
