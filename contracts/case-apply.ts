/**
 * Applying (申报): an application, a theme application (一件事), drafts, the window filing for a
 * walk-in resident (窗口代录), and the materials plan that says which materials the platform already
 * holds for the applicant (免提交: e-licences, shared data).
 */
import { z } from 'zod';
import { contract } from './http.js';
import { CaseStatus } from './case-views.js';

export const ItemCode = z.string().regex(/^[0-9A-Z]{18,40}$/);
export const ItemCodeParams = z.object({ itemCode: ItemCode });

/** The filled-in application form (at most 64 KB as JSON). */
export const Form = z
  .record(z.string().max(100), z.unknown())
  .refine((f) => JSON.stringify(f).length <= 64 * 1024, { message: '表单数据不能超过 64 KB form data over 64 KB' });

export const ApplicationRequest = z.object({
  itemCode: ItemCode,
  form: Form,
  reuseConsent: z.boolean().default(false),
});
export type ApplicationRequest = z.infer<typeof ApplicationRequest>;

export const BundleRequest = z.object({
  theme: z.string().min(1).max(100),
  region: z.string().regex(/^\d{2,12}$/),
  form: Form,
  include: z.array(z.string().max(12)).max(50).default([]),
});
export type BundleRequest = z.infer<typeof BundleRequest>;

/** 一件事申报: one application, the linked cases of its items. */
export const BundleSubmitted = contract(
  z.object({
    bundleId: z.uuid(),
    trackingCode: z.string(),
    cases: z.array(z.object({ caseId: z.uuid(), itemCode: z.string(), itemName: z.string(), status: CaseStatus })),
  }),
);
export type BundleSubmitted = z.infer<typeof BundleSubmitted>;

/** 窗口代录: the window files for a walk-in resident (and accepts at once). */
export const WalkInRequest = z.object({
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/),
  name: z.string().trim().min(1).max(50),
  itemCode: ItemCode,
  form: Form,
  acceptNow: z.boolean().default(true),
  /** Materials (by index in the guide) whose paper originals the window received at the counter. */
  received: z.array(z.number().int().min(0).max(200)).max(200).default([]),
});
export type WalkInRequest = z.infer<typeof WalkInRequest>;

/** What stands in for a material without the applicant sending it (免提交). */
export const SatisfiedBy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('license'), licenseId: z.uuid(), typeName: z.string(), number: z.string() }),
  z.object({ kind: z.literal('shared'), resource: z.string(), resourceName: z.string() }),
  z.object({ kind: z.literal('form') }),
]);
export type SatisfiedBy = z.infer<typeof SatisfiedBy>;

export const MaterialNecessity = z.enum(['required', 'optional', 'deferrable']);

/** The materials plan of an item for the signed-in applicant: what the platform already holds. */
export const MaterialsPlan = contract(
  z.object({
    materials: z.array(
      z.object({
        index: z.number().int(),
        name: z.string(),
        necessity: MaterialNecessity,
        satisfiedBy: SatisfiedBy.nullable(),
      }),
    ),
    saved: z.object({ materials: z.number().int(), visits: z.number().int() }),
    consentRequired: z.boolean(),
  }),
);
export type MaterialsPlan = z.infer<typeof MaterialsPlan>;

export const Drafts = contract(z.object({ drafts: z.array(z.object({ itemCode: z.string(), updatedAt: z.date() })) }));
export const Draft = contract(
  z.object({ itemCode: z.string(), form: z.record(z.string(), z.unknown()), updatedAt: z.date() }),
);
export type Draft = z.infer<typeof Draft>;
export const DraftRequest = z.object({ form: Form });
export const DraftSaved = contract(z.object({ updatedAt: z.date() }));
