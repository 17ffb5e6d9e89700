/**
 * 请给我回电 (callback requests to the 12345 hotline): what a resident sends from any page, and the
 * queue the hotline and window staff work through. Phone numbers leave the server masked, except
 * in the one audited answer a staff member asks for to place the call.
 */
import { z } from 'zod';
import { contract } from './http.js';

/** A mainland mobile number (11 digits) or a landline with its area code (0851-12345678). */
export const CallbackPhone = z
  .string()
  .trim()
  .regex(
    /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
    '请填写手机号码或带区号的固定电话 a mobile number or a landline with area code',
  );

export const NewCallback = z.object({
  phone: CallbackPhone,
  /** 称呼 (optional): how the hotline should address the caller. */
  name: z.string().trim().min(1).max(20).optional(),
  /** What it is about, in the caller's words (optional). */
  topic: z.string().trim().min(1).max(200).optional(),
  /** The portal page the request was made from (its path), so that the hotline sees what they were reading. */
  page: z
    .string()
    .regex(/^\/[\x21-\x7e]{0,199}$/)
    .optional(),
});
export type NewCallback = z.infer<typeof NewCallback>;

export const CallbackStatus = z.enum(['open', 'done']);

export const CallbackFiled = contract(
  z.object({
    reference: z.string(),
    status: CallbackStatus,
    createdAt: z.date(),
    /** An open request for the number was already there: this is it. */
    repeat: z.boolean(),
  }),
);
export type CallbackFiled = z.infer<typeof CallbackFiled>;

/** A line of the hotline's queue: the phone and the name masked. */
export const CallbackLine = z.object({
  id: z.uuid(),
  reference: z.string(),
  regionCode: z.string(),
  /** 138****5678 */
  phone: z.string(),
  name: z.string().nullable(),
  topic: z.string().nullable(),
  page: z.string().nullable(),
  /** Whether the caller was signed in (their account is known to the platform). */
  signedIn: z.boolean(),
  status: CallbackStatus,
  createdAt: z.date(),
  doneAt: z.date().nullable(),
});
export type CallbackLine = z.infer<typeof CallbackLine>;

export const CallbackQueue = contract(z.object({ callbacks: z.array(CallbackLine) }));
export const CallbackQueueQuery = z.object({ status: CallbackStatus.default('open') });
/** The number itself, to call; every such answer is on the audit record. */
export const CallbackPhoneAnswer = contract(z.object({ phone: z.string() }));
