/**
 * Display names of every code the platform shows a person: case statuses and event kinds, task
 * statuses, audit actions and their targets, who acted, department categories, item types and the
 * sources of materials — in zh-CN and English, defined once for server and web. A code without a
 * name shows the table's generic word (`fallback`), never the raw key; `display-names.test.ts`
 * fails when the server can produce a code that has no name here.
 */
import { ITEM_TYPE_NAMES } from './catalog-codes.js';

export interface Name {
  zh: string;
  en: string;
}
export type Lang = 'zh' | 'en';

interface Table {
  names: Readonly<Record<string, Name>>;
  /** What a code with no name shows: a generic word for the kind of thing. */
  fallback: Name;
}

const CASE_STATUS: Record<string, Name> = {
  waiting: { zh: '待前序事项办结', en: 'Waiting for an earlier item' },
  submitted: { zh: '待受理', en: 'Awaiting acceptance' },
  awaiting_supplement: { zh: '待补正', en: 'Awaiting supplements' },
  in_progress: { zh: '办理中', en: 'In progress' },
  suspended: { zh: '特别程序中', en: 'In a special procedure' },
  approved: { zh: '准予许可', en: 'Approved' },
  refused: { zh: '不予许可', en: 'Refused' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  terminated: { zh: '已终止', en: 'Terminated' },
};

/** 办理记录: what each entry of a case's event log means. */
const CASE_EVENT: Record<string, Name> = {
  submitted: { zh: '提交申请', en: 'Application submitted' },
  released: { zh: '前序事项已办结，进入受理', en: 'Earlier item finished; released to the window' },
  'supplement-requested': { zh: '一次性告知补正', en: 'Supplements requested (one-time notice)' },
  supplemented: { zh: '已补正', en: 'Supplements provided' },
  accepted: { zh: '已受理', en: 'Accepted' },
  'not-accepted': { zh: '不予受理', en: 'Not accepted' },
  'stage-opened': { zh: '进入审查环节', en: 'Review stage opened' },
  'task-claimed': { zh: '认领任务', en: 'Task claimed' },
  'task-reassigned': { zh: '转办任务', en: 'Task reassigned' },
  'task-approved': { zh: '环节同意', en: 'Task approved' },
  opinion: { zh: '办理意见', en: 'Opinion recorded' },
  'extension-requested': { zh: '申请延期', en: 'Extension requested' },
  'extension-approved': { zh: '延期已批准', en: 'Extension approved' },
  'extension-refused': { zh: '延期未批准', en: 'Extension refused' },
  returned: { zh: '退回', en: 'Returned to the previous stage' },
  suspended: { zh: '进入特别程序', en: 'Special procedure started' },
  resumed: { zh: '特别程序结束', en: 'Special procedure ended' },
  approved: { zh: '办结：准予', en: 'Decided: granted' },
  refused: { zh: '办结：不予许可（不予办理）', en: 'Decided: refused' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  terminated: { zh: '办件终止', en: 'Case terminated' },
  'materials-reused': { zh: '免提交材料已关联', en: 'Materials held by the government attached' },
  'material-added': { zh: '上传材料', en: 'Material uploaded' },
  'material-promised': { zh: '容缺承诺', en: 'Material promised (容缺)' },
  'material-received': { zh: '窗口收取原件', en: 'Original received at the window' },
  'promise-fulfilled': { zh: '容缺材料已补齐', en: 'Promised material brought' },
  'another-notice-approved': { zh: '部门负责人批准再次告知', en: 'Another notice approved by the department head' },
  'delivery-chosen': { zh: '选择送达方式', en: 'Delivery method chosen' },
  'delivery-dispatch': { zh: '结果已寄出', en: 'Result posted' },
  'delivery-delivered': { zh: '结果已签收', en: 'Result delivered' },
  'delivery-collected': { zh: '结果已领取', en: 'Result collected' },
  'fee-due': { zh: '核定收费', en: 'Fee set' },
  'fee-paid': { zh: '已缴费', en: 'Fee paid' },
  'fee-waived': { zh: '费用已减免', en: 'Fee waived' },
};

const TASK_STATUS: Record<string, Name> = {
  open: { zh: '办理中', en: 'Open' },
  approved: { zh: '已同意', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
  refused: { zh: '不予许可', en: 'Refused' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** 审计日志: each audited action. */
const AUDIT_ACTION: Record<string, Name> = {
  'hotline.callback-phone-read': { zh: '查看回电号码', en: 'Callback number read' },
  'catalog.synonym-set': { zh: '设置搜索同义词', en: 'Search synonym set' },
  'assistant.question-mapped': { zh: '智能客服问题已映射', en: 'Assistant question mapped' },
  'assistant.question-dismissed': { zh: '智能客服问题已忽略', en: 'Assistant question dismissed' },
  'supervision.thresholds-changed': { zh: '修改预警阈值', en: 'Warning thresholds changed' },
  'identity.sign-in-failed': { zh: '登录失败', en: 'Sign-in failed' },
  'identity.sign-in-refused': {
    zh: '登录被拒（稍候再试或需二次验证）',
    en: 'Sign-in refused (wait, or a second factor needed)',
  },
  'identity.signed-in': { zh: '登录', en: 'Signed in' },
  'identity.signed-out': { zh: '退出登录', en: 'Signed out' },
  'identity.registered': { zh: '实名注册', en: 'Registered' },
  'identity.registration-refused': { zh: '注册被拒（与人口库不符）', en: 'Registration refused (registry mismatch)' },
  'identity.password-reset': { zh: '重置密码', en: 'Password reset' },
  'identity.password-changed': { zh: '修改密码', en: 'Password changed' },
  'identity.session-idle-ended': { zh: '会话因长时间未操作而结束', en: 'Session ended after inactivity' },
  'identity.staff-created': { zh: '新增工作人员', en: 'Staff member added' },
  'identity.staff-deactivated': { zh: '停用工作人员', en: 'Staff member deactivated' },
  'identity.staff-reactivated': { zh: '恢复工作人员', en: 'Staff member reactivated' },
  'identity.roles-changed': { zh: '调整角色与数据范围', en: 'Roles and scope changed' },
  'identity.staff-id-number-recorded': { zh: '登记工作人员身份证号', en: 'Staff ID number recorded' },
  'identity.person-read': { zh: '查阅个人信息', en: 'Personal record read' },
  'identity.verified-in-person': { zh: '现场核验身份', en: 'Identity verified in person' },
  'identity.enterprise-claimed': { zh: '认领企业', en: 'Enterprise claimed' },
  'identity.enterprise-claim-refused': { zh: '认领企业被拒', en: 'Enterprise claim refused' },
  'identity.agent-granted': { zh: '授权经办人', en: 'Agent authorised' },
  'identity.agent-revoked': { zh: '撤销经办人授权', en: 'Agent authorisation revoked' },
  'identity.acting-for-changed': { zh: '切换办事身份', en: 'Acting identity changed' },
  'identity.oidc-client-registered': { zh: '接入单点登录系统', en: 'Single sign-on client registered' },
  'identity.oidc-client-disabled': { zh: '停用单点登录系统', en: 'Single sign-on client disabled' },
  'identity.oidc-grant-recorded': { zh: '同意向接入系统提供信息', en: 'Consent to a connected system recorded' },
  'identity.oidc-signed-in': { zh: '单点登录接入系统', en: 'Signed in to a connected system' },
  'identity.oidc-claims-read': { zh: '接入系统读取身份信息', en: 'Identity read by a connected system' },
  'cases.material-read': { zh: '查阅申请材料', en: 'Application material read' },
  'cases.form-read': { zh: '查阅申请表中的个人信息', en: 'Personal data in an application form read' },
  'cases.delivery-address-read': { zh: '打印邮寄面单', en: 'Postal label printed' },
  'cases.resident-looked-up': { zh: '窗口代录查询申请人', en: 'Resident looked up for walk-in filing' },
  'licenses.issued': { zh: '签发电子证照', en: 'Licence issued' },
  'licenses.renewed': { zh: '延续电子证照', en: 'Licence renewed' },
  'licenses.changed': { zh: '变更电子证照', en: 'Licence changed' },
  'licenses.superseded': { zh: '电子证照被新版本取代', en: 'Licence superseded' },
  'licenses.suspended': { zh: '中止电子证照', en: 'Licence suspended' },
  'licenses.reinstated': { zh: '恢复电子证照', en: 'Licence reinstated' },
  'licenses.revoked': { zh: '注销电子证照', en: 'Licence revoked' },
  'licenses.used': { zh: '调用电子证照', en: 'Licence used' },
  'licenses.consent-granted': { zh: '授权部门用证', en: 'Licence use consented' },
  'licenses.consent-revoked': { zh: '撤销用证授权', en: 'Licence use consent revoked' },
  'licenses.keys-rotated': { zh: '更换签章密钥', en: 'Signing keys rotated' },
  'exchange.client-registered': { zh: '接入部门系统', en: 'Department system connected' },
  'exchange.client-disabled': { zh: '停用部门系统', en: 'Department system disabled' },
  'exchange.life-event-recorded': { zh: '登记人生事件', en: 'Life event recorded' },
  'exchange.subscribed': { zh: '订阅人生事件', en: 'Life events subscribed' },
  'exchange.unsubscribed': { zh: '取消订阅人生事件', en: 'Life events unsubscribed' },
  'exchange.grant-requested': { zh: '申请共享数据', en: 'Data sharing requested' },
  'exchange.grant-approved': { zh: '批准共享数据', en: 'Data sharing approved' },
  'exchange.grant-refused': { zh: '拒绝共享数据', en: 'Data sharing refused' },
  'exchange.grant-revoked': { zh: '撤销共享数据', en: 'Data sharing revoked' },
  'proactive.policy-created': { zh: '新建政策', en: 'Policy created' },
  'proactive.policy-drafted': { zh: '起草政策新版本', en: 'Policy version drafted' },
  'proactive.policy-revised': { zh: '修改政策版本草稿', en: 'Policy version draft revised' },
  'proactive.policy-submitted': { zh: '政策版本提交审核', en: 'Policy version submitted for review' },
  'proactive.policy-published': { zh: '政策版本审核通过并发布', en: 'Policy version approved and published' },
  'proactive.policy-rejected': { zh: '政策版本被退回', en: 'Policy version sent back' },
};

/** What an audit entry is about. */
const AUDIT_TARGET: Record<string, Name> = {
  case: { zh: '办件', en: 'Case' },
  person: { zh: '自然人', en: 'Person' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  'enterprise-agent': { zh: '经办人授权', en: 'Agent authorisation' },
  staff: { zh: '工作人员', en: 'Staff member' },
  account: { zh: '账号', en: 'Account' },
  department: { zh: '部门', en: 'Department' },
  license: { zh: '电子证照', en: 'Licence' },
  'license-consent': { zh: '用证授权', en: 'Licence use consent' },
  life_event: { zh: '人生事件', en: 'Life event' },
  sharing_grant: { zh: '数据共享授权', en: 'Data sharing grant' },
  subscription: { zh: '事件订阅', en: 'Subscription' },
  exchange_client: { zh: '部门系统', en: 'Department system' },
  oidc_client: { zh: '单点登录接入系统', en: 'Single sign-on client' },
  'proactive.policy': { zh: '惠民惠企政策', en: 'Policy' },
  anonymous: { zh: '访客', en: 'Visitor' },
};

const ACTOR_KIND: Record<string, Name> = {
  person: { zh: '申请人', en: 'Applicant' },
  staff: { zh: '工作人员', en: 'Staff' },
  system: { zh: '系统', en: 'System' },
  anonymous: { zh: '访客', en: 'Visitor' },
};

/** 部门类别 (the catalogue's department categories). */
const DEPARTMENT_CATEGORY: Record<string, Name> = {
  agriculture: { zh: '农业农村', en: 'Agriculture and rural affairs' },
  bigdata: { zh: '大数据', en: 'Big data' },
  civil: { zh: '民政', en: 'Civil affairs' },
  commerce: { zh: '商务', en: 'Commerce' },
  construction: { zh: '住房城乡建设', en: 'Housing and construction' },
  culture: { zh: '文化旅游', en: 'Culture and tourism' },
  disabled: { zh: '残联', en: 'Disabled persons’ federation' },
  drug: { zh: '药品监管', en: 'Drug administration' },
  ecology: { zh: '生态环境', en: 'Ecology and environment' },
  education: { zh: '教育', en: 'Education' },
  emergency: { zh: '应急管理', en: 'Emergency management' },
  fire: { zh: '消防救援', en: 'Fire and rescue' },
  forestry: { zh: '林业', en: 'Forestry' },
  health: { zh: '卫生健康', en: 'Health' },
  'housing-fund': { zh: '住房公积金', en: 'Housing provident fund' },
  hrss: { zh: '人力资源社会保障', en: 'Human resources and social security' },
  justice: { zh: '司法行政', en: 'Justice' },
  market: { zh: '市场监管', en: 'Market regulation' },
  medicare: { zh: '医疗保障', en: 'Medical insurance' },
  'natural-resources': { zh: '自然资源', en: 'Natural resources' },
  police: { zh: '公安', en: 'Public security' },
  statistics: { zh: '统计', en: 'Statistics' },
  tax: { zh: '税务', en: 'Taxation' },
  traffic: { zh: '交通管理', en: 'Traffic management' },
  transport: { zh: '交通运输', en: 'Transport' },
  urban: { zh: '城市管理', en: 'Urban management' },
  veterans: { zh: '退役军人事务', en: 'Veterans affairs' },
  water: { zh: '水利', en: 'Water resources' },
};

/** Where a material of a case came from. */
const MATERIAL_SOURCE: Record<string, Name> = {
  upload: { zh: '上传', en: 'Uploaded' },
  license: { zh: '电子证照', en: 'E-licence' },
  shared_data: { zh: '共享数据', en: 'Shared data' },
  form: { zh: '在线填报', en: 'Online form' },
  promise: { zh: '容缺承诺', en: 'Promised (容缺)' },
};

const LICENSE_STATUS: Record<string, Name> = {
  valid: { zh: '有效', en: 'Valid' },
  suspended: { zh: '已中止', en: 'Suspended' },
  revoked: { zh: '已注销', en: 'Revoked' },
  superseded: { zh: '已被新版本取代', en: 'Superseded' },
  expired: { zh: '已过期', en: 'Expired' },
  not_yet_valid: { zh: '尚未生效', en: 'Not yet valid' },
};

/** The department categories the catalogue accepts (部门类别). */
const STAFF_ROLE: Record<string, Name> = {
  window_clerk: { zh: '综合窗口', en: 'Window clerk' },
  approver: { zh: '审批人员', en: 'Approver' },
  department_head: { zh: '部门负责人', en: 'Department head' },
  supervisor: { zh: '效能监察', en: 'Supervisor' },
  catalog_admin: { zh: '事项管理员', en: 'Catalogue administrator' },
  catalog_reviewer: { zh: '事项审核员', en: 'Catalogue reviewer' },
  data_admin: { zh: '数据管理员', en: 'Data administrator' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  registrar: { zh: '登记员（生命周期事件）', en: 'Registrar (life events)' },
};

/** 申请渠道 of a case. */
const CASE_CHANNEL: Record<string, Name> = {
  online: { zh: '网上申请', en: 'Online' },
  window: { zh: '窗口申请', en: 'At a window' },
};

export const DEPARTMENT_CATEGORIES = Object.keys(DEPARTMENT_CATEGORY) as [string, ...string[]];

export const DISPLAY_NAMES = {
  caseStatus: { names: CASE_STATUS, fallback: { zh: '其他状态', en: 'Other status' } },
  caseEvent: { names: CASE_EVENT, fallback: { zh: '办理环节', en: 'Case step' } },
  taskStatus: { names: TASK_STATUS, fallback: { zh: '其他状态', en: 'Other status' } },
  auditAction: { names: AUDIT_ACTION, fallback: { zh: '其他操作', en: 'Other action' } },
  auditTarget: { names: AUDIT_TARGET, fallback: { zh: '其他对象', en: 'Other record' } },
  actorKind: { names: ACTOR_KIND, fallback: { zh: '其他', en: 'Other' } },
  departmentCategory: { names: DEPARTMENT_CATEGORY, fallback: { zh: '其他类别', en: 'Other category' } },
  itemType: { names: ITEM_TYPE_NAMES, fallback: { zh: '其他类型', en: 'Other type' } },
  materialSource: { names: MATERIAL_SOURCE, fallback: { zh: '其他来源', en: 'Other source' } },
  licenseStatus: { names: LICENSE_STATUS, fallback: { zh: '其他状态', en: 'Other status' } },
  staffRole: { names: STAFF_ROLE, fallback: { zh: '其他岗位', en: 'Other role' } },
  caseChannel: { names: CASE_CHANNEL, fallback: { zh: '其他渠道', en: 'Other channel' } },
} as const satisfies Record<string, Table>;

export type DisplayTable = keyof typeof DISPLAY_NAMES;

/** The name of `code` in `table`, or the table's generic word when the code has none. */
export function displayName(table: DisplayTable, code: string | null | undefined, lang: Lang): string {
  const t: Table = DISPLAY_NAMES[table];
  const name = code !== null && code !== undefined && Object.hasOwn(t.names, code) ? t.names[code] : undefined;
  return (name ?? t.fallback)[lang];
}

/** Whether `code` has its own name in `table` (tests; pages that hide unnamed codes). */
export function hasDisplayName(table: DisplayTable, code: string): boolean {
  return Object.hasOwn(DISPLAY_NAMES[table].names, code);
}
