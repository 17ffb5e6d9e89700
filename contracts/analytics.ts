/**
 * 大数据分析 (the big-data centre): indicators per region, department, item, channel and month;
 * 堵点 (bottlenecks) of an item; the glossary that defines every figure. Public callers get the
 * figures with small cells withheld; staff who read analytics get their own scope in full.
 */
import { z } from 'zod';
import { contract } from './http.js';

const Day = z.iso.date();

export const Grouping = z.enum(['total', 'region', 'department', 'item', 'channel', 'month']);
export type Grouping = z.infer<typeof Grouping>;

export const IndicatorQuery = z.object({
  /** A region code of any of the five levels (2, 4, 6, 9 or 12 digits); its subtree is counted. */
  region: z
    .string()
    .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/)
    .optional(),
  department: z.uuid().optional(),
  item: z
    .string()
    .regex(/^[0-9A-Za-z]{1,40}$/)
    .optional(),
  from: Day.optional(),
  to: Day.optional(),
  by: Grouping.default('total'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

/** One cell's figures. Rates are fractions (0–1); null where nothing was counted or the cell is withheld. */
export const IndicatorCell = z.object({
  key: z.string(),
  label: z.string(),
  /** The label in English, where the cell is a named thing (a region, a department, an item). */
  labelEn: z.string().optional(),
  /** Withheld: fewer people than the publication threshold (public answers only). */
  suppressed: z.boolean(),
  people: z.number().int().nullable(),
  filed: z.number().int().nullable(),
  accepted: z.number().int().nullable(),
  completed: z.number().int().nullable(),
  onTimePromisedRate: z.number().nullable(),
  onTimeLegalRate: z.number().nullable(),
  avgWorkingDays: z.number().nullable(),
  p90WorkingDays: z.number().nullable(),
  immediateShare: z.number().nullable(),
  fullyOnlineShare: z.number().nullable(),
  supplementRate: z.number().nullable(),
  refusalRate: z.number().nullable(),
  materialsSaved: z.number().int().nullable(),
  visitsSaved: z.number().int().nullable(),
  ratings: z.number().int().nullable(),
  satisfaction: z.number().nullable(),
  avgRating: z.number().nullable(),
  /** 投诉 filed about the cell's services (complaints, not reports or suggestions). */
  complaints: z.number().int().nullable(),
  /** Complaints per 10,000 applications filed. */
  complaintsPer10k: z.number().nullable(),
  /** Answered complaints answered by their deadline. */
  complaintsOnTimeRate: z.number().nullable(),
  /** 用证 within cases: licences read instead of a paper material (免提交). */
  licenseUses: z.number().int().nullable(),
  /** 共享调用: data-sharing reads by the cell's departments. */
  sharingReads: z.number().int().nullable(),
});
export type IndicatorCell = z.infer<typeof IndicatorCell>;

export const IndicatorAnswer = contract(
  z.object({
    by: Grouping,
    region: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
    /** `public`: small cells withheld; `staff`: the caller's scope in full. */
    view: z.enum(['public', 'staff']),
    minCell: z.number().int(),
    /** The newest event the figures include (outbox id). */
    watermark: z.number().int(),
    cells: z.array(IndicatorCell),
  }),
);
export type IndicatorAnswer = z.infer<typeof IndicatorAnswer>;

export const BottleneckQuery = z.object({
  item: z.string().regex(/^[0-9A-Za-z]{1,40}$/),
  region: IndicatorQuery.shape.region,
  from: Day.optional(),
  to: Day.optional(),
});

export const BottleneckAnswer = contract(
  z.object({
    item: z.object({ code: z.string(), name: z.string() }),
    cases: z.number().int(),
    returns: z.number().int(),
    /** Dwell of each department step: working days open, less pauses. */
    steps: z.array(
      z.object({
        name: z.string(),
        department: z.string(),
        departmentEn: z.string(),
        tasks: z.number().int(),
        open: z.number().int(),
        avgWorkingDays: z.number().nullable(),
        p90WorkingDays: z.number().nullable(),
        maxWorkingDays: z.number().nullable(),
        overLimit: z.number().int(),
        /** 等待 of the working days: from opening to the first claim (认领); the rest is handling. */
        avgWaitingDays: z.number().nullable(),
      }),
    ),
    /**
     * 并联等待: per department with tasks in stages of parallel tasks, how often the others' finished
     * results waited for its task (the stage's last) and for how long at most, on average; and how
     * long its own results waited for the stage's last.
     */
    parallel: z.array(
      z.object({
        department: z.string(),
        departmentEn: z.string(),
        tasks: z.number().int(),
        heldOthers: z.number().int(),
        avgHeldDays: z.number().nullable(),
        avgWaitedDays: z.number().nullable(),
      }),
    ),
    /** The directly-follows graph of the real process: how often step `to` came right after `from`. */
    follows: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
    /** 补正 loops: how many cases were asked for supplements 0, 1, 2… times. */
    supplementRounds: z.array(z.object({ rounds: z.number().int(), cases: z.number().int() })),
  }),
);
export type BottleneckAnswer = z.infer<typeof BottleneckAnswer>;

export const GlossaryEntry = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  definitionZh: z.string(),
  definitionEn: z.string(),
  /** The SQL over the analytics store that computes it (per cell). */
  formula: z.string(),
});
export const Glossary = contract(z.object({ entries: z.array(GlossaryEntry), minCell: z.number().int() }));
export type Glossary = z.infer<typeof Glossary>;
