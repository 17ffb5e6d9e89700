/**
 * 需求分析 (demand) and 一体化政务服务能力指数 (the online-service capability index) of the
 * big-data centre. Public answers list a query only when enough distinct people asked it and
 * withhold the counts of a row counting fewer people than the publication threshold.
 */
import { z } from 'zod';
import { contract } from './http.js';
import { IndicatorQuery } from './analytics.js';

const Day = z.iso.date();
const Count = z.number().int().nullable();
const Region = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const DemandQuery = z.object({
  region: IndicatorQuery.shape.region,
  from: Day.optional(),
  to: Day.optional(),
});
export type DemandQuery = z.infer<typeof DemandQuery>;

/** A query and its counts; `count` is the figure of its list (zero-result searches, searches without a click…). */
export const DemandQueryRow = z.object({
  query: z.string(),
  searches: Count,
  people: Count,
  count: Count,
  /** Counts withheld: fewer people than the publication threshold (public answers only). */
  suppressed: z.boolean(),
});
export type DemandQueryRow = z.infer<typeof DemandQueryRow>;

export const DemandAnswer = contract(
  z.object({
    region: Region.nullable(),
    view: z.enum(['public', 'staff']),
    minCell: z.number().int(),
    /** Distinct people (or sessions) a query needs to be listed publicly. */
    minPeople: z.number().int(),
    watermark: z.number().int(),
    totals: z.object({
      suppressed: z.boolean(),
      searches: Count,
      people: Count,
      zeroResult: Count,
      clicked: Count,
      ledToApplication: Count,
    }),
    top: z.array(DemandQueryRow),
    zeroResult: z.array(DemandQueryRow),
    noClick: z.array(DemandQueryRow),
    ledToApplication: z.array(DemandQueryRow),
    /** Items opened from searches, least applied for online per view first. */
    viewedNotApplied: z.array(
      z.object({
        itemCode: z.string(),
        itemName: z.string(),
        suppressed: z.boolean(),
        views: Count,
        people: Count,
        online: Count,
        /** Online applications per view. */
        onlineRate: z.number().nullable(),
      }),
    ),
    /** 跨县办理: applications to another county's implementation than the applicant's household county. */
    travel: z.array(z.object({ from: Region, to: Region, suppressed: z.boolean(), cases: Count, people: Count })),
  }),
);
export type DemandAnswer = z.infer<typeof DemandAnswer>;

export const CapabilityQuery = z.object({ region: IndicatorQuery.shape.region });

/** One first-level indicator of the capability index: its score (0–100), weight, formula and inputs. */
export const CapabilityScore = z.object({
  key: z.enum(['coverage', 'guide', 'online', 'effectiveness']),
  zh: z.string(),
  en: z.string(),
  weight: z.number(),
  /** 0–100; null when nothing could be counted. */
  score: z.number().nullable(),
  formulaZh: z.string(),
  formulaEn: z.string(),
  inputs: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), value: z.number().nullable() })),
});
export type CapabilityScore = z.infer<typeof CapabilityScore>;

export const CapabilityAnswer = contract(
  z.object({
    region: Region,
    view: z.enum(['public', 'staff']),
    /** Σ weight × score over the sub-scores that could be counted, re-weighted to 100. */
    index: z.number().nullable(),
    /** 非常高 ≥ 90, 高 ≥ 75, 中 ≥ 60, 低 below (the national assessment's grades). */
    grade: z.enum(['very_high', 'high', 'medium', 'low']).nullable(),
    scores: z.array(CapabilityScore),
    watermark: z.number().int(),
  }),
);
export type CapabilityAnswer = z.infer<typeof CapabilityAnswer>;
