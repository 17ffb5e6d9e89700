/**
 * The datasets the platform publishes about itself: service performance per item and per
 * department, and 好差评 results per department — read from the analytics store with the public
 * view (a cell of fewer than `minCell` people withheld, with complementary cells so that none is
 * a total minus the others: its figures empty, `suppressed` true).
 * Rows hold names and published codes only; no personal data, no internal ids.
 */
import { cellsOf, type AnalyticsDeps, type Grouping } from '../analytics/index.js';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

export interface Field {
  id: string;
  type: 'text' | 'int' | 'numeric' | 'bool';
  zh: string;
}

export interface Dataset {
  name: string;
  title: string;
  notes: string;
  tags: string[];
  by: Grouping;
  fields: Field[];
}

const PERFORMANCE: Field[] = [
  { id: 'filed', type: 'int', zh: '申请件数' },
  { id: 'accepted', type: 'int', zh: '受理件数' },
  { id: 'completed', type: 'int', zh: '办结件数' },
  { id: 'on_time_promised_rate', type: 'numeric', zh: '承诺时限内办结率' },
  { id: 'on_time_legal_rate', type: 'numeric', zh: '法定时限内办结率' },
  { id: 'avg_working_days', type: 'numeric', zh: '平均办理工作日' },
  { id: 'p90_working_days', type: 'numeric', zh: '90% 办结用时' },
  { id: 'immediate_share', type: 'numeric', zh: '即办件占比' },
  { id: 'fully_online_share', type: 'numeric', zh: '全程网办占比' },
  { id: 'supplement_rate', type: 'numeric', zh: '补正率' },
  { id: 'refusal_rate', type: 'numeric', zh: '不予受理及不予许可率' },
  { id: 'materials_saved', type: 'int', zh: '免提交材料份数' },
  { id: 'visits_saved', type: 'int', zh: '减少跑动次数' },
  { id: 'suppressed', type: 'bool', zh: '因人数过少不予公布' },
];

export const DATASETS: readonly Dataset[] = [
  {
    name: 'service-performance-by-item',
    title: '政务服务事项办理绩效（按事项） Service performance by item',
    notes:
      '每个政务服务事项的申请、受理、办结件数，按时办结率，办理用时，即办件与全程网办占比，补正率与不予受理及不予许可率，免提交节省的材料与跑动。人数不足公布门槛的单元格不予公布。 Applications, acceptance, completion, on-time rates, working days and savings per service item; cells of too few people are withheld.',
    tags: ['政务服务', '办件', 'performance'],
    by: 'item',
    fields: [
      { id: 'item_code', type: 'text', zh: '事项实施编码' },
      { id: 'item_name', type: 'text', zh: '事项名称' },
      ...PERFORMANCE,
    ],
  },
  {
    name: 'service-performance-by-department',
    title: '政务服务办理绩效（按部门） Service performance by department',
    notes:
      '每个部门的办件数量、按时办结率、办理用时与节省。人数不足公布门槛的单元格不予公布。 Case counts, on-time rates, working days and savings per department; cells of too few people are withheld.',
    tags: ['政务服务', '部门', 'performance'],
    by: 'department',
    fields: [{ id: 'department', type: 'text', zh: '部门' }, ...PERFORMANCE],
  },
  {
    name: 'service-satisfaction-by-department',
    title: '政务服务好差评结果（按部门） 好差评 ratings by department',
    notes:
      '每个部门的好差评评价数、好评率（3–5 级）与平均评价等级。评价人数不足公布门槛的单元格不予公布。 Ratings, satisfaction (levels 3–5) and the average level per department; cells of too few raters are withheld.',
    tags: ['好差评', '满意度', 'satisfaction'],
    by: 'department',
    fields: [
      { id: 'department', type: 'text', zh: '部门' },
      { id: 'ratings', type: 'int', zh: '评价数' },
      { id: 'satisfaction', type: 'numeric', zh: '好评率' },
      { id: 'avg_rating', type: 'numeric', zh: '平均评价等级' },
      { id: 'suppressed', type: 'bool', zh: '因人数过少不予公布' },
    ],
  },
];

export const findDataset = (name: string) => DATASETS.find((d) => d.name === name);

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The published rows of a dataset, now. */
export async function datasetRows(deps: AnalyticsDeps, dataset: Dataset): Promise<Row[]> {
  const sums = await deps.store.cells({}, dataset.by);
  // The rows partition the province: withheld with their complements, as every public answer.
  const cells = cellsOf(sums, deps.minCell, true);
  return sums.map((s, i) => {
    const cell = cells[i]!;
    const flat: Row = {
      item_code: s.key,
      item_name: s.label,
      department: s.label,
      ...Object.fromEntries(Object.entries(cell).map(([k, v]) => [snake(k), v as Value])),
    };
    if (dataset.name === 'service-satisfaction-by-department') flat.suppressed = cell.ratings === null;
    return Object.fromEntries(dataset.fields.map((f) => [f.id, flat[f.id] ?? null]));
  });
}
