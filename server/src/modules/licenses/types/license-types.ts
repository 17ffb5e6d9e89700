/**
 * 证照类型: the e-licence types the platform issues — their codes (the `licenseType` of the
 * catalogue's materials), data items, the category of department that issues them and how long
 * they are valid. `oidCode` is the type's segment in the licence identifier (GB/T 36903 layout;
 * local codes until the national catalogue's are configured).
 */
import type { HolderKind } from '../licenses.tables.js';

export interface LicenseField {
  key: string;
  label: string;
  /** A personal identifier or fact (masked for anyone but the holder). */
  personal?: boolean;
  /** Shown on the licence's public face (亮证, verification). */
  public?: boolean;
}

export interface LicenseType {
  code: string;
  name: string;
  oidCode: string;
  holderKind: HolderKind;
  /** Category of the issuing department (`catalog.department.category`). */
  category: string;
  /** Years of validity; null: long-term (长期有效). A function when it depends on the holder. */
  validityYears: number | null | ((facts: { ageYears?: number }) => number | null);
  fields: readonly LicenseField[];
}

const f = (key: string, label: string, o: Omit<LicenseField, 'key' | 'label'> = {}): LicenseField => ({
  key,
  label,
  ...o,
});

/** 居民身份证: 5 years under 16, 10 to 25, 20 to 45, long-term from 46 (居民身份证法第五条). */
const idCardYears = ({ ageYears = 30 }: { ageYears?: number }) =>
  ageYears < 16 ? 5 : ageYears <= 25 ? 10 : ageYears <= 45 ? 20 : null;

export const LICENSE_TYPES: readonly LicenseType[] = [
  {
    code: 'BUSINESS_LICENSE',
    name: '营业执照',
    oidCode: '1001',
    holderKind: 'enterprise',
    category: 'market',
    validityYears: null,
    fields: [
      f('name', '名称', { public: true }),
      f('entityType', '类型', { public: true }),
      f('legalRepresentative', '法定代表人', { public: true }),
      f('registeredCapital', '注册资本（万元）', { public: true }),
      f('establishedOn', '成立日期', { public: true }),
      f('address', '住所', { public: true }),
      f('businessScope', '经营范围', { public: true }),
    ],
  },
  {
    code: 'FOOD_LICENSE',
    name: '食品经营许可证',
    oidCode: '1002',
    holderKind: 'enterprise',
    category: 'market',
    validityYears: 5,
    fields: [
      f('operatorName', '经营者名称', { public: true }),
      f('premises', '经营场所', { public: true }),
      f('format', '主体业态', { public: true }),
      f('items', '经营项目', { public: true }),
      f('safetyManager', '食品安全管理人员', { personal: true }),
      f('safetyManagerId', '食品安全管理人员身份证号码', { personal: true }),
    ],
  },
  {
    code: 'ID_CARD',
    name: '居民身份证电子证照',
    oidCode: '2001',
    holderKind: 'person',
    category: 'police',
    validityYears: idCardYears,
    fields: [
      f('sex', '性别', { personal: true }),
      f('ethnicity', '民族', { personal: true }),
      f('birthDate', '出生', { personal: true }),
      f('address', '住址', { personal: true }),
    ],
  },
  {
    code: 'BIRTH_CERT',
    name: '出生医学证明',
    oidCode: '2002',
    holderKind: 'person',
    category: 'health',
    validityYears: null,
    fields: [
      f('childName', '新生儿姓名', { public: true }),
      f('sex', '性别', { personal: true }),
      f('birthDate', '出生时间', { personal: true }),
      f('birthPlace', '出生地点', { personal: true }),
      f('motherName', '母亲姓名', { personal: true }),
      f('fatherName', '父亲姓名', { personal: true }),
    ],
  },
  {
    code: 'MARRIAGE_CERT',
    name: '结婚证',
    oidCode: '2003',
    holderKind: 'person',
    category: 'civil',
    validityYears: null,
    fields: [
      f('spouseName', '配偶姓名', { personal: true }),
      f('spouseIdNumber', '配偶身份证件号', { personal: true }),
      f('registeredOn', '登记日期', { public: true }),
    ],
  },
  {
    code: 'DISABILITY_CERT',
    name: '残疾人证',
    oidCode: '2004',
    holderKind: 'person',
    category: 'disabled',
    validityYears: 10,
    fields: [f('category', '残疾类别', { personal: true }), f('level', '残疾等级', { personal: true })],
  },
];

const BY_CODE = new Map(LICENSE_TYPES.map((t) => [t.code, t]));

export const findLicenseType = (code: string): LicenseType | undefined => BY_CODE.get(code);

export function getLicenseType(code: string): LicenseType {
  const t = BY_CODE.get(code);
  if (!t) throw new Error(`unknown licence type ${code}`);
  return t;
}

export function validityYears(type: LicenseType, facts: { ageYears?: number } = {}): number | null {
  return typeof type.validityYears === 'function' ? type.validityYears(facts) : type.validityYears;
}

/** What a case result (the catalogue item's `result.name`) does to a licence of which type. */
export interface ResultMapping {
  typeCode: string;
  /** 新办 issues, 变更 makes a new version of the holder's licence, 延续/换发 renews it. */
  action: 'issue' | 'change' | 'renew';
}

const RESULT_NAMES: readonly [RegExp, string][] = [
  [/^营业执照/, 'BUSINESS_LICENSE'],
  [/^食品经营许可证/, 'FOOD_LICENSE'],
  [/^出生医学证明/, 'BIRTH_CERT'],
  [/^结婚证(?!或)/, 'MARRIAGE_CERT'],
  [/残疾人证/, 'DISABILITY_CERT'],
  [/^中华人民共和国居民身份证/, 'ID_CARD'],
];

/** The licence a decided case yields, from its item's result name; undefined when none of ours. */
export function licenseForResult(resultName: string): ResultMapping | undefined {
  const hit = RESULT_NAMES.find(([re]) => re.test(resultName));
  if (!hit) return undefined;
  const action = /变更/.test(resultName) ? 'change' : /延续|换发|换领|补发/.test(resultName) ? 'renew' : 'issue';
  return { typeCode: hit[1], action };
}

/** 证照类型 as published: each type, its data items, issuing department category. */
export function listLicenseTypes() {
  return {
    types: LICENSE_TYPES.map((t) => ({
      code: t.code,
      name: t.name,
      holderKind: t.holderKind,
      category: t.category,
      fields: t.fields.map((f) => ({ key: f.key, label: f.label })),
    })),
  };
}
