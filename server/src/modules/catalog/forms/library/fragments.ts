/**
 * Shared field fragments of the application forms (申请表): the applicant, an enterprise, addresses,
 * contacts, bank accounts and dates recur across items with the same keys, so that a theme (一件事)
 * asks for them once and prefill (预填) knows where registry facts go. Each item's own fields are
 * written beside these in the domain files.
 */
import type { FormFieldInput } from '../../../../../../contracts/catalog.js';

export type Field = FormFieldInput;

const ID_HELP = '18位公民身份号码，末位校验码为X的请填写大写X';
const CREDIT_HELP = '18位统一社会信用代码，见营业执照左上方';

/** Made-up names for the 示例样表, by person (so that a sample's two parties differ). */
const SAMPLE_NAMES: Record<string, string> = {
  father: '张建国',
  mother: '李秀英',
  groom: '王建国',
  bride: '刘芳',
  child: '张小宇',
  baby: '张小宇',
  deceased: '张德明',
  employee: '陈志强',
  manager: '杨丽',
  seller: '赵刚',
};

/** A person: name and 公民身份号码 under one label prefix and key prefix (`mother` → motherName, motherIdNumber). */
export function personOf(label: string, key = '', required = true): Field[] {
  const k = (s: string) => (key ? `${key}${s}` : s.charAt(0).toLowerCase() + s.slice(1));
  return [
    {
      key: key ? k('Name') : 'applicantName',
      label: `${label}姓名`,
      type: 'string',
      max: 50,
      personal: 'name',
      required,
      example: SAMPLE_NAMES[key] ?? '张晓明',
    },
    { key: key ? k('IdNumber') : 'idNumber', label: `${label}公民身份号码`, type: 'idNumber', required, help: ID_HELP },
  ];
}

/** The applicant (申请人): name, 公民身份号码, mobile phone. */
export const applicant = (label = '申请人'): Field[] => [...personOf(label), mobile()];

/** 联系电话: a mobile number that receives the SMS notices of the case. */
export function mobile(label = '联系电话'): Field {
  return { key: 'phone', label, type: 'phone', help: '11位手机号码，办理进度将以短信通知' };
}

/** 户籍地址 as in the household register (prefilled from the population registry). */
export const householdAddress = (): Field => ({
  key: 'householdAddress',
  label: '户籍地址',
  type: 'string',
  max: 200,
  personal: 'address',
  help: '与户口簿一致，写到门牌号',
  example: '贵州省贵阳市南明区花果园街道五里冲路12号',
});

/** 现居住地址 / 联系地址: where letters and the result by post reach the applicant. */
export const address = (label = '现居住地址', required = true): Field => ({
  key: 'address',
  label,
  type: 'string',
  max: 200,
  personal: 'address',
  required,
  help: '写到门牌号，邮寄送达以此为准',
  example: '贵州省贵阳市云岩区中华北路88号3单元501室',
});

/** The region the matter concerns (6-digit 行政区划代码). */
export const region = (label = '所在区县'): Field => ({
  key: 'region',
  label,
  type: 'region',
  help: '6位行政区划代码，如南明区 520102',
  example: '520102',
});

/** An enterprise or other organisation (企业/单位): name, 统一社会信用代码, 住所, 法定代表人. */
export const enterprise = (label = '企业'): Field[] => [
  {
    key: 'companyName',
    label: `${label}名称`,
    type: 'string',
    max: 100,
    help: '与营业执照（登记证书）一致',
    example: '贵州黔味餐饮管理有限公司',
  },
  { key: 'creditCode', label: '统一社会信用代码', type: 'creditCode', help: CREDIT_HELP },
  {
    key: 'companyAddress',
    label: '住所（经营场所）',
    type: 'string',
    max: 200,
    example: '贵州省贵阳市南明区遵义路21号',
  },
  {
    key: 'legalRepName',
    label: '法定代表人（负责人）姓名',
    type: 'string',
    max: 50,
    personal: 'name',
    example: '李国华',
  },
];

/** The person who handles the application for an organisation (经办人) and how to reach them. */
export const handler = (): Field[] => [
  { key: 'applicantName', label: '经办人姓名', type: 'string', max: 50, personal: 'name', example: '王丽' },
  { key: 'idNumber', label: '经办人公民身份号码', type: 'idNumber', help: ID_HELP },
  mobile('经办人联系电话'),
];

/** An organisation applying, through its handler. */
export const organisation = (label = '企业'): Field[] => [...enterprise(label), ...handler()];

/** A person or an organisation: the applicant's own fields, and the organisation's when one applies. */
export const personOrOrganisation = (): Field[] => [
  ...applicant('申请人（经办人）'),
  {
    key: 'companyName',
    label: '单位名称',
    type: 'string',
    max: 100,
    required: false,
    help: '以单位名义申请的填写，个人申请的不填',
    example: '贵州黔味餐饮管理有限公司',
  },
  { key: 'creditCode', label: '单位统一社会信用代码', type: 'creditCode', required: false, help: CREDIT_HELP },
];

/** A bank account for payments (社会保障卡金融账户 or another account in the applicant's name). */
export const bankAccount = (label = '收款银行账号'): Field[] => [
  { key: 'bankName', label: '开户银行', type: 'string', max: 100, example: '中国工商银行贵阳中华北路支行' },
  {
    key: 'bankAccount',
    label,
    type: 'string',
    max: 30,
    personal: 'id',
    help: '须为申请人本人名下账户，优先使用社会保障卡金融账户',
    example: '6222021234567890123',
  },
];

export const date = (key: string, label: string, o: Partial<Field> = {}): Field => ({ key, label, type: 'date', ...o });
export const text = (key: string, label: string, o: Partial<Field> = {}): Field => ({
  key,
  label,
  type: 'string',
  max: 200,
  ...o,
});
export const longText = (key: string, label: string, o: Partial<Field> = {}): Field => ({
  key,
  label,
  type: 'text',
  max: 1000,
  ...o,
});
export const choice = (key: string, label: string, options: string[], o: Partial<Field> = {}): Field => ({
  key,
  label,
  type: 'choice',
  options,
  ...o,
});
export const num = (
  key: string,
  label: string,
  unit: string,
  min: number,
  max: number,
  o: Partial<Field> = {},
): Field => ({
  key,
  label,
  type: 'number',
  unit,
  min,
  max,
  ...o,
});
export const yes = (key: string, label: string, o: Partial<Field> = {}): Field => ({
  key,
  label,
  type: 'boolean',
  required: false,
  ...o,
});

/** 经营场所 of a shop or plant, with its floor area. */
export const premises = (label = '经营场所'): Field[] => [
  text('shopAddress', `${label}地址`, { help: '写到门牌号', example: '贵阳市南明区花果园大街3号商铺' }),
  num('floorArea', `${label}面积`, '平方米', 1, 1_000_000, { example: 120 }),
];

/** 不动产: where the property is and its 不动产权证书号 / 不动产单元号. */
export const property = (): Field[] => [
  text('propertyAddress', '不动产坐落', {
    help: '与不动产权证书或网签合同一致',
    example: '贵阳市观山湖区林城西路95号1栋2单元1203号',
  }),
  text('propertyUnit', '不动产单元号', {
    required: false,
    max: 28,
    help: '28位不动产单元号，首次登记的不填',
    example: '520115001001GB00001F00011203',
  }),
  num('buildingArea', '建筑面积', '平方米', 1, 1_000_000, { example: 98.5 }),
];

/** A motor vehicle: 号牌 and 车辆识别代号. */
export const vehicle = (): Field[] => [
  choice('plateType', '号牌种类', ['小型汽车', '新能源小型汽车', '大型汽车', '普通摩托车']),
  text('plate', '号牌号码', { required: false, max: 10, help: '新车注册的不填', example: '贵A12345' }),
  text('vin', '车辆识别代号（VIN）', { max: 17, help: '17位，见车辆合格证或行驶证', example: 'LSVNV2182N2123456' }),
];

/** 建设项目: name, 投资项目代码, site and builder. */
export const project = (): Field[] => [
  text('projectName', '项目名称', { max: 100, example: '花溪区大学城安置房二期工程' }),
  text('projectCode', '投资项目代码', {
    max: 24,
    help: '投资项目在线审批监管平台赋予的代码，形如2024-520111-47-01-123456',
    example: '2024-520111-47-01-123456',
  }),
  text('projectSite', '建设地点', { example: '贵阳市花溪区党武镇大学城片区' }),
  num('floorArea', '总建筑面积', '平方米', 1, 10_000_000, { example: 56000 }),
];
