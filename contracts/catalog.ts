/**
 * Catalogue contracts (互联网服务系统 · 一单清): the shapes of service items (政务服务事项), their
 * guides (办事指南), themes (主题 / 一件事) and search, shared by server and web.
 * Code lists follow GB/T 39046-2020 Annex A; see shared/docs/standards.md.
 */
import { z } from 'zod';

import { NO_QUANTITY_LIMIT } from './catalog-codes.js';

export { ITEM_TYPE_NAMES, NO_QUANTITY_LIMIT } from './catalog-codes.js';

/** 事项类型 (GB/T 39046 A). */
export const ItemType = z.enum(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20']);
export type ItemType = z.infer<typeof ItemType>;

/** 行使层级: 1 国家, 2 省, 3 市, 4 县, 5 乡镇/街道, 6 村/社区, 7 分级管理. */
export const ExerciseLevel = z.enum(['1', '2', '3', '4', '5', '6', '7']);
export type ExerciseLevel = z.infer<typeof ExerciseLevel>;

/** 实施主体性质: 1 法定机关, 2 授权组织, 3 受委托组织, 9 其他. */
export const ImplementerNature = z.enum(['1', '2', '3', '9']);

/** 服务对象: 1 自然人, 2 企业法人, 3 事业法人, 4 社会组织法人, 5 行政机关, 6 其他组织. */
export const ServiceObject = z.enum(['1', '2', '3', '4', '5', '6']);
export type ServiceObject = z.infer<typeof ServiceObject>;

/** 办理形式: 1 窗口办理, 2 电脑端网上办理, 3 移动端网上申请, 4 快递申请, 9 其他. */
export const HandlingForm = z.enum(['1', '2', '3', '4', '9']);

/** 办件类型: 1 即办件, 2 承诺件, 9 其他. */
export const CaseKind = z.enum(['1', '2', '9']);

/** 网上办理深度: 1 互联网咨询, 2 收件, 3 预审, 4 受理, 5 办理, 6 结果信息反馈, 7 电子证照反馈. */
export const OnlineDepth = z.number().int().min(1).max(7);

/** 送达方式: 窗口领取, 邮寄 (EMS/快递), 网上送达 (电子证照/电子文书). */
export const DeliveryMethod = z.enum(['pickup', 'post', 'online']);

/** 事项状态 (publishing workflow): 草稿 → 审核中 → 已发布 → 已废止. */
export const ItemStatus = z.enum(['draft', 'in_review', 'published', 'retired']);
export type ItemStatus = z.infer<typeof ItemStatus>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** 申请材料: one required material of a guide. */
export const Material = z.object({
  /** 材料名称 */
  name: text(200),
  /** 设定依据: the legal basis for requiring it. */
  basis: z.string().max(1000).default(''),
  /** 来源渠道/出具单位: who issues it (empty when the applicant makes it). */
  issuer: z.string().max(200).default(''),
  /** 原件份数 */
  originals: z.number().int().min(0).max(99),
  /** 复印件份数 */
  copies: z.number().int().min(0).max(99),
  /** 纸质规格 */
  paperSpec: z.string().max(50).default('A4'),
  /** 材料形式: 纸质 / 电子 / 纸质或电子 */
  form: z.enum(['paper', 'electronic', 'either']),
  /** 必要性: 必要 / 非必要 / 容缺后补 */
  necessity: z.enum(['required', 'optional', 'deferrable']),
  /** 来源: 申请人自备 / 政府部门核发 / 调取电子证照库 / 在线填报 */
  source: z.enum(['applicant', 'government', 'e_license', 'online_form']),
  /** 可由电子证照替代: the license type code that satisfies it (免提交). */
  licenseType: z.string().max(50).optional(),
  /** 可由共享数据替代: the data resource that satisfies it. */
  sharedData: z.string().max(100).optional(),
  /** 空白表格 */
  blankForm: z.string().max(500).optional(),
  /** 示例样表 */
  sample: z.string().max(500).optional(),
  /** 填报须知 */
  instructions: z.string().max(2000).default(''),
  /** 受理标准 */
  acceptanceStandard: z.string().max(2000).default(''),
});
export type Material = z.infer<typeof Material>;

/** 办理流程环节 */
export const ProcessStep = z.object({
  name: text(100),
  description: z.string().max(2000).default(''),
  /** 办理时限 of this step, in working days (0 = same day). */
  days: z.number().int().min(0).max(365).default(0),
});
export type ProcessStep = z.infer<typeof ProcessStep>;

/** 收费项目 */
export const Fee = z.object({
  name: text(200),
  standard: text(500),
  basis: z.string().max(1000).default(''),
  /** 是否允许减免 */
  waivable: z.boolean().default(false),
});
export type Fee = z.infer<typeof Fee>;

/**
 * One field of an item's application form (申请表). The form an administrator edits is this list;
 * the JSON Schema the portal renders and the server validates with is generated from it.
 */
export const FormField = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  label: text(100),
  type: z.enum(['string', 'text', 'number', 'date', 'boolean', 'choice', 'idNumber', 'creditCode', 'phone', 'region']),
  required: z.boolean().default(true),
  /** Choices of a `choice` field. */
  options: z.array(text(100)).max(50).optional(),
  /** Longest text, or largest number. */
  max: z.number().int().min(0).max(1_000_000_000).optional(),
  /** Smallest number. */
  min: z.number().int().min(0).optional(),
  help: z.string().max(300).optional(),
  /** 计量单位 shown beside a number (平方米, 万元, 人). */
  unit: z.string().max(20).optional(),
  /** The value the 示例样表 (filled-in sample form) shows; a made-up one of the field's kind when absent. */
  example: z.union([z.string().max(300), z.number(), z.boolean()]).optional(),
  /**
   * Personal data (个人信息) kept encrypted at rest: an ID number, phone, address or name. ID-number
   * and phone fields are personal whether marked or not.
   */
  personal: z.enum(['id', 'phone', 'address', 'name']).optional(),
});
export type FormField = z.infer<typeof FormField>;
export type FormFieldInput = z.input<typeof FormField>;

/**
 * The editable body of a guide: everything an administrator writes. Invariants that span fields
 * (promised ≤ legal limit, visits and online depth, delivery) are checked by the catalogue service
 * so that every violation is reported at once, not by this schema.
 */
export const ItemGuide = z.object({
  /** 基本编码: the same item nationally. */
  basicCode: z.string().regex(/^[0-9A-Z]{1,12}$/),
  name: text(200),
  itemType: ItemType,
  exerciseLevel: ExerciseLevel,
  implementerNature: ImplementerNature,
  serviceObjects: z.array(ServiceObject).min(1),
  /** 设定依据 */
  legalBasis: text(5000),
  /** 受理条件 */
  conditions: z.array(text(1000)).min(1),
  /** 数量限制 */
  quantityLimit: z.string().max(500).default(NO_QUANTITY_LIMIT),
  materials: z.array(Material),
  processSteps: z.array(ProcessStep).min(1),
  /** 法定时限, working days. */
  legalLimitDays: z.number().int().min(0).max(3650),
  /** 承诺时限, working days; never longer than the legal limit. */
  promisedLimitDays: z.number().int().min(0).max(3650),
  fees: z.array(Fee),
  /** 办理地点 */
  venue: text(500),
  /** 办理时间 */
  hours: text(200),
  /** 咨询电话 */
  consultPhone: text(50),
  /** 监督投诉电话 */
  complaintPhone: text(50),
  /** 到办事现场次数 */
  visits: z.number().int().min(0).max(9),
  /** 必须现场办理原因 (required when visits > 0) */
  visitReason: z.string().max(500).default(''),
  onlineDepth: z.array(OnlineDepth),
  handlingForms: z.array(HandlingForm).min(1),
  /** 全省通办 */
  provinceWide: z.boolean(),
  /** 办件类型 */
  caseKind: CaseKind,
  /** 审批结果 */
  result: z.object({
    name: text(200),
    type: z.enum(['license', 'approval', 'document', 'other']),
    sample: z.string().max(500).optional(),
  }),
  deliveryMethods: z.array(DeliveryMethod).min(1),
  /** 中介服务 */
  intermediaries: z.array(text(200)).default([]),
  /** 搜索用别名和口语说法 ("开饭店" for 食品经营许可). */
  keywords: z.array(text(50)).default([]),
  /** 事项简介 */
  summary: z.string().max(2000).default(''),
  /** 申请表: the fields an applicant fills in online (empty: the item takes free-form remarks only). */
  form: z.array(FormField).max(60).default([]),
});
export type ItemGuide = z.infer<typeof ItemGuide>;
export type ItemGuideInput = z.input<typeof ItemGuide>;

export const DepartmentRef = z.object({
  id: z.string(),
  name: z.string(),
  /** Its English name (the kind of department in the ministries' English, after the place). */
  nameEn: z.string(),
  shortName: z.string(),
  creditCode: z.string(),
});
export type DepartmentRef = z.infer<typeof DepartmentRef>;

/** A region as an item names it, with its English name (pinyin and the kind of division). */
export const RegionRef = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), level: z.number().int() });

/** A service item as the portal shows it: the published version of one implementation. */
export const Item = ItemGuide.extend({
  /** 实施编码 (31 characters: implementing body's credit code + 13-character tail). */
  code: z.string(),
  department: DepartmentRef,
  region: RegionRef,
  status: ItemStatus,
  version: z.number().int(),
  /** 权力清单 / 公共服务清单 / 负面清单 membership derived from the type. */
  lists: z.array(z.enum(['power', 'service'])),
  publishedAt: z.string().nullable(),
});
export type Item = z.infer<typeof Item>;

export const SearchHit = z.object({
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  itemType: ItemType,
  department: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  region: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
  visits: z.number().int(),
  promisedLimitDays: z.number().int(),
  provinceWide: z.boolean(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** 主题 / 一件事 */
export const ThemeInput = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: text(100),
  /** "我要…" phrasing shown to applicants. */
  title: text(100),
  audience: z.enum(['person', 'enterprise']),
  description: z.string().max(2000).default(''),
  /** Items in handling order; `after` names the basic codes that must finish first (联动). */
  steps: z
    .array(
      z.object({ basicCode: z.string(), after: z.array(z.string()).default([]), optional: z.boolean().default(false) }),
    )
    .min(1),
  /** Form fields filled once and shared by every item of the theme. */
  sharedFields: z
    .array(
      z.object({
        key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
        label: text(100),
        type: z.enum(['string', 'date', 'number', 'idNumber', 'creditCode', 'phone', 'region']),
      }),
    )
    .default([]),
  icon: z.string().max(50).default('file'),
});
export type ThemeInput = z.infer<typeof ThemeInput>;

export const ThemeSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  audience: z.enum(['person', 'enterprise']),
  description: z.string(),
  icon: z.string(),
  itemCount: z.number().int(),
});
export type ThemeSummary = z.infer<typeof ThemeSummary>;

export const Theme = ThemeSummary.extend({
  sharedFields: ThemeInput.shape.sharedFields,
  /** `after` names the basic codes (基本编码) of the steps that must finish first (联动). */
  steps: z.array(
    z.object({
      order: z.number().int(),
      basicCode: z.string(),
      after: z.array(z.string()),
      optional: z.boolean(),
      item: SearchHit.omit({ score: true }),
    }),
  ),
});
export type Theme = z.infer<typeof Theme>;
