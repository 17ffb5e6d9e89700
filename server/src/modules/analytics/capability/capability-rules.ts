/**
 * 一体化政务服务能力指数: the structure of the national assessment (省级政府和重要城市一体化政务
 * 服务能力调查评估) computed from the catalogue and the cases. Weights and formulas are written
 * here once; the API and the console show them with every score.
 */
import type { CapabilityScore } from '../../../../../contracts/analytics-demand.js';
import type { Item } from '../../../../../contracts/catalog.js';

/** The weight of each first-level indicator (sum 1). */
export const CAPABILITY_WEIGHTS = { coverage: 0.2, guide: 0.25, online: 0.25, effectiveness: 0.3 } as const;

/** 办事指南要素 standards.md requires, each with the check that it is filled in. */
export const GUIDE_ELEMENTS: readonly { key: string; zh: string; en: string; present: (i: Item) => boolean }[] = [
  { key: 'legalBasis', zh: '设定依据', en: 'Legal basis', present: (i) => i.legalBasis.trim() !== '' },
  { key: 'conditions', zh: '受理条件', en: 'Conditions', present: (i) => i.conditions.some((c) => c.trim() !== '') },
  { key: 'materials', zh: '申请材料', en: 'Materials', present: (i) => i.materials.length > 0 },
  { key: 'processSteps', zh: '办理流程', en: 'Process steps', present: (i) => i.processSteps.length > 0 },
  { key: 'legalLimit', zh: '法定时限', en: 'Legal time limit', present: (i) => i.legalLimitDays > 0 },
  {
    key: 'promisedLimit',
    zh: '承诺时限（不超过法定时限）',
    en: 'Promised time limit (within the legal one)',
    present: (i) => i.promisedLimitDays <= i.legalLimitDays,
  },
  { key: 'venue', zh: '办理地点', en: 'Venue', present: (i) => i.venue.trim() !== '' },
  { key: 'hours', zh: '办理时间', en: 'Hours', present: (i) => i.hours.trim() !== '' },
  { key: 'consultPhone', zh: '咨询电话', en: 'Consultation phone', present: (i) => i.consultPhone.trim() !== '' },
  { key: 'complaintPhone', zh: '监督投诉电话', en: 'Complaint phone', present: (i) => i.complaintPhone.trim() !== '' },
  {
    key: 'visitReason',
    zh: '到现场次数及必须现场办理原因',
    en: 'Visits and why a visit is needed',
    present: (i) => i.visits === 0 || i.visitReason.trim() !== '',
  },
  { key: 'onlineDepth', zh: '网上办理深度', en: 'Online depth', present: (i) => i.onlineDepth.length > 0 },
  { key: 'result', zh: '审批结果', en: 'Result', present: (i) => i.result.name.trim() !== '' },
  { key: 'summary', zh: '事项简介', en: 'Summary', present: (i) => i.summary.trim() !== '' },
];

/** 全程网办: no visit, and accepted and handled online (depth 4 and 5). */
export const fullyOnline = (i: Item) => i.visits === 0 && i.onlineDepth.includes(4) && i.onlineDepth.includes(5);

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 100);
const share = (n: number, d: number) => (d > 0 ? n / d : null);
const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** What the cases of the region say (null where nothing was counted or the figures are withheld). */
export interface CaseEffect {
  completed: number | null;
  onTimeRate: number | null;
  satisfaction: number | null;
  /** Share of filed cases where 免提交 saved a material or a visit. */
  savedShare: number | null;
}

export function capabilityScores(
  catalogue: { items: readonly Item[]; services: number },
  effect: CaseEffect,
): CapabilityScore[] {
  const { items } = catalogue;
  const served = new Set(items.map((i) => i.basicCode)).size;
  const completeness = mean(
    items.map((i) => GUIDE_ELEMENTS.filter((e) => e.present(i)).length / GUIDE_ELEMENTS.length),
  );
  const online = share(items.filter(fullyOnline).length, items.length);
  const depth = mean(items.map((i) => new Set(i.onlineDepth).size / 7));
  const effects = [effect.onTimeRate, effect.satisfaction, effect.savedShare].filter((x): x is number => x !== null);
  const w = CAPABILITY_WEIGHTS;
  return [
    {
      key: 'coverage',
      zh: '服务事项覆盖度',
      en: 'Service coverage',
      weight: w.coverage,
      score: pct(share(served, catalogue.services)),
      formulaZh: '100 × 本地区可办的事项（基本编码）数 ÷ 全省目录事项数',
      formulaEn:
        '100 × services (basic codes) with a published implementation serving the region ÷ services in the catalogue',
      inputs: [
        { key: 'served', zh: '本地区可办事项数', en: 'Services served', value: served },
        { key: 'services', zh: '全省目录事项数', en: 'Services in the catalogue', value: catalogue.services },
      ],
    },
    {
      key: 'guide',
      zh: '办事指南准确度',
      en: 'Guide accuracy and completeness',
      weight: w.guide,
      score: pct(completeness),
      formulaZh: `100 × 各实施清单已填写的必备要素占比的平均值（${GUIDE_ELEMENTS.length} 项要素）`,
      formulaEn: `100 × mean over implementations of the share of the ${GUIDE_ELEMENTS.length} required guide elements filled in`,
      inputs: [
        { key: 'implementations', zh: '实施清单数', en: 'Implementations', value: items.length },
        { key: 'elements', zh: '必备要素数', en: 'Required elements', value: GUIDE_ELEMENTS.length },
        { key: 'completeness', zh: '平均完整率', en: 'Mean completeness', value: round4(completeness) },
      ],
    },
    {
      key: 'online',
      zh: '在线办理成熟度',
      en: 'Online maturity',
      weight: w.online,
      score: online === null || depth === null ? null : pct(0.5 * online + 0.5 * depth),
      formulaZh: '100 × (0.5 × 全程网办事项占比 + 0.5 × 平均网上办理深度 ÷ 7)',
      formulaEn: '100 × (0.5 × share of implementations fully online + 0.5 × mean online depth ÷ 7)',
      inputs: [
        { key: 'fullyOnlineShare', zh: '全程网办占比', en: 'Fully online share', value: round4(online) },
        { key: 'meanDepth', zh: '平均网上办理深度 ÷ 7', en: 'Mean online depth ÷ 7', value: round4(depth) },
      ],
    },
    {
      key: 'effectiveness',
      zh: '在线服务成效度',
      en: 'Service effectiveness',
      weight: w.effectiveness,
      score: pct(mean(effects)),
      formulaZh: '100 × (承诺时限内办结率、好评率、免提交办件占比) 中可计算者的平均值',
      formulaEn:
        '100 × mean of those counted of: on time (promised), satisfaction, share of cases where 免提交 saved something',
      inputs: [
        { key: 'completed', zh: '办结件数', en: 'Completed', value: effect.completed },
        { key: 'onTimeRate', zh: '承诺时限内办结率', en: 'On time (promised)', value: effect.onTimeRate },
        { key: 'satisfaction', zh: '好评率', en: 'Satisfaction', value: effect.satisfaction },
        {
          key: 'savedShare',
          zh: '免提交办件占比',
          en: 'Cases with savings from data sharing',
          value: effect.savedShare,
        },
      ],
    },
  ];
}

/** Σ weight × score over the sub-scores counted, re-weighted to their weights' sum; and its grade. */
export function capabilityIndex(scores: readonly CapabilityScore[]): {
  index: number | null;
  grade: 'very_high' | 'high' | 'medium' | 'low' | null;
} {
  const counted = scores.filter((s) => s.score !== null);
  const weight = counted.reduce((n, s) => n + s.weight, 0);
  if (weight === 0) return { index: null, grade: null };
  const index = Math.round((counted.reduce((n, s) => n + s.weight * s.score!, 0) / weight) * 100) / 100;
  const grade = index >= 90 ? 'very_high' : index >= 75 ? 'high' : index >= 60 ? 'medium' : 'low';
  return { index, grade };
}
