/**
 * 堵点 drawn: the directly-follows graph of an item's real process against its defined one
 * (process mining), the dwell of each department step by month (the heat map), and the tiles of
 * the province's map. Public callers get every figure of fewer people than the threshold withheld;
 * staff who read analytics get their scope in full.
 */
import { z } from 'zod';
import { contract } from './http.js';
import { BottleneckQuery, IndicatorQuery } from './analytics.js';

export const ProcessQuery = BottleneckQuery;
export type ProcessQuery = z.infer<typeof ProcessQuery>;

/** One edge of the directly-follows graph: step `to` came right after step `from` in a case's log. */
export const ProcessEdge = z.object({
  /** Case event types (display names in contracts/display-names.ts, table `caseEvent`). */
  from: z.string(),
  to: z.string(),
  /** In the item's defined process (受理 → 环节 → 办结); false marks a deviation (补正, 退回, 中止…). */
  defined: z.boolean(),
  /** Withheld: fewer people than the publication threshold (public answers only). */
  suppressed: z.boolean(),
  count: z.number().int().nullable(),
  /** Median (the lower middle value) of the time between the two steps: hours, and working days on the calendar. */
  medianHours: z.number().nullable(),
  medianWorkingDays: z.number().int().nullable(),
});
export type ProcessEdge = z.infer<typeof ProcessEdge>;

/** Dwell of one department step (环节) in one month: the cell of the bottleneck heat map. */
export const HeatCell = z.object({
  step: z.string(),
  /** The step in English where its words are the standard terms of procedure, else null (`step-names.ts`). */
  stepEn: z.string().nullable(),
  department: z.string(),
  departmentEn: z.string(),
  /** yyyy-MM: the month the task was opened. */
  month: z.string(),
  suppressed: z.boolean(),
  tasks: z.number().int().nullable(),
  avgWorkingDays: z.number().nullable(),
});
export type HeatCell = z.infer<typeof HeatCell>;

export const ProcessAnswer = contract(
  z.object({
    item: z.object({ code: z.string(), name: z.string() }),
    view: z.enum(['public', 'staff']),
    minCell: z.number().int(),
    /** Cases counted; null when withheld. */
    cases: z.number().int().nullable(),
    /** The defined process as edges between case event types, in the order a case walks them. */
    defined: z.array(z.object({ from: z.string(), to: z.string() })),
    edges: z.array(ProcessEdge),
    heat: z.array(HeatCell),
  }),
);
export type ProcessAnswer = z.infer<typeof ProcessAnswer>;

export const RegionTilesQuery = z.object({ region: IndicatorQuery.shape.region });

/** A tile of the schematic map (瓦片地图): a region at a fixed place on a grid, named in both languages. */
export const RegionTile = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** The name without its kind of division (黔东南, Nanming): what fits on a tile. */
  short: z.string(),
  shortEn: z.string(),
  x: z.number().int(),
  y: z.number().int(),
});
export type RegionTile = z.infer<typeof RegionTile>;

export const RegionTiles = contract(
  z.object({
    region: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
    tiles: z.array(RegionTile),
  }),
);
export type RegionTiles = z.infer<typeof RegionTiles>;
