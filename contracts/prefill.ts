/**
 * 预填: an application form filled from the registries with the person's consent — for an item
 * (`itemCode`) or a theme applied for as one (`theme`, `region`).
 */
import { z } from 'zod';
import { contract } from './http.js';

export const PrefillRequest = z.union([
  z.object({ itemCode: z.string().regex(/^[0-9A-Z]{18,40}$/), consent: z.boolean() }),
  z.object({
    theme: z.string().regex(/^[a-z0-9-]{2,60}$/),
    region: z
      .string()
      .regex(/^\d{2,12}$/)
      .optional(),
    consent: z.boolean(),
  }),
]);
export type PrefillRequest = z.infer<typeof PrefillRequest>;

export const PrefillAnswer = z.object({
  /** Form key → value. The person's own identifiers come in full, to submit: the page shows them masked. */
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  read: z.array(z.object({ resource: z.enum(['population.person', 'legal_entity.basic']), keys: z.array(z.string()) })),
});
export type PrefillAnswer = z.infer<typeof PrefillAnswer>;

/** The prefilled fields as the route answers them. */
export const PrefillAnswered = contract(PrefillAnswer);
