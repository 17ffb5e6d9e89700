/**
 * 指标口径: every figure the big-data centre publishes, defined once. The web's glossary page and
 * the module README show these words; `formula` is the SQL over the store's `case_fact` (cases,
 * `a`) and `rating` tables per cell, exactly what `store/store-sql.ts` runs. A case counts in the
 * period of the day it was accepted (or filed, when never accepted); a rating in its day.
 */
import type { IndicatorCell } from '../../../../../contracts/analytics.js';

type Entry = {
  key: keyof IndicatorCell;
  zh: string;
  en: string;
  definitionZh: string;
  definitionEn: string;
  formula: string;
};

const COMPLETED = "outcome IN ('approved','refused')";

export const GLOSSARY: readonly Entry[] = [
  {
    key: 'people',
    zh: '办事人数',
    en: 'People',
    definitionZh: '提出申请的不同申请人数（按账号去重）；公开数据中不足门槛的单元格不予公布。',
    definitionEn: 'Distinct applicants (accounts). Public cells with fewer people than the threshold are withheld.',
    formula: 'count(DISTINCT person_key)',
  },
  {
    key: 'filed',
    zh: '申请件数',
    en: 'Applications',
    definitionZh: '提交的申请件数，含未受理的。',
    definitionEn: 'Applications filed, accepted or not.',
    formula: 'count(*)',
  },
  {
    key: 'accepted',
    zh: '受理件数',
    en: 'Accepted',
    definitionZh: '经综合窗口受理的件数。',
    definitionEn: 'Cases accepted by the window.',
    formula: 'count(*) FILTER (WHERE accepted_on IS NOT NULL)',
  },
  {
    key: 'completed',
    zh: '办结件数',
    en: 'Completed',
    definitionZh: '已作出准予或不予决定的件数。',
    definitionEn: 'Cases decided (approved or refused).',
    formula: `count(*) FILTER (WHERE ${COMPLETED})`,
  },
  {
    key: 'onTimePromisedRate',
    zh: '承诺时限内办结率',
    en: 'On time (promised limit)',
    definitionZh: '办结件中，用时（受理次日起至决定日的工作日，扣除特别程序等暂停的工作日）不超过承诺时限的比例。',
    definitionEn:
      'Share of completed cases whose working days (from the day after acceptance to the decision, less paused working days) were within the promised limit.',
    formula: `count(*) FILTER (WHERE ${COMPLETED} AND working_days <= promised_days) / count(*) FILTER (WHERE ${COMPLETED})`,
  },
  {
    key: 'onTimeLegalRate',
    zh: '法定时限内办结率',
    en: 'On time (legal limit)',
    definitionZh: '办结件中，用时不超过事项法定时限的比例（法定时限取自事项办事指南）。',
    definitionEn: "Share of completed cases within the item's legal time limit (from the item's guide).",
    formula: `count(*) FILTER (WHERE ${COMPLETED} AND working_days <= legal_days) / count(*) FILTER (WHERE ${COMPLETED} AND legal_days IS NOT NULL)`,
  },
  {
    key: 'avgWorkingDays',
    zh: '平均办理工作日',
    en: 'Average working days',
    definitionZh: '办结件用时（工作日，扣除暂停）的平均数，保留两位小数。',
    definitionEn: 'Mean working days of completed cases (pauses excluded), two decimals.',
    formula: `round(avg(working_days) FILTER (WHERE ${COMPLETED}), 2)`,
  },
  {
    key: 'p90WorkingDays',
    zh: '90% 办结用时',
    en: '90th percentile of working days',
    definitionZh: '办结件用时从小到大排列后第 ⌈0.9×n⌉ 个值（最近秩法）：至少九成办件不超过此用时。',
    definitionEn:
      'The ⌈0.9×n⌉-th smallest working days of the n completed cases (nearest rank): at least 90 % took no longer.',
    formula: `quantile_disc(working_days, 0.9) FILTER (WHERE ${COMPLETED})`,
  },
  {
    key: 'immediateShare',
    zh: '即办件占比',
    en: 'Immediate-service share',
    definitionZh: '受理件中，办事指南办件类型为即办件的比例。',
    definitionEn: "Share of accepted cases whose item's guide declares them 即办件 (decided on the spot).",
    formula:
      'count(*) FILTER (WHERE accepted_on IS NOT NULL AND immediate) / count(*) FILTER (WHERE accepted_on IS NOT NULL)',
  },
  {
    key: 'fullyOnlineShare',
    zh: '全程网办占比',
    en: 'Fully online share',
    definitionZh: '受理件中，网上申请且办事指南要求到现场 0 次的比例。',
    definitionEn: 'Share of accepted cases filed online for an item whose guide asks for no visit.',
    formula:
      'count(*) FILTER (WHERE accepted_on IS NOT NULL AND fully_online) / count(*) FILTER (WHERE accepted_on IS NOT NULL)',
  },
  {
    key: 'supplementRate',
    zh: '补正率',
    en: 'Supplement rate',
    definitionZh: '申请件中，至少一次被一次性告知补正材料的比例。',
    definitionEn: 'Share of applications asked at least once to supplement materials (补正).',
    formula: 'count(*) FILTER (WHERE supplement_rounds > 0) / count(*)',
  },
  {
    key: 'refusalRate',
    zh: '不予受理及不予许可率',
    en: 'Refusal rate',
    definitionZh: '已作结论的件（办结与不予受理）中，不予受理或不予许可的比例。',
    definitionEn: 'Share of not-accepted or refused cases among those concluded (completed or not accepted).',
    formula: `count(*) FILTER (WHERE outcome IN ('refused','not_accepted')) / count(*) FILTER (WHERE outcome IN ('approved','refused','not_accepted'))`,
  },
  {
    key: 'materialsSaved',
    zh: '免提交材料份数',
    en: 'Materials saved',
    definitionZh: '以电子证照、共享数据代替申请人提交的材料份数之和。',
    definitionEn: 'Materials the applicants did not bring because an e-licence or shared data stood in (免提交).',
    formula: 'sum(materials_saved)',
  },
  {
    key: 'visitsSaved',
    zh: '减少跑动次数',
    en: 'Visits saved',
    definitionZh: '因免提交而减少的到现场次数之和。',
    definitionEn: 'Visits to an office saved by 免提交.',
    formula: 'sum(visits_saved)',
  },
  {
    key: 'ratings',
    zh: '评价数',
    en: 'Ratings',
    definitionZh: '好差评评价数（经复核删除的不计）。',
    definitionEn: '好差评 ratings, less those removed on appeal.',
    formula: "count(*) FROM rating WHERE status <> 'removed'",
  },
  {
    key: 'satisfaction',
    zh: '好评率',
    en: 'Satisfaction',
    definitionZh: '评价中“非常满意、满意、基本满意”（3–5 级）的比例。',
    definitionEn: 'Share of ratings that are very satisfied, satisfied or fairly satisfied (levels 3–5).',
    formula: "count(*) FILTER (WHERE level >= 3) / count(*) FROM rating WHERE status <> 'removed'",
  },
  {
    key: 'avgRating',
    zh: '平均评价等级',
    en: 'Average rating',
    definitionZh: '评价等级（1 非常不满意 至 5 非常满意）的平均数。',
    definitionEn: 'Mean rating level, 1 (very dissatisfied) to 5 (very satisfied).',
    formula: "round(avg(level), 2) FROM rating WHERE status <> 'removed'",
  },
  {
    key: 'complaints',
    zh: '投诉件数',
    en: 'Complaints',
    definitionZh: '群众对该单元格的部门、事项提出的投诉件数（不含举报、建议），按投诉日期计入期间。',
    definitionEn:
      "Complaints (not reports or suggestions) about the cell's departments and items, counted on the day filed.",
    formula: "count(*) FROM complaint_fact WHERE kind = 'complaint'",
  },
  {
    key: 'complaintsPer10k',
    zh: '万件投诉率',
    en: 'Complaints per 10,000 applications',
    definitionZh: '投诉件数 ÷ 申请件数 × 10,000，保留两位小数。',
    definitionEn: 'Complaints ÷ applications filed × 10,000, two decimals.',
    formula: "10000 * (count(*) FROM complaint_fact WHERE kind = 'complaint') / (count(*) FROM case_fact)",
  },
  {
    key: 'complaintsOnTimeRate',
    zh: '投诉按期答复率',
    en: 'Complaints answered on time',
    definitionZh: '已答复的投诉中，在答复期限（受理投诉之日起的工作日期限）内答复的比例。',
    definitionEn: 'Share of answered complaints answered by their deadline (working days from filing).',
    formula:
      "count(*) FILTER (WHERE answered_on <= due_on) / count(*) FILTER (WHERE answered_on IS NOT NULL) FROM complaint_fact WHERE kind = 'complaint'",
  },
  {
    key: 'licenseUses',
    zh: '电子证照代替纸质材料次数',
    en: 'E-licences used instead of paper',
    definitionZh: '部门在办件中调用电子证照（用证）代替申请人提交纸质材料的次数，按调用日计入期间。',
    definitionEn:
      'Times a department read an e-licence within a case instead of a paper material, counted on the day read.',
    formula: 'count(*) FROM license_use WHERE case_id IS NOT NULL',
  },
  {
    key: 'sharingReads',
    zh: '数据共享调用次数',
    en: 'Data-sharing reads',
    definitionZh:
      '该单元格的部门经数据共享交换调用其他部门数据的次数（含预填），按调用日计入期间；不按事项、渠道划分。',
    definitionEn:
      "Reads of other departments' data through the exchange by the cell's departments (prefill included), on the day read; not split by item or channel.",
    formula: 'count(*) FROM sharing_read',
  },
];
