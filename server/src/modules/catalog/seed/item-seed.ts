/**
 * Demo service items (政务服务事项) and the helpers that keep each one to its item-specific
 * content: a shared material library (电子证照 and shared data where the government already holds
 * the document), default process steps by case kind, and `item()` which fills the defaults that
 * follow from the department and the number of visits (venue, hours, phones, handling forms,
 * online depth, delivery).
 */
import { NO_QUANTITY_LIMIT, type ItemGuideInput, type ItemType } from '../../../../../contracts/catalog.js';
import { HALLS, REGION_NAMES, departmentsOf, type DepartmentSeed } from './departments.js';
import { formOfItem } from '../forms/library/index.js';

export type Level = 'province' | 'city' | 'county';
export type GuideSeed = Omit<ItemGuideInput, 'basicCode'>;
export type MaterialInput = ItemGuideInput['materials'][number];
export type ProcessStepInput = ItemGuideInput['processSteps'][number];
export type FeeInput = ItemGuideInput['fees'][number];
type HandlingForm = ItemGuideInput['handlingForms'][number];
type DeliveryMethod = ItemGuideInput['deliveryMethods'][number];
type ServiceObject = ItemGuideInput['serviceObjects'][number];
type ResultType = ItemGuideInput['result']['type'];

export interface ItemSeed {
  /** 12 characters [0-9A-Z], unique across all seeds. */
  basicCode: string;
  /** Which level implements it; one implementation per department of `category` at that level. */
  level: Level;
  /** Department category slug (see departments.ts). */
  category: string;
  /** The guide as the first department of the category at that level publishes it. */
  guide: GuideSeed;
  /** The venue for another implementing department (county items exist in both districts). */
  venueFor?: (dept: DepartmentSeed) => string;
}

// ---------------------------------------------------------------------------------------------
// Places, hours, phones
// ---------------------------------------------------------------------------------------------

export const HOURS = '周一至周五 9:00-12:00, 13:00-17:00（法定节假日除外）';
export const HOURS_EXTENDED = '周一至周五 9:00-12:00, 13:00-17:00；周六 9:00-12:00, 13:00-16:00（法定节假日除外）';
export const COMPLAINT_PHONE = '0851-12345';

/** 政务服务中心 of the department's region. */
export function hallOf(d: DepartmentSeed): string {
  if (d.regionCode === '52') return '贵州省政务服务中心';
  return HALLS[d.regionCode] ?? '所在地政务服务中心';
}

/** The name of the city a city- or county-level department belongs to (贵阳市, 黔东南苗族侗族自治州). */
const cityOf = (d: DepartmentSeed): string => REGION_NAMES[d.regionCode.slice(0, 4)] ?? '';

/** The window of each kind of department in its region's service hall. */
const WINDOWS: Record<string, string> = {
  market: '二楼市场监管窗口',
  police: '一楼公安窗口',
  traffic: '一楼公安交管窗口',
  hrss: '一楼人力资源和社会保障窗口',
  health: '二楼卫生健康窗口',
  civil: '二楼民政窗口',
  'natural-resources': '三楼自然资源和规划窗口',
  transport: '三楼交通运输窗口',
  construction: '三楼住房和城乡建设窗口',
  education: '二楼教育窗口',
  medicare: '一楼医疗保障窗口',
  tax: '一楼税务窗口',
  ecology: '三楼生态环境窗口',
  bigdata: '四楼数据服务窗口',
  drug: '二楼药品监管窗口',
  culture: '二楼文化旅游窗口',
  agriculture: '三楼农业农村窗口',
  water: '三楼水利（水务）窗口',
  veterans: '一楼退役军人服务窗口',
  emergency: '三楼应急管理窗口',
  forestry: '三楼林业窗口',
  justice: '二楼司法行政窗口',
  commerce: '三楼商务窗口',
  disabled: '一楼残疾人服务窗口',
  'housing-fund': '一楼住房公积金窗口',
  fire: '三楼消防窗口',
  urban: '二楼城市管理窗口',
};

export const defaultVenue = (d: DepartmentSeed): string => `${hallOf(d)}${WINDOWS[d.category] ?? '综合窗口'}`;

/** Common venues that are not the service hall. */
export const VENUES = {
  /** 派出所户籍窗口 (户口、身份证). */
  station: (d: DepartmentSeed) => `户籍所在地派出所户籍窗口，或${hallOf(d)}一楼公安窗口`,
  marriage: (d: DepartmentSeed) => `${d.name}婚姻登记处（${REGION_NAMES[d.regionCode] ?? ''}婚姻登记中心）`,
  /** By the city's traffic police (贵阳市公安局交通管理局, 六盘水市公安局交通警察支队). */
  vehicles: (d: DepartmentSeed) => `${d.name}车辆管理所及各车管分所、“警医邮”服务站`,
  taxHall: (d: DepartmentSeed) => `${d.name}办税服务厅，或${hallOf(d)}一楼税务窗口`,
  housingFund: (d: DepartmentSeed) => `${d.name}各管理部服务大厅，或${hallOf(d)}一楼住房公积金窗口`,
  realEstate: (d: DepartmentSeed) => `${cityOf(d)}不动产登记中心各登记服务大厅，或${hallOf(d)}三楼不动产登记窗口`,
  exitEntry: (d: DepartmentSeed) => `${cityOf(d)}公安局出入境管理支队服务大厅，或各区（市、县）公安出入境接待大厅`,
  onSite: () => '检查对象的生产经营场所（现场实施）',
};

// ---------------------------------------------------------------------------------------------
// Material library
// ---------------------------------------------------------------------------------------------

type MatOpts = Partial<MaterialInput>;

/** A material the applicant provides (one original, electronic or paper) unless told otherwise. */
export function mat(name: string, o: MatOpts = {}): MaterialInput {
  return {
    name,
    basis: '',
    issuer: '',
    originals: 1,
    copies: 0,
    paperSpec: 'A4',
    form: 'either',
    necessity: 'required',
    source: 'applicant',
    instructions: '',
    acceptanceStandard: '',
    ...o,
  };
}

const E_LICENSE_NOTE =
  '已归集至贵州省电子证照库的，经申请人授权后由系统自动调取，免于提交；窗口办理的，出示原件或电子证照核验';
const SHARED_NOTE = '通过政务数据共享获取，申请人免于提交；共享数据不全或不一致的，由申请人补充提供';

/** The material library: documents that recur across items. */
export const M = {
  /** 居民身份证 (电子证照 ID_CARD). */
  idCard: (who = '申请人', o: MatOpts = {}) =>
    mat(`${who}居民身份证`, {
      issuer: '公安机关',
      source: 'e_license',
      licenseType: 'ID_CARD',
      basis: '《中华人民共和国居民身份证法》第十四条',
      instructions: E_LICENSE_NOTE,
      acceptanceStandard: '证件在有效期内，人证一致',
      ...o,
    }),
  /** 经办人身份证件 and 授权委托书 when someone applies on the applicant's behalf. */
  agentId: (o: MatOpts = {}) =>
    mat('经办人居民身份证', {
      issuer: '公安机关',
      source: 'e_license',
      licenseType: 'ID_CARD',
      necessity: 'optional',
      instructions: '委托他人办理时提供；' + E_LICENSE_NOTE,
      ...o,
    }),
  proxy: (o: MatOpts = {}) =>
    mat('授权委托书', {
      necessity: 'optional',
      form: 'paper',
      instructions: '委托他人办理时提供，须写明委托事项、权限和期限，由委托人签字（单位加盖公章）',
      ...o,
    }),
  /** 营业执照 (电子证照 BUSINESS_LICENSE). */
  businessLicense: (o: MatOpts = {}) =>
    mat('营业执照', {
      issuer: '市场监督管理部门',
      source: 'e_license',
      licenseType: 'BUSINESS_LICENSE',
      instructions: E_LICENSE_NOTE,
      acceptanceStandard: '登记状态为存续，经营范围与申请事项相符',
      ...o,
    }),
  /** 户口簿 (人口库共享). */
  household: (o: MatOpts = {}) =>
    mat('居民户口簿', {
      issuer: '公安机关',
      source: 'government',
      sharedData: 'population.household',
      originals: 1,
      instructions: SHARED_NOTE,
      ...o,
    }),
  marriageCert: (o: MatOpts = {}) =>
    mat('结婚证', {
      issuer: '婚姻登记机关',
      source: 'e_license',
      licenseType: 'MARRIAGE_CERT',
      instructions: E_LICENSE_NOTE,
      ...o,
    }),
  birthCert: (o: MatOpts = {}) =>
    mat('出生医学证明', {
      issuer: '助产机构',
      source: 'e_license',
      licenseType: 'BIRTH_CERT',
      basis: '《中华人民共和国母婴保健法》第二十三条',
      instructions: '新生儿出生医学证明已由助产机构签发并归集至电子证照库的，免于提交',
      ...o,
    }),
  propertyCert: (o: MatOpts = {}) =>
    mat('不动产权证书', {
      issuer: '不动产登记机构',
      source: 'e_license',
      licenseType: 'PROPERTY_CERT',
      instructions: E_LICENSE_NOTE,
      ...o,
    }),
  foodLicense: (o: MatOpts = {}) =>
    mat('食品经营许可证', {
      issuer: '市场监督管理部门',
      source: 'e_license',
      licenseType: 'FOOD_LICENSE',
      instructions: E_LICENSE_NOTE,
      ...o,
    }),
  disabilityCert: (o: MatOpts = {}) =>
    mat('中华人民共和国残疾人证', {
      issuer: '残疾人联合会',
      source: 'e_license',
      licenseType: 'DISABILITY_CERT',
      instructions: E_LICENSE_NOTE,
      ...o,
    }),
  ssCard: (o: MatOpts = {}) =>
    mat('社会保障卡', {
      issuer: '人力资源社会保障部门',
      source: 'e_license',
      licenseType: 'SOCIAL_SECURITY_CARD',
      instructions: '可使用实体社会保障卡或电子社保卡；用于核验身份和待遇发放账户',
      ...o,
    }),
  drivingLicense: (o: MatOpts = {}) =>
    mat('机动车驾驶证', {
      issuer: '公安机关交通管理部门',
      source: 'e_license',
      licenseType: 'DRIVING_LICENSE',
      instructions: E_LICENSE_NOTE,
      ...o,
    }),
  vehicleLicense: (o: MatOpts = {}) =>
    mat('机动车行驶证', {
      issuer: '公安机关交通管理部门',
      source: 'e_license',
      licenseType: 'VEHICLE_LICENSE',
      instructions: E_LICENSE_NOTE,
      ...o,
    }),
  /** An application form filled in online (在线填报). */
  form: (name: string, o: MatOpts = {}) =>
    mat(name, {
      source: 'online_form',
      form: 'either',
      blankForm: `${name}（空白表）`,
      sample: `${name}（示例样表）`,
      instructions: '通过贵州政务服务网或“贵人服务”移动端在线填写，信息自动带入；窗口办理的可现场填写，申请人签字确认',
      ...o,
    }),
  /** 照片: 近期免冠彩色证件照. */
  photo: (spec = '近期正面免冠彩色证件照（白色背景，小二寸）', count = 2, o: MatOpts = {}) =>
    mat(spec, {
      originals: count,
      form: 'paper',
      paperSpec: '35mm×49mm',
      instructions: '也可上传符合要求的电子照片或到窗口免费拍照',
      ...o,
    }),
  /** 经营场所使用证明: property certificate comes from the e-license library, leases from the applicant. */
  premises: (o: MatOpts = {}) =>
    mat('经营场所使用证明', {
      instructions:
        '自有房屋提供不动产权证书（可从电子证照库调取）；租赁房屋提供租赁合同；无法提供的，可按贵州省住所（经营场所）申报承诺制填写住所申报承诺书',
      ...o,
    }),
  floorPlan: (name = '经营场所平面布局图', o: MatOpts = {}) =>
    mat(name, {
      form: 'either',
      instructions: '标明经营场所面积、功能区布局及主要设备设施位置，申请人签字或盖章',
      ...o,
    }),
  commitment: (name: string, o: MatOpts = {}) =>
    mat(name, {
      source: 'online_form',
      instructions: '按告知承诺制要求如实填写并签字（盖章），承诺内容不实的依法承担相应责任',
      ...o,
    }),
  /** 社会保险参保缴费信息 (人社共享). */
  insuranceRecord: (o: MatOpts = {}) =>
    mat('社会保险参保缴费记录', {
      issuer: '社会保险经办机构',
      source: 'government',
      sharedData: 'hrss.insurance',
      instructions: SHARED_NOTE,
      ...o,
    }),
  bankAccount: (o: MatOpts = {}) =>
    mat('本人银行结算账户（社会保障卡金融账户）信息', {
      source: 'online_form',
      instructions: '用于待遇发放，优先使用社会保障卡金融账户；填写开户行及账号',
      ...o,
    }),
  deathCert: (o: MatOpts = {}) =>
    mat('居民死亡医学证明（推断）书', {
      issuer: '医疗卫生机构',
      source: 'government',
      sharedData: 'health.death',
      instructions: '医疗卫生机构已出具并上传的，通过数据共享核验，免于提交',
      ...o,
    }),
  residence: (o: MatOpts = {}) =>
    mat('居住证明', {
      necessity: 'optional',
      instructions: '非本地户籍人员提供居住证或社区出具的居住证明；已在公安机关办理居住登记的，通过数据共享核验',
      ...o,
    }),
  incomeStatement: (o: MatOpts = {}) =>
    mat('家庭收入及财产状况申报', {
      source: 'online_form',
      instructions: '如实申报共同生活家庭成员的收入和财产，并签署授权核对承诺书，同意民政部门开展家庭经济状况核对',
      ...o,
    }),
  degree: (o: MatOpts = {}) =>
    mat('学历证书', {
      issuer: '教育部门',
      source: 'government',
      sharedData: 'education.degree',
      instructions: '2001年以后取得的国民教育学历通过学信网数据共享核验，免于提交；无法核验的提供原件',
      ...o,
    }),
  drawings: (name: string, o: MatOpts = {}) =>
    mat(name, {
      form: 'electronic',
      paperSpec: 'A3',
      instructions: '提交PDF格式电子文件，加盖设计单位出图章及注册人员执业印章',
      ...o,
    }),
} as const;

// ---------------------------------------------------------------------------------------------
// Process steps
// ---------------------------------------------------------------------------------------------

const APPLY = '申请人通过贵州政务服务网、“贵人服务”移动端提交申请，或到窗口现场申请';
const ACCEPT =
  '窗口工作人员对申请材料进行形式审查：材料齐全、符合法定形式的予以受理并出具受理通知书；材料不全的一次性告知需要补正的全部内容';

export interface StepOptions {
  /** Description of an on-site inspection step (现场核查), inserted between review and decision. */
  inspect?: string;
  /** What the decision produces (准予许可、予以登记 …). */
  decide?: string;
  /** Description of the review step. */
  review?: string;
}

/** Default steps: 即办件 申请→受理→办结; 承诺件 申请→受理→审查→(现场核查)→决定→送达, days summing to `promised`. */
export function defaultSteps(promised: number, o: StepOptions = {}): ProcessStepInput[] {
  if (promised === 0) {
    return [
      { name: '申请', description: APPLY, days: 0 },
      { name: '受理', description: ACCEPT, days: 0 },
      { name: '办结', description: `符合条件的当场办结，${o.decide ?? '出具办理结果'}`, days: 0 },
    ];
  }
  const deliver = promised >= 5 ? 1 : 0;
  const rest = promised - deliver;
  const steps: ProcessStepInput[] = [
    { name: '申请', description: APPLY, days: 0 },
    { name: '受理', description: ACCEPT, days: 0 },
  ];
  if (o.inspect) {
    const review = Math.ceil(rest * 0.4);
    const inspect = Math.floor(rest * 0.4);
    steps.push(
      {
        name: '审查',
        description: o.review ?? '承办人员对申请材料的真实性、合法性进行审查，调取共享数据核验',
        days: review,
      },
      { name: '现场核查', description: o.inspect, days: inspect },
      {
        name: '决定',
        description: `作出${o.decide ?? '是否准予'}的决定；不予批准的书面说明理由，并告知依法申请行政复议或者提起行政诉讼的权利`,
        days: rest - review - inspect,
      },
    );
  } else {
    const review = Math.ceil(rest * 0.6);
    steps.push(
      {
        name: '审查',
        description: o.review ?? '承办人员对申请材料的真实性、合法性进行审查，调取共享数据核验',
        days: review,
      },
      {
        name: '决定',
        description: `作出${o.decide ?? '是否准予'}的决定；不予批准的书面说明理由，并告知依法申请行政复议或者提起行政诉讼的权利`,
        days: rest - review,
      },
    );
  }
  steps.push({ name: '送达', description: '通过电子证照、邮寄或窗口领取方式送达办理结果', days: deliver });
  return steps;
}

/** Steps of an administrative penalty (行政处罚法 第五章). */
export function penaltySteps(): ProcessStepInput[] {
  return [
    { name: '立案', description: '对发现的违法线索进行核查，符合立案条件的报经批准后立案', days: 0 },
    { name: '调查取证', description: '两名以上执法人员出示执法证件，调查询问、现场检查、收集证据，制作笔录', days: 30 },
    {
      name: '告知',
      description: '作出处罚决定前告知拟处罚的事实、理由、依据及当事人享有的陈述、申辩、要求听证等权利',
      days: 5,
    },
    { name: '决定', description: '听取陈述申辩（依法组织听证），重大案件经集体讨论和法制审核后作出处罚决定', days: 20 },
    { name: '送达', description: '七日内将行政处罚决定书送达当事人，并依法公示', days: 5 },
    { name: '执行', description: '当事人履行处罚决定；逾期不履行的依法加处罚款或申请人民法院强制执行', days: 0 },
  ];
}

/** Steps of an administrative inspection (双随机、一公开). */
export function inspectionSteps(): ProcessStepInput[] {
  return [
    {
      name: '制定计划',
      description: '按照“双随机、一公开”要求随机抽取检查对象、随机选派执法检查人员，或依据投诉举报确定检查对象',
      days: 0,
    },
    {
      name: '现场检查',
      description: '执法人员出示证件，对照检查事项清单实施检查，制作现场检查笔录，由被检查对象签字确认',
      days: 1,
    },
    {
      name: '结果处理',
      description: '检查结果在规定时间内通过国家企业信用信息公示系统（贵州）公示；发现问题的责令整改或依法立案查处',
      days: 14,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The item builder
// ---------------------------------------------------------------------------------------------

export const REASONS = {
  identity: '须本人到场采集人像、指纹信息并核验身份',
  originals: '须现场核验申请材料原件并签字确认',
  inspect: '须配合审批部门对经营场所进行现场核查',
  bothParties: '须双方当事人亲自到场，当面声明并签字',
  collect: '须现场领取纸质证照并签收',
  exam: '须到场参加考核（考试）',
  penalty: '行政处罚须依法调查取证，当事人须到场接受询问、陈述申辩并签收法律文书',
  inspection: '检查在被检查对象的生产经营场所实施，被检查对象负责人或指定人员须在场配合',
  health: '须到指定机构现场进行体检（鉴定）',
  submitAndCollect: '须到窗口提交纸质申请材料并核验原件；审批通过后须到窗口领取纸质许可证书（正、副本）',
  inspectAndCollect: '须到窗口核验申请材料原件，并在许可后到窗口领取纸质许可证书；现场核查在申请人经营场所进行',
};

export interface ItemDef {
  code: string;
  level: Level;
  category: string;
  name: string;
  type: ItemType;
  /** 服务对象: shorthand or codes. */
  who: 'person' | 'enterprise' | 'both' | 'org' | ServiceObject[];
  basis: string;
  conditions: string[];
  materials: MaterialInput[];
  legal: number;
  promised: number;
  fees?: FeeInput[];
  visits: number;
  visitReason?: string;
  depth?: number[];
  forms?: HandlingForm[];
  provinceWide?: boolean;
  result: { name: string; type: ResultType };
  delivery?: DeliveryMethod[];
  keywords: string[];
  summary: string;
  steps?: ProcessStepInput[];
  stepOptions?: StepOptions;
  quantityLimit?: string;
  intermediaries?: string[];
  venue?: (d: DepartmentSeed) => string;
  hours?: string;
  exerciseLevel?: ItemGuideInput['exerciseLevel'];
  nature?: ItemGuideInput['implementerNature'];
  caseKind?: ItemGuideInput['caseKind'];
  /** 申请表 fields the applicant fills in online. */
  applicationForm?: ItemGuideInput['form'];
}

const WHO: Record<'person' | 'enterprise' | 'both' | 'org', ServiceObject[]> = {
  person: ['1'],
  enterprise: ['2'],
  both: ['1', '2'],
  org: ['2', '3', '4', '6'],
};

const EXERCISE: Record<Level, ItemGuideInput['exerciseLevel']> = { province: '2', city: '3', county: '4' };

/** 实施主体性质 by department category: 授权组织 for the fund centre and the disabled persons' federation. */
const NATURE: Record<string, ItemGuideInput['implementerNature']> = { 'housing-fund': '2', disabled: '2', fire: '2' };

/** The department whose guide is the seed's default (the first one of the category at the level). */
export function primaryDepartment(level: Level, category: string): DepartmentSeed {
  const d = departmentsOf(category, level)[0];
  if (!d) throw new Error(`No department of category "${category}" at level ${level}`);
  return d;
}

const ENFORCEMENT = new Set<ItemType>(['02', '03', '06']);

export function item(def: ItemDef): ItemSeed {
  const dept = primaryDepartment(def.level, def.category);
  const caseKind = def.caseKind ?? (def.promised === 0 ? '1' : '2');
  const enforcement = ENFORCEMENT.has(def.type);
  const license = def.result.type === 'license';
  let depth = def.depth;
  if (!depth) {
    if (enforcement) depth = [1];
    else if (def.visits === 0) depth = license ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5, 6];
    else if (def.visits === 1) depth = license ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5, 6];
    else depth = [1, 2, 3];
  }
  const forms: HandlingForm[] =
    def.forms ??
    (enforcement
      ? def.type === '06'
        ? ['9']
        : ['1']
      : def.visits === 0
        ? ['1', '2', '3']
        : def.visits === 1
          ? ['1', '2', '3']
          : ['1', '2']);
  let delivery = def.delivery;
  if (!delivery) {
    if (enforcement) delivery = ['pickup', 'post'];
    else if (def.visits === 0) delivery = license ? ['online', 'post'] : ['online', 'post'];
    else if (caseKind === '1') delivery = license ? ['pickup', 'online'] : ['pickup'];
    else delivery = license ? ['pickup', 'post', 'online'] : ['pickup', 'post'];
  }
  const steps =
    def.steps ??
    (def.type === '02'
      ? penaltySteps()
      : def.type === '06'
        ? inspectionSteps()
        : defaultSteps(def.promised, def.stepOptions));
  const venue = def.venue ?? defaultVenue;
  const guide: GuideSeed = {
    name: def.name,
    itemType: def.type,
    exerciseLevel: def.exerciseLevel ?? EXERCISE[def.level],
    implementerNature: def.nature ?? NATURE[def.category] ?? '1',
    serviceObjects: Array.isArray(def.who) ? def.who : WHO[def.who],
    legalBasis: def.basis,
    conditions: def.conditions,
    quantityLimit: def.quantityLimit ?? NO_QUANTITY_LIMIT,
    materials: def.materials,
    processSteps: steps,
    legalLimitDays: def.legal,
    promisedLimitDays: def.promised,
    fees: def.fees ?? [],
    venue: venue(dept),
    hours: def.hours ?? HOURS,
    consultPhone: dept.phone,
    complaintPhone: COMPLAINT_PHONE,
    visits: def.visits,
    visitReason: def.visits > 0 ? (def.visitReason ?? '') : '',
    onlineDepth: depth,
    handlingForms: forms,
    provinceWide: def.provinceWide ?? (!enforcement && def.visits <= 1),
    caseKind,
    result: def.result,
    deliveryMethods: delivery,
    intermediaries: def.intermediaries ?? [],
    keywords: def.keywords,
    summary: def.summary,
    form: def.applicationForm ?? [],
  };
  return { basicCode: def.code, level: def.level, category: def.category, guide, venueFor: venue };
}

/** The guide as one implementing department publishes it (its venue, phone and, for the usual hours, its hall's). */
export function guideFor(seed: ItemSeed, dept: DepartmentSeed): GuideSeed {
  const hours = dept.hours && seed.guide.hours === HOURS ? dept.hours : seed.guide.hours;
  const form = seed.guide.form?.length ? seed.guide.form : formOfItem(seed.guide.name);
  return { ...seed.guide, venue: (seed.venueFor ?? defaultVenue)(dept), consultPhone: dept.phone, hours, form };
}

/** Every implementation of a seed: one per department of its category at its level. */
export function implementationsOf(seed: ItemSeed): { department: DepartmentSeed; guide: ItemGuideInput }[] {
  return departmentsOf(seed.category, seed.level).map((department) => ({
    department,
    guide: { basicCode: seed.basicCode, ...guideFor(seed, department) },
  }));
}

/** Whether a category has a department at a level (used by the content test). */
export const hasDepartment = (category: string, level: Level): boolean => departmentsOf(category, level).length > 0;

// ---------------------------------------------------------------------------------------------
// Common fees
// ---------------------------------------------------------------------------------------------

export const FEES = {
  idCardRenew: {
    name: '居民身份证工本费',
    standard: '换领20元/证',
    basis: '《国家发展改革委、财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）',
    waivable: true,
  },
  idCardLost: {
    name: '居民身份证工本费',
    standard: '补领、损坏换领40元/证',
    basis: '《国家发展改革委、财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）',
    waivable: true,
  },
  idCardTemp: {
    name: '临时居民身份证工本费',
    standard: '10元/证',
    basis: '《国家发展改革委、财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）',
    waivable: false,
  },
  drivingLicense: {
    name: '机动车驾驶证工本费',
    standard: '10元/本',
    basis: '《国家发展改革委 财政部关于公安交通管理收费标准及有关问题的通知》（发改价格〔2004〕2831号）',
    waivable: false,
  },
  realEstateHouse: {
    name: '不动产登记费',
    standard: '住宅类80元/件（含第一本证书工本费），每增加一本证书加收证书工本费10元',
    basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
    waivable: true,
  },
  realEstateOther: {
    name: '不动产登记费',
    standard: '非住宅类550元/件（含第一本证书工本费），每增加一本证书加收证书工本费10元；小微企业免征',
    basis:
      '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）；《财政部 国家发展改革委关于不动产登记收费有关政策问题的通知》（财税〔2016〕79号）',
    waivable: true,
  },
} satisfies Record<string, FeeInput>;
