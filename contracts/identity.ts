/**
 * Identity contracts (用户通): registration, sign-in, who am I, enterprises and their agents, staff
 * administration. Shared by server and web.
 */
import { z } from 'zod';

export const Phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号码格式不正确 invalid mobile number');
/** Shape only; the check digit is verified by the server with a precise error code. */
export const IdNumberText = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '公民身份号码应为 18 位 an ID number has 18 characters');
const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[\p{Script=Han}·A-Za-z .]+$/u, '姓名含有无效字符 invalid characters in name');
export const Language = z.enum(['zh-CN', 'en']);

export const SmsCodeRequest = z.union([
  z.object({ phone: Phone, purpose: z.enum(['register', 'sign-in', 'reset-password']) }),
  /** The second factor of a password sign-in after repeated failures: sent to the phone of the account named (ID number or phone). */
  z.object({ account: z.string().trim().min(1).max(64), purpose: z.literal('step-up') }),
]);

export const PasswordReset = z.object({
  phone: Phone,
  smsCode: z.string().regex(/^\d{6}$/),
  password: z.string().min(1).max(128),
});

export const Registration = z.object({
  idNumber: IdNumberText,
  name: PersonName,
  phone: Phone,
  smsCode: z.string().regex(/^\d{6}$/),
  password: z.string().min(1).max(128),
  language: Language.optional(),
});

export const SignIn = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('password'),
    account: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(128),
    /** Staff: the authenticator code. */
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    /** After repeated failures (IDENTITY.STEP_UP_REQUIRED), persons add the SMS code sent for `purpose: step-up`. */
    stepUpCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    /** Staff whose password has expired (IDENTITY.PASSWORD_EXPIRED) choose the new one here. */
    newPassword: z.string().min(1).max(128).optional(),
  }),
  z.object({ method: z.literal('sms'), phone: Phone, code: z.string().regex(/^\d{6}$/) }),
]);

export const ActingFor = z.object({
  enterpriseId: z.uuid(),
  creditCode: z.string(),
  name: z.string(),
  role: z.enum(['legal_representative', 'agent']),
  scopes: z.array(z.string()),
});

export const EnterpriseLink = ActingFor.extend({ expiresAt: z.date().nullable() });

export const Me = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }),
  z.object({
    kind: z.literal('person'),
    id: z.uuid(),
    name: z.string(),
    /** Masked: 110105********002X. */
    idNumber: z.string(),
    /** Masked: 138****5678. */
    phone: z.string(),
    realNameLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    language: Language,
    actingFor: ActingFor.nullable(),
    enterprises: z.array(EnterpriseLink),
  }),
  z.object({
    kind: z.literal('staff'),
    id: z.uuid(),
    name: z.string(),
    username: z.string(),
    regionCode: z.string(),
    departmentIds: z.array(z.string()),
    roles: z.array(z.string()),
    totpEnrolled: z.boolean(),
  }),
]);
export type Me = z.infer<typeof Me>;

export const SignedIn = z.object({ me: Me, csrfToken: z.string(), expiresAt: z.date() });

export const AgentScope = z.enum(['apply', 'track', 'licenses']);
export const AgentGrant = z.object({
  idNumber: IdNumberText,
  name: PersonName,
  scopes: z.array(AgentScope).min(1),
  expiresAt: z.coerce.date(),
});
export const Agent = z.object({
  id: z.uuid(),
  /** Masked: 张*. */
  name: z.string(),
  role: z.enum(['legal_representative', 'agent']),
  scopes: z.array(z.string()),
  expiresAt: z.date().nullable(),
  grantedAt: z.date(),
  active: z.boolean(),
});

export const StaffRoleName = z.enum([
  'window_clerk',
  'approver',
  'department_head',
  'supervisor',
  'catalog_admin',
  'catalog_reviewer',
  'data_admin',
  'system_admin',
  'registrar',
]);
export const StaffInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/),
  displayName: z.string().trim().min(1).max(50),
  regionCode: z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/),
  departmentIds: z.array(z.uuid()).max(50).default([]),
  roles: z.array(StaffRoleName).min(1),
  password: z.string().min(1).max(128),
});
export const StaffRoles = StaffInput.pick({ roles: true, regionCode: true, departmentIds: true });
export const StaffSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  regionCode: z.string(),
  departmentIds: z.array(z.string()),
  roles: z.array(z.string()),
  active: z.boolean(),
  /** A TOTP secret was issued (administrative roles), and it has been used to sign in. */
  totpIssued: z.boolean(),
  totpUsed: z.boolean(),
  /** 实名关联: an ID number is recorded (never shown here). */
  idNumberRecorded: z.boolean(),
});
export const PersonForStaff = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  realNameLevel: z.number(),
  regionCode: z.string(),
});
