/**
 * The service assistant (智能客服): a question in plain words answered from the published guide
 * (办事指南) of the item it is about, with the guide section cited; follow-ups in one short-lived
 * conversation; unanswered and unhelpful questions listed for the catalogue team. Shared by server
 * and web.
 */
import { z } from 'zod';
import { contract } from './http.js';

/** What of a guide a question asks about (材料 / 条件 / 地点与时间 / 时限 / 收费 / 流程 / …). */
export const Aspect = z.enum([
  'materials',
  'conditions',
  'placeTime',
  'timeLimit',
  'fees',
  'process',
  'online',
  'visits',
  'result',
  'phone',
  'provinceWide',
]);
export type Aspect = z.infer<typeof Aspect>;

/** The guide section an answer came from: an aspect, or the item's summary (事项简介). */
export const GuideSection = z.enum([...Aspect.options, 'summary']);
export type GuideSection = z.infer<typeof GuideSection>;

export const AskInput = z.object({
  question: z.string().trim().min(1).max(200),
  /** The conversation to continue (follow-ups such as "那要多少钱？" refer to its item). */
  conversationId: z.uuid().optional(),
});
export type AskInput = z.infer<typeof AskInput>;

export const ItemRef = z.object({ code: z.string(), name: z.string() });
export type ItemRef = z.infer<typeof ItemRef>;

/** What the person can do next: open the guide, apply, track their cases, call, complain. */
export const NextAction = z.object({
  kind: z.enum(['guide', 'apply', 'myCases', 'hotline', 'complaint']),
  /** The portal path to open (guide, apply, my cases, complaints). */
  href: z.string().optional(),
  /** The number to call (hotline). */
  phone: z.string().optional(),
});
export type NextAction = z.infer<typeof NextAction>;

export const AskAnswer = contract(
  z.object({
    conversationId: z.uuid(),
    /** This answer, for thumbs up or down. */
    answerId: z.uuid(),
    /** The answer's lead sentence. */
    answer: z.string(),
    /** The facts the answer lists (one material, step or fee a line), each from the guide cited. */
    lines: z.array(z.string()),
    item: ItemRef.optional(),
    aspect: Aspect.optional(),
    /** Where the answer came from: the item (实施编码) and its guide section. */
    sources: z.array(z.object({ itemCode: z.string(), section: GuideSection })),
    /** When more than one item fits: the person picks one (asking its name continues). */
    choices: z.array(ItemRef).optional(),
    /** The region the answer is for, when one was named, known from the household, or asked back. */
    region: z.object({ code: z.string(), name: z.string() }).optional(),
    /** The assistant asks which region (the place, hours and phone differ by region). */
    asksRegion: z.boolean().optional(),
    actions: z.array(NextAction),
    /** Said by the configured language model over the guide text cited (off by default). */
    rephrased: z.boolean().optional(),
    /** Nothing in the published catalogue answers the question. */
    declined: z.literal(true).optional(),
  }),
);
export type AskAnswer = z.infer<typeof AskAnswer>;

export const FeedbackInput = z.object({
  conversationId: z.uuid(),
  answerId: z.uuid(),
  helpful: z.boolean(),
});

/** A question the assistant could not answer, or whose answer a person found unhelpful. */
export const QuestionRow = z.object({
  id: z.uuid(),
  /** The question as asked (long digit runs masked: a question may hold an ID or phone number). */
  question: z.string(),
  reason: z.enum(['declined', 'unhelpful']),
  /** The item the unhelpful answer was about. */
  item: ItemRef.nullable(),
  count: z.number().int(),
  lastAskedAt: z.date(),
  status: z.enum(['open', 'mapped', 'dismissed']),
  /** What it was mapped to: an item (基本编码 and name) or a synonym term. */
  mappedItem: z.object({ basicCode: z.string(), name: z.string() }).nullable(),
  mappedSynonym: z.string().nullable(),
});
export type QuestionRow = z.infer<typeof QuestionRow>;

export const QuestionList = contract(z.object({ questions: z.array(QuestionRow) }));
export type QuestionList = z.infer<typeof QuestionList>;

export const QuestionListQuery = z.object({
  status: z.enum(['open', 'mapped', 'dismissed']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Maps a question: to an item (the assistant answers the same question with it from now on), to a
 * synonym (the question's words expand to catalogue terms, for search too), or dismisses it.
 */
export const QuestionMapping = z.union([
  z.object({ itemCode: z.string().regex(/^[0-9A-Z]{18,40}$/) }),
  z.object({
    synonym: z.object({
      term: z.string().trim().min(1).max(50),
      expansions: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
    }),
  }),
  z.object({ dismiss: z.literal(true) }),
]);
export type QuestionMapping = z.infer<typeof QuestionMapping>;

export const MappedQuestion = contract(QuestionRow);
