/**
 * The facts rules may name (registry facts of a person or an enterprise), how each is kept as a
 * column, and how a value reads in words. Numbers are derived on the reference date where they
 * depend on it (age from the date of birth, days since a death); enumerations are small integer
 * codes into a fixed list; the region is an index into the population's region dictionary.
 */
import type { Text } from '../../../../../contracts/proactive.js';

/** An enumeration: its values in order (code = index + 1; 0 = no record) with their names. */
export interface EnumFact {
  kind: 'enum';
  values: readonly string[];
  names: Readonly<Record<string, Text>>;
  label: Text;
}
/** A number kept as is (NaN: no record). */
export interface NumberFact {
  kind: 'number';
  unit: Text;
  label: Text;
}
/** Whole years between a date (kept as yyyymmdd) and the reference date: 年龄. */
export interface YearsFact {
  kind: 'years';
  label: Text;
}
/** Days between a date (kept as a day number) and the reference date; NaN when the date is not recorded. */
export interface DaysSinceFact {
  kind: 'daysSince';
  label: Text;
}
export interface RegionFact {
  kind: 'region';
  label: Text;
}
export type FactDef = EnumFact | NumberFact | YearsFact | DaysSinceFact | RegionFact;

const t = (zh: string, en: string): Text => ({ zh, en });
const names = (entries: [string, string, string][]) =>
  Object.fromEntries(entries.map(([k, zh, en]) => [k, t(zh, en)])) as Record<string, Text>;
const enumOf = (label: Text, entries: [string, string, string][]): EnumFact => ({
  kind: 'enum',
  values: entries.map((e) => e[0]),
  names: names(entries),
  label,
});

export const PERSON_FACTS = {
  age: { kind: 'years', label: t('年龄', 'age') },
  sex: enumOf(t('性别', 'sex'), [
    ['male', '男', 'male'],
    ['female', '女', 'female'],
  ]),
  alive: enumOf(t('生存状态', 'alive'), [
    ['yes', '在世', 'alive'],
    ['no', '已故', 'deceased'],
  ]),
  daysSinceDeath: { kind: 'daysSince', label: t('死亡距今天数', 'days since death') },
  /** The youngest child of the household (for its head and spouse): days since that birth. */
  daysSinceChildBirth: { kind: 'daysSince', label: t('最小子女出生距今天数', 'days since the youngest child’s birth') },
  disabilityLevel: { kind: 'number', unit: t('级', ''), label: t('残疾等级', 'disability level') },
  maritalStatus: enumOf(t('婚姻状况', 'marital status'), [
    ['unmarried', '未婚', 'unmarried'],
    ['married', '已婚', 'married'],
    ['divorced', '离婚', 'divorced'],
    ['widowed', '丧偶', 'widowed'],
  ]),
  householdRole: enumOf(t('户内关系', 'role in household'), [
    ['户主', '户主', 'head of household'],
    ['配偶', '配偶', 'spouse'],
    ['子女', '子女', 'child'],
    ['父母', '父母', 'parent'],
    ['其他', '其他', 'other'],
  ]),
  /** 参保类型: 职工基本养老/医疗保险, 城乡居民保险, or none. */
  insured: enumOf(t('参保类型', 'insurance'), [
    ['employee', '职工社会保险', 'employee social insurance'],
    ['resident', '城乡居民社会保险', 'resident social insurance'],
    ['none', '未参保', 'not insured'],
  ]),
  /** 收入状况: 低保, 低保边缘, 一般. */
  incomeBand: enumOf(t('收入状况', 'income'), [
    ['low', '最低生活保障对象', 'minimum-living-allowance household'],
    ['marginal', '低保边缘家庭', 'near the minimum-living line'],
    ['ordinary', '一般家庭', 'ordinary household'],
  ]),
  region: { kind: 'region', label: t('户籍地', 'registered residence') },
} as const satisfies Record<string, FactDef>;

export const ENTERPRISE_FACTS = {
  status: enumOf(t('登记状态', 'registration status'), [
    ['active', '存续', 'active'],
    ['revoked', '吊销', 'revoked'],
    ['cancelled', '注销', 'cancelled'],
  ]),
  daysSinceEstablished: { kind: 'daysSince', label: t('成立距今天数', 'days since established') },
  industry: enumOf(t('行业', 'industry'), [
    ['餐饮业', '餐饮业', 'catering'],
    ['零售业', '零售业', 'retail'],
    ['软件和信息技术服务业', '软件和信息技术服务业', 'software and IT services'],
    ['建筑业', '建筑业', 'construction'],
    ['道路运输业', '道路运输业', 'road transport'],
    ['住宿业', '住宿业', 'accommodation'],
    ['农副食品加工业', '农副食品加工业', 'agricultural food processing'],
    ['医药制造业', '医药制造业', 'pharmaceuticals'],
    ['酒、饮料和精制茶制造业', '酒、饮料和精制茶制造业', 'liquor, beverages and tea'],
    ['商务服务业', '商务服务业', 'business services'],
  ]),
  employees: { kind: 'number', unit: t('人', ' employees'), label: t('从业人数', 'employees') },
  registeredCapital: { kind: 'number', unit: t('元', ' yuan'), label: t('注册资本', 'registered capital') },
  /** 纳税信用等级 A/B/M/C/D. */
  taxCreditRating: enumOf(t('纳税信用等级', 'tax credit rating'), [
    ['A', 'A级', 'A'],
    ['B', 'B级', 'B'],
    ['M', 'M级', 'M'],
    ['C', 'C级', 'C'],
    ['D', 'D级', 'D'],
  ]),
  region: { kind: 'region', label: t('登记地', 'registered in') },
} as const satisfies Record<string, FactDef>;

export type PersonFact = keyof typeof PERSON_FACTS;
export type EnterpriseFact = keyof typeof ENTERPRISE_FACTS;
export type FactName = PersonFact | EnterpriseFact;

export const FACTS = { person: PERSON_FACTS, enterprise: ENTERPRISE_FACTS } as const;
export type SubjectKind = keyof typeof FACTS;

/** The code (1-based; 0 = no record) of an enumeration value. */
export const enumCode = (def: EnumFact, value: string | null | undefined): number =>
  value == null ? 0 : def.values.indexOf(value) + 1;
