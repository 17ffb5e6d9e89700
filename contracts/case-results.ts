/** Results of a case: delivery (送达) and fees (收费); the decision document and receipt are PDFs. */
import { z } from 'zod';
import { contract } from './http.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const DELIVERY_METHODS = ['pickup', 'post', 'online'] as const;
export const DeliveryMethod = z.enum(DELIVERY_METHODS);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export const DeliveryStatus = z.enum(['pending', 'dispatched', 'delivered', 'collected']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** How the result reaches the applicant; the server also checks the division code of a postal address. */
export const DeliveryChoice = z.discriminatedUnion('method', [
  z.object({ method: z.enum(['pickup', 'online']) }),
  z.object({
    method: z.literal('post'),
    recipient: Text(50),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '手机号码格式不正确 not a mobile number'),
    address: Text(200),
    regionCode: z.string(),
  }),
]);
export type DeliveryChoice = z.infer<typeof DeliveryChoice>;

/** The delivery of a case: masked for staff unless the window asked for the label (`full`). */
export const Delivery = z.object({
  method: DeliveryMethod,
  status: DeliveryStatus,
  recipient: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  dispatchedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;
export const CaseDelivery = contract(z.object({ delivery: Delivery.nullable() }));
export const DeliveryQuery = z.object({ full: z.enum(['true', 'false']).default('false') });
export const DispatchRequest = z.object({
  carrier: Text(50),
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/),
});

export const FeeStatus = z.enum(['due', 'paid', 'waived']);
export type FeeStatus = z.infer<typeof FeeStatus>;
export const Fee = z.object({
  id: z.uuid(),
  name: z.string(),
  basis: z.string(),
  amountFen: z.number().int(),
  status: FeeStatus,
  paymentRef: z.string().nullable(),
  setAt: z.date(),
  settledAt: z.date().nullable(),
});
export type Fee = z.infer<typeof Fee>;
export const CaseFees = contract(z.object({ fees: z.array(Fee), dueFen: z.number().int() }));
export type CaseFees = z.infer<typeof CaseFees>;

export const FeeParams = z.object({ id: z.uuid(), feeId: z.uuid() });
export const FeeRequest = z.object({
  name: Text(200),
  basis: z.string().trim().max(1000).default(''),
  amountFen: z.number().int().min(1).max(100_000_000),
});
export type FeeRequest = z.infer<typeof FeeRequest>;
export const FeeSet = contract(z.object({ id: z.uuid() }));
export const FeePaidRequest = z.object({
  paymentRef: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/),
});
export const FeeWaiveRequest = z.object({ reason: Text(500) });
