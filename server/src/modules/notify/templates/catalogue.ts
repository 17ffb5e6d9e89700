/**
 * What people are told, one entry per kind of message: who it is for, whether it may wake them
 * (urgent messages ignore quiet hours and rate limits), the variables its text may use, and the
 * default text in Chinese and English. Administrators override the text per channel and language
 * (notify.template); the variables stay as declared here.
 */
import type { Locale } from '../notify.tables.js';

export interface Text {
  title: string;
  body: string;
}
export interface MessageKind {
  audience: 'person' | 'staff' | 'address';
  urgent: boolean;
  /** 中文名 for the administrators' list. */
  name: { zh: string; en: string };
  vars: readonly string[];
  text: Record<Locale, Text>;
}

const CASE = ['itemName', 'trackingCode'] as const;

export const MESSAGE_KINDS = {
  'sms-code': {
    audience: 'address',
    urgent: true,
    name: { zh: '短信验证码', en: 'SMS verification code' },
    vars: ['code'],
    text: {
      'zh-CN': { title: '验证码', body: '您的验证码为 {{code}}，5 分钟内有效。请勿告诉他人。' },
      en: { title: 'Verification code', body: 'Your code is {{code}}, valid for 5 minutes. Do not share it.' },
    },
  },
  'case-accepted': {
    audience: 'person',
    urgent: false,
    name: { zh: '办件已受理', en: 'Application accepted' },
    vars: CASE,
    text: {
      'zh-CN': { title: '办件已受理', body: '您申请的“{{itemName}}”已受理，办件编号 {{trackingCode}}。' },
      en: {
        title: 'Application accepted',
        body: 'Your application for "{{itemName}}" has been accepted. Tracking code {{trackingCode}}.',
      },
    },
  },
  'case-not-accepted': {
    audience: 'person',
    urgent: false,
    name: { zh: '不予受理', en: 'Application not accepted' },
    vars: CASE,
    text: {
      'zh-CN': { title: '办件不予受理', body: '您申请的“{{itemName}}”（{{trackingCode}}）不予受理，详情请登录查看。' },
      en: {
        title: 'Application not accepted',
        body: 'Your application for "{{itemName}}" ({{trackingCode}}) was not accepted; sign in for the reasons.',
      },
    },
  },
  'case-supplement': {
    audience: 'person',
    urgent: false,
    name: { zh: '补正告知', en: 'Corrections requested' },
    vars: CASE,
    text: {
      'zh-CN': {
        title: '请补正材料',
        body: '您申请的“{{itemName}}”（{{trackingCode}}）需要补正材料，请登录查看一次性告知。',
      },
      en: {
        title: 'Corrections requested',
        body: 'Your application for "{{itemName}}" ({{trackingCode}}) needs corrections; sign in to see the notice.',
      },
    },
  },
  'case-decided': {
    audience: 'person',
    urgent: false,
    name: { zh: '办理结果', en: 'Decision made' },
    vars: [...CASE, 'decision', 'decisionNo'],
    text: {
      'zh-CN': {
        title: '办件已办结',
        body: '您申请的“{{itemName}}”（{{trackingCode}}）已作出决定：{{decision}}，文号 {{decisionNo}}。',
      },
      en: {
        title: 'Decision made',
        body: 'Your application for "{{itemName}}" ({{trackingCode}}) is decided: {{decision}}, reference {{decisionNo}}.',
      },
    },
  },
  'result-dispatched': {
    audience: 'person',
    urgent: false,
    name: { zh: '结果已寄出', en: 'Result dispatched' },
    vars: CASE,
    text: {
      'zh-CN': { title: '办理结果已寄出', body: '“{{itemName}}”（{{trackingCode}}）的办理结果已寄出，请注意查收。' },
      en: {
        title: 'Result dispatched',
        body: 'The result of "{{itemName}}" ({{trackingCode}}) has been sent to you.',
      },
    },
  },
  'fee-due': {
    audience: 'person',
    urgent: false,
    name: { zh: '缴费通知', en: 'Fee due' },
    vars: CASE,
    text: {
      'zh-CN': { title: '请缴纳费用', body: '“{{itemName}}”（{{trackingCode}}）有待缴费用，请登录缴纳。' },
      en: { title: 'Fee due', body: 'A fee is due for "{{itemName}}" ({{trackingCode}}); sign in to pay.' },
    },
  },
  'rating-invitation': {
    audience: 'person',
    urgent: false,
    name: { zh: '好差评邀请', en: 'Rating invitation' },
    vars: CASE,
    text: {
      'zh-CN': { title: '请您评价', body: '“{{itemName}}”（{{trackingCode}}）已办结，欢迎对本次服务作出评价。' },
      en: { title: 'Please rate us', body: '"{{itemName}}" ({{trackingCode}}) is done; please rate the service.' },
    },
  },
  'complaint-answered': {
    audience: 'person',
    urgent: false,
    name: { zh: '投诉已答复', en: 'Complaint answered' },
    vars: ['reference'],
    text: {
      'zh-CN': { title: '您的投诉已答复', body: '您的投诉（{{reference}}）已有答复，请登录查看并评价。' },
      en: {
        title: 'Complaint answered',
        body: 'Your complaint {{reference}} has been answered; sign in to read it and close it.',
      },
    },
  },
  'queue-item': {
    audience: 'staff',
    urgent: false,
    name: { zh: '新待办', en: 'New item in the queue' },
    vars: CASE,
    text: {
      'zh-CN': { title: '新的待受理办件', body: '“{{itemName}}”（{{trackingCode}}）等待受理。' },
      en: { title: 'New application to accept', body: '"{{itemName}}" ({{trackingCode}}) waits at the window.' },
    },
  },
  'warning-yellow': {
    audience: 'staff',
    urgent: true,
    name: { zh: '黄牌预警', en: 'Yellow warning' },
    vars: ['subject', 'dueAt'],
    text: {
      'zh-CN': { title: '黄牌预警', body: '“{{subject}}”即将超期（{{dueAt}} 到期），请抓紧办理。' },
      en: { title: 'Yellow warning', body: '"{{subject}}" is nearly due ({{dueAt}}); please act now.' },
    },
  },
  'warning-red': {
    audience: 'staff',
    urgent: true,
    name: { zh: '红牌警告', en: 'Red warning' },
    vars: ['subject', 'dueAt'],
    text: {
      'zh-CN': { title: '红牌警告', body: '“{{subject}}”已超期（{{dueAt}} 到期），已上报督办。' },
      en: { title: 'Red warning', body: '"{{subject}}" is overdue (due {{dueAt}}) and has been escalated.' },
    },
  },
  'supervision-order': {
    audience: 'staff',
    urgent: true,
    name: { zh: '督办通知', en: 'Supervision order' },
    vars: ['subject', 'dueAt'],
    text: {
      'zh-CN': { title: '督办通知', body: '您收到一份督办：“{{subject}}”，请于 {{dueAt}} 前答复。' },
      en: { title: 'Supervision order', body: 'You have a supervision order: "{{subject}}"; answer by {{dueAt}}.' },
    },
  },
  'order-answered': {
    audience: 'staff',
    urgent: false,
    name: { zh: '督办已答复', en: 'Supervision order answered' },
    vars: ['reference'],
    text: {
      'zh-CN': { title: '督办已答复', body: '您发出的督办（{{reference}}）已有答复，请查看。' },
      en: { title: 'Supervision order answered', body: 'Your supervision order {{reference}} has been answered.' },
    },
  },
  'bad-review': {
    audience: 'staff',
    urgent: false,
    name: { zh: '差评整改', en: 'Bad review to rectify' },
    vars: ['rectifyDue'],
    text: {
      'zh-CN': { title: '差评待整改', body: '本部门收到一条差评，请回访并于 {{rectifyDue}} 前完成整改。' },
      en: {
        title: 'Bad review to rectify',
        body: 'Your department received a bad review: call back and rectify by {{rectifyDue}}.',
      },
    },
  },
  'benefit-granted': {
    audience: 'person',
    urgent: false,
    name: { zh: '免申即享待遇', en: 'Benefit granted automatically' },
    vars: ['policyName', 'amount'],
    text: {
      'zh-CN': {
        title: '您已享受“{{policyName}}”',
        body: '根据登记信息，您符合“{{policyName}}”的条件，已为您免申即享（{{amount}}），无需申请。请在“我的待遇”中查看依据。',
      },
      en: {
        title: 'Benefit granted: {{policyName}}',
        body: 'Registry records show you qualify for "{{policyName}}": it has been granted without an application ({{amount}}). See why in My benefits.',
      },
    },
  },
  'offer-made': {
    audience: 'person',
    urgent: false,
    name: { zh: '可享政策提醒', en: 'Benefit you may apply for' },
    vars: ['policyName'],
    text: {
      'zh-CN': {
        title: '您可申请“{{policyName}}”',
        body: '根据登记信息，您可能符合“{{policyName}}”的条件。请在“我的待遇”中查看依据，一键申请。',
      },
      en: {
        title: 'You may apply for {{policyName}}',
        body: 'Registry records show you may qualify for "{{policyName}}". See why and apply in My benefits.',
      },
    },
  },
  'grant-under-review': {
    audience: 'person',
    urgent: true,
    name: { zh: '待遇复核', en: 'Benefit under review' },
    vars: ['policyName'],
    text: {
      'zh-CN': {
        title: '“{{policyName}}”待遇复核中',
        body: '因登记信息更正，您享受的“{{policyName}}”需要复核，已享受的待遇不会被直接收回。请在“我的待遇”中查看原因。',
      },
      en: {
        title: '{{policyName}}: under review',
        body: 'A registry correction means your "{{policyName}}" is being reviewed; nothing already granted is taken back without a decision. See why in My benefits.',
      },
    },
  },
} as const satisfies Record<string, MessageKind>;

export type MessageKindName = keyof typeof MESSAGE_KINDS;
export const isMessageKind = (k: string): k is MessageKindName => Object.hasOwn(MESSAGE_KINDS, k);

const DECISIONS: Record<string, Record<Locale, string>> = {
  approved: { 'zh-CN': '准予', en: 'approved' },
  refused: { 'zh-CN': '不予', en: 'refused' },
  not_accepted: { 'zh-CN': '不予受理', en: 'not accepted' },
};

/** A benefit's amount in yuan with its unit, or the policy's own standard when it has no fixed sum. */
function amountText(amount: string | undefined, en: boolean): string {
  const yuan = amount === undefined || amount === '' ? Number.NaN : Number(amount);
  if (!Number.isFinite(yuan)) return en ? 'as the policy sets' : '按政策标准';
  const n = yuan.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return en ? `CNY ${n}` : `${n} 元`;
}

/**
 * Variables in the recipient's language: a decision's code as a word, a digest's subject with
 * how many there are (`count`: “… 等 3 项” / “… and 2 more”), a policy's name (`policyNameEn`
 * for English) and a benefit's amount with its unit.
 */
export function localVars(vars: Record<string, string>, locale: string): Record<string, string> {
  const en = locale === 'en';
  const words = vars.decision ? DECISIONS[vars.decision] : undefined;
  const out: Record<string, string> = { ...vars };
  if (words) out.decision = words[en ? 'en' : 'zh-CN'];
  if (en && vars.policyNameEn) out.policyName = vars.policyNameEn;
  if ('amount' in vars) out.amount = amountText(vars.amount, en);
  const count = Number(vars.count);
  if (vars.subject !== undefined && count > 1)
    out.subject = en ? `${vars.subject} and ${count - 1} more` : `${vars.subject} 等 ${count} 项`;
  return out;
}
