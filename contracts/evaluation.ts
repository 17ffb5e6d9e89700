/**
 * 好差评 (evaluation, GB/T 39735): ratings of decided cases (非常满意 5 … 非常不满意 1), the
 * rectification of bad reviews with its return visit, appeals and the published statistics.
 */
import { z } from 'zod';
import { contract } from './http.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const RatingLevel = z.number().int().min(1).max(5);
/** 评价渠道: PC, mobile, QR code at the window, pad, self-service terminal, hotline, SMS. */
export const RatingChannel = z.enum(['pc', 'mobile', 'qr', 'pad', 'terminal', 'phone', 'sms']);
export const RectificationStatus = z.enum(['open', 'called_back', 'resolved', 'withdrawn']);
export type RectificationStatus = z.infer<typeof RectificationStatus>;
/** 立行立改 immediate, 限期整改 deadline, 解释说明 explained. */
export const Resolution = z.enum(['immediate', 'deadline', 'explained']);

export const NewRating = z.object({
  level: RatingLevel,
  comment: z.string().trim().max(500).default(''),
  channel: RatingChannel.default('pc'),
});
export const RatingFiled = contract(z.object({ ratingId: z.uuid(), rectificationId: z.uuid().nullable() }));

/** The rating of a case (none yet: null) and what became of a bad review. */
export const CaseRating = contract(
  z.object({
    rating: z
      .object({
        id: z.uuid(),
        level: RatingLevel,
        levelName: z.string(),
        comment: z.string(),
        channel: RatingChannel,
        status: z.enum(['valid', 'under_appeal', 'removed']),
        ratedAt: z.date(),
        rectification: z
          .object({
            id: z.uuid(),
            status: RectificationStatus,
            callBackDue: z.string(),
            rectifyDue: z.string(),
            resolution: Resolution.nullable(),
            resolutionNote: z.string().nullable(),
            resolvedAt: z.date().nullable(),
            followUpLevel: z.number().int().nullable(),
          })
          .nullable(),
      })
      .nullable(),
  }),
);
export type CaseRating = z.infer<typeof CaseRating>;

export const FollowUpRating = z.object({ level: RatingLevel });

export const RectificationQuery = z.object({ status: RectificationStatus.optional() });
/** 差评整改台账: the rectifications in the caller's scope, most urgent first. */
export const Rectifications = contract(
  z.object({
    items: z.array(
      z.object({
        id: z.uuid(),
        status: RectificationStatus,
        callBackDue: z.string(),
        rectifyDue: z.string(),
        resolution: Resolution.nullable(),
        version: z.number().int(),
        trackingCode: z.string(),
        itemName: z.string(),
        level: RatingLevel,
        comment: z.string(),
        ratedAt: z.date(),
        caseId: z.uuid(),
        callBackOverdue: z.boolean(),
        rectifyOverdue: z.boolean(),
      }),
    ),
  }),
);
export type Rectifications = z.infer<typeof Rectifications>;

export const CallBack = z.object({ version: z.number().int().min(1), note: Text(1000) });
export const Resolve = z.object({ version: z.number().int().min(1), resolution: Resolution, note: Text(2000) });
export const NewAppeal = z.object({ reason: Text(1000) });
export const AppealFiled = contract(z.object({ appealId: z.uuid() }));
export const AppealDecision = z.object({ upheld: z.boolean(), note: Text(1000) });

/** 评价结果公开: aggregates per item of a region, never a single rating. */
export const EvaluationStats = contract(
  z.object({
    region: z.string(),
    ratings: z.number().int(),
    badRate: z.number(),
    items: z.array(
      z.object({
        itemCode: z.string(),
        itemName: z.string(),
        departmentId: z.uuid(),
        ratings: z.number().int(),
        score: z.number(),
        goodRate: z.number(),
        badRate: z.number(),
      }),
    ),
  }),
);
export type EvaluationStats = z.infer<typeof EvaluationStats>;
