/** Request and response schemas of the licence routes (what leaves the module, nothing more). */
import { z } from 'zod';

export const Id = z.object({ id: z.uuid() });
export const Text = (max: number) => z.string().trim().min(1).max(max);
const Data = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const Status = z.enum(['valid', 'suspended', 'revoked', 'superseded', 'expired', 'not_yet_valid']);
const Common = {
  number: z.string(),
  version: z.number(),
  type: z.object({ code: z.string(), name: z.string() }),
  issuer: z.object({ departmentId: z.string(), name: z.string(), creditCode: z.string() }),
  issuedAt: z.date(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  status: Status,
  holder: z.object({ kind: z.enum(['person', 'enterprise']), id: z.string(), name: z.string() }),
  data: Data,
};

export const PublicFace = z.object({ ...Common });
export const StaffView = z.object({
  id: z.uuid(),
  ...Common,
  use: z.object({ departmentId: z.string(), caseId: z.string().nullable(), consentId: z.string().nullable() }),
});
export const HolderView = z.object({
  id: z.uuid(),
  ...Common,
  statusReason: z.string().nullable(),
  previousNumber: z.string().nullable(),
  signature: z.object({ alg: z.enum(['Ed25519', 'SM2']), kid: z.string(), value: z.string() }),
  verificationUrl: z.string(),
});
export const History = z.array(
  z.object({
    action: z.string(),
    reason: z.string().nullable(),
    actorKind: z.string(),
    at: z.date(),
    number: z.string(),
    version: z.number(),
  }),
);
/** All a licence number tells: itself, the type and the issuer. */
const NumberFace = z.object({
  number: z.string(),
  type: z.object({ code: z.string(), name: z.string() }),
  issuer: z.object({ name: z.string() }),
});
const CheckedSignature = z.object({ alg: z.string(), kid: z.string(), valid: z.boolean() });
/** 在线核验: by number alone, only whether it is in force, its type and issuer; with a signature that holds, the status and the public face. */
export const Verification = z.union([
  z.object({
    proof: z.literal('number'),
    result: z.enum(['valid', 'invalid']),
    checkedAt: z.date(),
    license: NumberFace,
  }),
  z.object({
    proof: z.literal('signature'),
    result: z.literal('tampered'),
    checkedAt: z.date(),
    signature: CheckedSignature,
    license: NumberFace,
  }),
  z.object({
    proof: z.literal('signature'),
    result: z.enum(['valid', 'suspended', 'revoked', 'superseded', 'expired', 'not_yet_valid']),
    checkedAt: z.date(),
    signature: CheckedSignature,
    license: PublicFace,
  }),
]);
export const Uses = z.array(
  z.object({
    id: z.number(),
    licenseId: z.uuid(),
    number: z.string(),
    typeCode: z.string(),
    typeName: z.string(),
    departmentId: z.string(),
    departmentName: z.string(),
    caseId: z.string().nullable(),
    consentId: z.string().nullable(),
    purpose: z.string(),
    at: z.date(),
  }),
);
export const LicenseDocument = z.object({
  content: z.object({
    spec: z.literal('tongban-license/1'),
    number: z.string().max(100),
    version: z.number().int(),
    type: z.object({ code: z.string().max(50), name: z.string().max(100) }),
    holder: z.object({
      kind: z.enum(['person', 'enterprise']),
      idType: z.enum(['111', '001']),
      id: z.string().max(40),
      name: z.string().max(200),
    }),
    issuer: z.object({ departmentId: z.string().max(40), name: z.string().max(200), creditCode: z.string().max(40) }),
    issuedAt: z.string().max(40),
    validFrom: z.string().max(10),
    validUntil: z.string().max(10).nullable(),
    data: Data,
    previous: z.string().max(100).nullable(),
  }),
  signature: z.object({ alg: z.enum(['Ed25519', 'SM2']), kid: z.string().max(100), value: z.string().max(200) }),
});
