/**
 * 一件事 in the portal: a theme applied for as one application (shared fields entered once, each
 * item's materials listed once) and tracked by the bundle's one code (全程一码).
 */
import { z } from 'zod';
import { contract } from './http.js';
import { FormField } from './catalog.js';

/** A step of a theme as the application page shows it: its item, the keys of its own fields, its materials. */
export const ThemeApplicationStep = z.object({
  basicCode: z.string(),
  optional: z.boolean(),
  /** Basic codes of the steps that must finish first (联动). */
  after: z.array(z.string()),
  itemCode: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  /** The form keys this item needs (beyond the theme's shared ones). */
  fieldKeys: z.array(z.string()),
  materials: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      necessity: z.enum(['required', 'optional', 'deferrable']),
      /** Held by the platform (e-licence or shared data): taken with the applicant's consent. */
      held: z.boolean(),
    }),
  ),
});
export type ThemeApplicationStep = z.infer<typeof ThemeApplicationStep>;

export const ThemeApplication = z.object({
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  audience: z.enum(['person', 'enterprise']),
  /** The theme's shared fields first, then each item's own, each key once. */
  fields: z.array(FormField),
  /** Keys of the theme's shared fields (always asked). */
  sharedKeys: z.array(z.string()),
  steps: z.array(ThemeApplicationStep),
});
export type ThemeApplication = z.infer<typeof ThemeApplication>;

/** One case of a bundle as anyone holding the bundle's code sees it: no personal data. */
export const TrackedBundleCase = z.object({
  trackingCode: z.string(),
  itemName: z.string(),
  status: z.string(),
  statusName: z.string(),
  /** Waits for other cases of the bundle to be approved first (联动). */
  waiting: z.boolean(),
  dueOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
});

/** `/api/track/{code}` for a bundle's code. */
export const TrackedBundle = z.object({
  kind: z.literal('bundle'),
  trackingCode: z.string(),
  theme: z.string(),
  submittedOn: z.string(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  cases: z.array(TrackedBundleCase),
  /** The bundle's id for its signed-in applicant. */
  bundleId: z.string().nullable(),
});
export type TrackedBundle = z.infer<typeof TrackedBundle>;

/** The theme's application as the route answers it. */
export const ThemeApplicationAnswer = contract(ThemeApplication);
