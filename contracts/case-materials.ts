/**
 * 申办一袋: the materials of a case — what stands for each (upload, paper original, e-licence,
 * shared data, the online form, a 容缺 promise), what stood before, what is still missing, and the
 * 一次性告知 with the applicant's reply. Also the open 容缺 promises across cases (容缺待补).
 */
import { z } from 'zod';
import { contract } from './http.js';
import { MaterialNecessity } from './case-apply.js';

export const MaterialParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(200) });
export const MaterialFileParams = z.object({ id: z.uuid(), materialId: z.uuid() });

export const MaterialKind = z.enum(['upload', 'license', 'shared_data', 'promise', 'paper', 'form']);

const Provided = {
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  promise: z.string().nullable(),
  addedAt: z.date(),
  /** A 容缺 promise's due date. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** New since the 一次性告知: what the applicant brought in answer to it. */
  isNew: z.boolean(),
};
/** What stands for a material now: an entry of the bag, or the online form (the application itself). */
export const ProvidedMaterial = z.discriminatedUnion('kind', [
  z.object({ id: z.uuid(), kind: MaterialKind.exclude(['form']), ...Provided }),
  z.object({ id: z.null(), kind: z.literal('form'), ...Provided }),
]);

export const CaseMaterial = z.object({
  index: z.number().int(),
  name: z.string(),
  necessity: MaterialNecessity,
  form: z.enum(['paper', 'electronic', 'either']),
  provided: ProvidedMaterial.nullable(),
  /** What stood for it before (a replaced file, a fulfilled promise). */
  history: z.array(
    z.object({
      id: z.uuid(),
      kind: MaterialKind.exclude(['form']),
      contentType: z.string().nullable(),
      size: z.number().int().nullable(),
      addedAt: z.date(),
      supersededAt: z.date(),
    }),
  ),
});
export type CaseMaterial = z.infer<typeof CaseMaterial>;

/** A material that keeps a step from happening: missing, or (for a decision) promised and not yet brought. */
export const UnmetMaterial = z.object({
  index: z.number().int(),
  name: z.string(),
  reason: z.enum(['missing', 'promised']),
  dueOn: z.string().nullable(),
});

/** The latest 一次性告知, the applicant's reply, and whether another notice is approved. */
export const SupplementState = z.object({
  notices: z.number().int(),
  requestedAt: z.date(),
  items: z.array(z.string()),
  note: z.string(),
  reply: z.object({ at: z.date(), note: z.string() }).nullable(),
  anotherNotice: z.object({ reason: z.string(), at: z.date() }).nullable(),
});

export const MaterialsBag = contract(
  z.object({
    materials: z.array(CaseMaterial),
    missingRequired: z.array(z.string()),
    openPromises: z.array(UnmetMaterial),
    /** Absent before any 一次性告知. */
    supplement: SupplementState.optional(),
  }),
);
export type MaterialsBag = z.infer<typeof MaterialsBag>;

/** A file stored for a material (what it is was read from its bytes). */
export const MaterialUploaded = contract(
  z.object({ materialId: z.uuid(), contentType: z.string(), size: z.number().int(), sha256: z.string() }),
);
/** A promise or a paper original recorded for a material. */
export const MaterialRecorded = contract(z.object({ materialId: z.uuid() }));

export const PromiseRequest = z.object({ promise: z.string().trim().min(1).max(1000) });
export const PaperReceivedRequest = z.object({ note: z.string().trim().max(500).default('') });

export const OpenPromisesQuery = z.object({
  overdue: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** 容缺待补: open promises of accepted cases in scope. */
export const OpenPromises = contract(
  z.object({
    items: z.array(
      z.object({
        caseId: z.uuid(),
        trackingCode: z.string(),
        itemName: z.string(),
        applicantName: z.string(),
        materialIndex: z.number().int(),
        name: z.string(),
        promise: z.string().nullable(),
        dueOn: z.string(),
        overdue: z.boolean(),
        remainingWorkingDays: z.number().int(),
      }),
    ),
  }),
);
