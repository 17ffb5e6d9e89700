/**
 * 黄牌/红牌 administration: who saw a warning and when, and the yellow thresholds per item type
 * (事项类型) — shared by the server's route schemas and the web console.
 */
import { z } from 'zod';
import { contract } from './http.js';
import { ItemType } from './catalog.js';

/** An item type's own threshold, or `*`: every type without one. */
export const ThresholdItemType = z.union([ItemType, z.literal('*')]);

/** Yellow when at most `yellowDays` working days or `yellowShare` of the limit is left (the larger of the two). */
export const ThresholdSetting = z
  .object({
    itemType: ThresholdItemType,
    yellowDays: z.number().int().min(0).max(10),
    yellowShare: z.number().min(0).max(0.5).multipleOf(0.01),
  })
  .refine((t) => t.yellowDays > 0 || t.yellowShare > 0, {
    message: '至少一项大于零 At least one of the two must be above zero',
    path: ['yellowDays'],
  });
export type ThresholdSetting = z.infer<typeof ThresholdSetting>;

export const Threshold = z.object({
  itemType: ThresholdItemType,
  yellowDays: z.number().int(),
  yellowShare: z.number(),
  /** False: the type follows `*` (or the platform default, 1 working day / 20 %). */
  own: z.boolean(),
  updatedAt: z.date().nullable(),
});

export const ThresholdList = contract(
  z.object({
    thresholds: z.array(Threshold),
    /** Whether the caller may change them (a system administrator). */
    editable: z.boolean(),
  }),
);

export const PutThresholds = z.object({
  thresholds: z
    .array(ThresholdSetting)
    .min(1)
    .max(13)
    .refine((list) => new Set(list.map((t) => t.itemType)).size === list.length, {
      message: '每个事项类型只能设置一次 Each item type once',
    }),
});
export type PutThresholds = z.infer<typeof PutThresholds>;

/** What changed: the open clocks whose moments were computed again. */
export const ThresholdsSaved = contract(z.object({ clocksUpdated: z.number().int() }));

/** A warning as the console shows it beside its clock: level, raised, and who has seen it. */
export const WarningView = z.object({
  id: z.uuid(),
  level: z.enum(['yellow', 'red']),
  raisedAt: z.date(),
  seen: z.array(z.object({ name: z.string(), at: z.date() })),
  seenByMe: z.boolean(),
});
export type WarningView = z.infer<typeof WarningView>;

export const WarningSeen = contract(z.object({ firstTime: z.boolean(), seenAt: z.date() }));
