/**
 * The seed of the data-resource catalogue (政务信息资源目录): the two base registries and every
 * shared-data resource the service guides' materials refer to (`sharedData:` in the catalogue's
 * item seeds). Only resources with a `source` have records behind them; the others are listed so
 * that departments can see what exists and ask for it, and a query answers that no data source is
 * connected yet.
 */
import type { Db } from '../../../platform/db/index.js';
import { listDepartments } from '../../catalog/index.js';
import {
  sq,
  type ResourceField,
  type ResourceSource,
  type SharingClass,
  type SubjectKind,
  type UpdateFrequency,
} from '../exchange.tables.js';

export interface ResourceSeed {
  code: string;
  name: string;
  /** Category of the owning department; the province's department of it owns the resource. */
  owner: string;
  subject: SubjectKind;
  frequency: UpdateFrequency;
  sharing: SharingClass;
  /** `key:名称` pairs. */
  fields: string;
  source?: ResourceSource;
  description?: string;
}

const BROKERED = '外部数据，经省大数据局统一接入 External source, connected through the provincial big-data bureau';

export const RESOURCE_SEEDS: ResourceSeed[] = [
  {
    code: 'population.person',
    name: '人口基础信息',
    owner: 'police',
    subject: 'person',
    frequency: 'realtime',
    sharing: 'conditional',
    source: 'person',
    fields:
      'name:姓名,sex:性别,birthDate:出生日期,ethnicity:民族,regionCode:户籍地行政区划,address:户籍地址,maritalStatus:婚姻状况,alive:是否健在,deathDate:死亡日期,householdStatus:户籍状态,disabilityLevel:残疾等级,phone:联系电话（脱敏）',
    description: '人口基础库（公安户籍）',
  },
  {
    code: 'population.household',
    name: '户籍户成员信息',
    owner: 'police',
    subject: 'person',
    frequency: 'realtime',
    sharing: 'conditional',
    source: 'household',
    fields: 'householdRole:与户主关系,memberCount:户成员人数,members:户成员（姓名脱敏、关系、出生日期、是否健在）',
  },
  {
    code: 'legal_entity.basic',
    name: '法人基础信息',
    owner: 'market',
    subject: 'enterprise',
    frequency: 'realtime',
    sharing: 'unconditional',
    source: 'legal_entity',
    fields:
      'name:名称,entityType:类型,status:登记状态,industry:行业,businessScope:经营范围,regionCode:住所行政区划,address:住所,registeredCapital:注册资本（万元）,establishedOn:成立日期,legalRepresentativeName:法定代表人（脱敏）',
    description: '法人基础库（市场主体登记）',
  },
  {
    code: 'population.residence_permit',
    name: '居住证信息',
    owner: 'police',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'permitNo:居住证号,address:居住地址,validUntil:有效期至',
  },
  {
    code: 'police.background',
    name: '无犯罪记录信息',
    owner: 'police',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'hasRecord:有无犯罪记录,checkedOn:核查日期',
  },
  {
    code: 'police.driving_record',
    name: '机动车驾驶人信息',
    owner: 'police',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'licenseClass:准驾车型,status:驾驶证状态,points:记分',
  },
  {
    code: 'police.foreigner_stay',
    name: '外国人居留信息',
    owner: 'police',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'permitType:居留许可类型,validUntil:有效期至',
  },
  {
    code: 'health.death',
    name: '居民死亡医学证明信息',
    owner: 'health',
    subject: 'person',
    frequency: 'realtime',
    sharing: 'conditional',
    fields: 'deathDate:死亡日期,place:死亡地点,certificateNo:证明编号',
  },
  {
    code: 'health.delivery',
    name: '出生医学证明信息',
    owner: 'health',
    subject: 'person',
    frequency: 'realtime',
    sharing: 'conditional',
    fields: 'childName:新生儿姓名,birthDate:出生日期,certificateNo:证明编号,hospital:接生机构',
  },
  {
    code: 'health.driver_exam',
    name: '驾驶人体检信息',
    owner: 'health',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'examDate:体检日期,conclusion:体检结论',
  },
  {
    code: 'health.nurse_exam',
    name: '护士执业资格考试信息',
    owner: 'health',
    subject: 'person',
    frequency: 'yearly',
    sharing: 'conditional',
    fields: 'passedOn:合格日期,certificateNo:合格证明编号',
  },
  {
    code: 'hrss.insurance',
    name: '社会保险参保信息',
    owner: 'hrss',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'insuranceTypes:参保险种,status:参保状态,since:参保起始日期,employer:参保单位',
  },
  {
    code: 'hrss.retirement',
    name: '养老保险待遇领取信息',
    owner: 'hrss',
    subject: 'person',
    frequency: 'monthly',
    sharing: 'conditional',
    fields: 'receiving:是否领取待遇,since:领取起始日期',
  },
  {
    code: 'hrss.injury',
    name: '工伤认定信息',
    owner: 'hrss',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'decisionNo:认定决定书编号,decidedOn:认定日期,level:伤残等级',
  },
  {
    code: 'hrss.qualification',
    name: '专业技术人员职业资格信息',
    owner: 'hrss',
    subject: 'person',
    frequency: 'monthly',
    sharing: 'unconditional',
    fields: 'qualification:资格名称,level:级别,certificateNo:证书编号',
  },
  {
    code: 'hrss.skill_cert',
    name: '职业技能等级证书信息',
    owner: 'hrss',
    subject: 'person',
    frequency: 'monthly',
    sharing: 'unconditional',
    fields: 'occupation:职业（工种）,level:等级,certificateNo:证书编号',
  },
  {
    code: 'education.degree',
    name: '学历学位信息',
    owner: 'education',
    subject: 'person',
    frequency: 'yearly',
    sharing: 'unconditional',
    fields: 'degree:学历,school:毕业院校,graduatedOn:毕业日期',
  },
  {
    code: 'education.mandarin',
    name: '普通话水平测试等级信息',
    owner: 'education',
    subject: 'person',
    frequency: 'monthly',
    sharing: 'unconditional',
    fields: 'level:等级,certificateNo:证书编号',
  },
  {
    code: 'education.student_status',
    name: '学籍信息',
    owner: 'education',
    subject: 'person',
    frequency: 'quarterly',
    sharing: 'conditional',
    fields: 'school:学校,grade:年级,status:学籍状态',
  },
  {
    code: 'education.teacher_exam',
    name: '教师资格考试合格信息',
    owner: 'education',
    subject: 'person',
    frequency: 'quarterly',
    sharing: 'unconditional',
    fields: 'subject:学段学科,passedOn:合格日期',
  },
  {
    code: 'justice.legal_qualification',
    name: '法律职业资格信息',
    owner: 'justice',
    subject: 'person',
    frequency: 'yearly',
    sharing: 'unconditional',
    fields: 'certificateNo:证书编号,issuedOn:授予日期',
  },
  {
    code: 'culture.guide_qualification',
    name: '导游资格信息',
    owner: 'culture',
    subject: 'person',
    frequency: 'yearly',
    sharing: 'unconditional',
    fields: 'certificateNo:资格证编号,language:语种',
  },
  {
    code: 'drug.pharmacist_qualification',
    name: '执业药师资格信息',
    owner: 'drug',
    subject: 'person',
    frequency: 'yearly',
    sharing: 'unconditional',
    fields: 'certificateNo:资格证书编号,category:类别',
  },
  {
    code: 'drug.retail_license',
    name: '药品经营许可信息',
    owner: 'drug',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'licenseNo:许可证编号,scope:经营范围,validUntil:有效期至',
  },
  {
    code: 'market.se_exam',
    name: '特种设备作业人员考核信息',
    owner: 'market',
    subject: 'person',
    frequency: 'monthly',
    sharing: 'unconditional',
    fields: 'item:作业项目,certificateNo:证书编号',
  },
  {
    code: 'tax.clearance',
    name: '清税信息',
    owner: 'tax',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'cleared:是否清税,clearedOn:清税日期',
  },
  {
    code: 'tax.deed',
    name: '契税完税信息',
    owner: 'tax',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'voucherNo:完税凭证号,amount:税额,paidOn:缴纳日期',
  },
  {
    code: 'tax.invoice',
    name: '发票信息',
    owner: 'tax',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'invoiceNo:发票号码,amount:金额,issuedOn:开票日期',
  },
  {
    code: 'transport.operator',
    name: '道路运输经营许可信息',
    owner: 'transport',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'licenseNo:许可证号,scope:经营范围,validUntil:有效期至',
  },
  {
    code: 'construction.registry',
    name: '建筑业企业资质信息',
    owner: 'construction',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'qualification:资质类别及等级,certificateNo:证书编号,validUntil:有效期至',
  },
  {
    code: 'construction.completion',
    name: '竣工验收备案信息',
    owner: 'construction',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'projectName:工程名称,filedOn:备案日期,recordNo:备案号',
  },
  {
    code: 'construction.drawing_review',
    name: '施工图审查信息',
    owner: 'construction',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'projectName:工程名称,reviewNo:审查合格书编号',
  },
  {
    code: 'construction.fire_acceptance',
    name: '消防验收信息',
    owner: 'construction',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'projectName:工程名称,result:验收结论,decidedOn:验收日期',
  },
  {
    code: 'construction.joint_acceptance',
    name: '联合验收信息',
    owner: 'construction',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'projectName:工程名称,result:验收结论',
  },
  {
    code: 'construction.safety_exam',
    name: '安全生产考核信息',
    owner: 'construction',
    subject: 'person',
    frequency: 'monthly',
    sharing: 'unconditional',
    fields: 'category:类别,certificateNo:证书编号',
  },
  {
    code: 'housing.contract',
    name: '商品房买卖合同网签备案信息',
    owner: 'construction',
    subject: 'person',
    frequency: 'realtime',
    sharing: 'conditional',
    fields: 'contractNo:合同备案号,houseAddress:房屋坐落,signedOn:签约日期,price:成交价',
  },
  {
    code: 'planning.permit',
    name: '建设工程规划许可信息',
    owner: 'natural-resources',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'permitNo:许可证号,projectName:项目名称',
  },
  {
    code: 'planning.verification',
    name: '规划核实信息',
    owner: 'natural-resources',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'projectName:项目名称,result:核实结论',
  },
  {
    code: 'realestate.ownership',
    name: '不动产登记信息',
    owner: 'natural-resources',
    subject: 'person',
    frequency: 'realtime',
    sharing: 'conditional',
    fields: 'certificateNo:不动产权证书号,location:坐落,area:面积,mortgaged:是否抵押',
  },
  {
    code: 'investment.project',
    name: '投资项目审批信息',
    owner: 'bigdata',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'projectCode:项目代码,projectName:项目名称,approvedOn:审批日期',
    description: BROKERED,
  },
  {
    code: 'bank.mortgage',
    name: '住房按揭贷款信息',
    owner: 'bigdata',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'loanNo:贷款合同号,bank:贷款银行,settled:是否结清',
    description: BROKERED,
  },
  {
    code: 'insurance.ctpl',
    name: '机动车交通事故责任强制保险信息',
    owner: 'bigdata',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'policyNo:保单号,plateNo:号牌号码,validUntil:保险期止',
    description: BROKERED,
  },
  {
    code: 'miit.vehicle_certificate',
    name: '机动车出厂合格证信息',
    owner: 'bigdata',
    subject: 'enterprise',
    frequency: 'daily',
    sharing: 'unconditional',
    fields: 'certificateNo:合格证编号,vin:车辆识别代号,model:车辆型号',
    description: BROKERED,
  },
  {
    code: 'finance.medical_invoice',
    name: '医疗收费电子票据信息',
    owner: 'bigdata',
    subject: 'person',
    frequency: 'daily',
    sharing: 'conditional',
    fields: 'invoiceNo:票据号码,amount:金额,issuedOn:开具日期',
    description: BROKERED,
  },
];

export function fieldsOf(seed: ResourceSeed): ResourceField[] {
  return seed.fields.split(',').map((pair) => {
    const [key, name] = pair.split(':') as [string, string];
    return { key, name };
  });
}

/** Lists the seed resources in the catalogue (those whose owner's category the province has). */
export async function seedResourceCatalogue(db: Db): Promise<number> {
  const departments = await listDepartments(db);
  const top = (category: string) =>
    departments.filter((d) => d.category === category).sort((a, b) => a.regionCode.length - b.regionCode.length)[0];
  const rows = RESOURCE_SEEDS.flatMap((r) => {
    const owner = top(r.owner);
    if (!owner) return [];
    return [
      {
        code: r.code,
        name: r.name,
        description: r.description ?? '',
        ownerDepartmentId: owner.id,
        ownerRegionCode: owner.regionCode,
        subjectKind: r.subject,
        fields: JSON.stringify(fieldsOf(r)),
        sharingClass: r.sharing,
        updateFrequency: r.frequency,
        source: r.source ?? null,
      },
    ];
  });
  if (rows.length)
    await sq(db)
      .insertInto('exchange.resource')
      .values(rows)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  return rows.length;
}

export async function resourceCatalogueIsEmpty(db: Db): Promise<boolean> {
  return !(await sq(db).selectFrom('exchange.resource').select('code').limit(1).executeTakeFirst());
}
