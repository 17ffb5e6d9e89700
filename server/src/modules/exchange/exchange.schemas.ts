/** Request and response schemas shared by the exchange's staff and external routes. */
import { z } from 'zod';
import { isValidCreditCode, isValidIdNumber, isValidRegionCode } from '../../platform/validators/index.js';
import { FIELD_KEY } from './sharing/field-selection.js';
import { LIFE_EVENT_TYPES } from '../../../../contracts/exchange.js';

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
export const Text = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL);

export const IdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => isValidIdNumber(v), { message: '公民身份号码无效 invalid ID number' });
export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => isValidCreditCode(v), { message: '统一社会信用代码无效 invalid credit code' });
const Day = z.iso.date();
const Region = z.string().refine(isValidRegionCode, { message: '行政区划代码无效 invalid region code' });

export const Subject = z.union([z.strictObject({ idNumber: IdNumber }), z.strictObject({ creditCode: CreditCode })]);

export const QueryBody = z.object({
  grantId: z.uuid(),
  /** Checked by the service, so that a missing purpose has its own code (EXCHANGE.PURPOSE_REQUIRED). */
  purpose: z.string().max(500).regex(NO_CONTROL).optional(),
  subject: Subject,
  fields: z.array(z.string().regex(FIELD_KEY)).max(50).optional(),
});

const Common = { reference: Text(200), occurredOn: Day };
export const LifeEventBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('death'), idNumber: IdNumber, ...Common }),
  z.object({
    type: z.literal('birth'),
    child: z.object({ idNumber: IdNumber, name: Text(50) }),
    motherIdNumber: IdNumber,
    ...Common,
  }),
  z.object({ type: z.enum(['marriage', 'divorce']), idNumbers: z.tuple([IdNumber, IdNumber]), ...Common }),
  z.object({ type: z.literal('relocation'), idNumber: IdNumber, regionCode: Region, address: Text(200), ...Common }),
  z.object({
    type: z.literal('enterprise_established'),
    creditCode: CreditCode,
    name: Text(200),
    entityType: Text(100),
    legalRepresentativeIdNumber: IdNumber,
    industry: Text(100),
    businessScope: Text(2000),
    regionCode: Region,
    address: Text(200),
    registeredCapital: z.number().nonnegative().max(1e12).nullable().default(null),
    ...Common,
  }),
  z.object({ type: z.literal('enterprise_cancelled'), creditCode: CreditCode, ...Common }),
]);

export const EventType = z.enum(LIFE_EVENT_TYPES);
