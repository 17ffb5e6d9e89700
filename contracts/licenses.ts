/**
 * 证照通 contracts: request and response shapes of the licence routes (what leaves the module,
 * nothing more) — public verification and keys, 亮证, the holder's wallet, consents and uses, and
 * the departments' issuance and lifecycle.
 */
import { z } from 'zod';
import { contract } from './http.js';

export const Id = z.object({ id: z.uuid() });
const Text = (max: number) => z.string().trim().min(1).max(max);
/** Data items of a licence, keyed by field key (the public face: by label). */
const Data = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type LicenseData = z.infer<typeof Data>;
export const LICENSE_STATUSES = ['valid', 'suspended', 'revoked', 'superseded', 'expired', 'not_yet_valid'] as const;
export const LicenseStatus = z.enum(LICENSE_STATUSES);
export type LicenseStatus = z.infer<typeof LicenseStatus>;
const Status = LicenseStatus;
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

/** What anyone may see: the public face (the holder's identifier masked by the server). */
export const PublicFace = z.object({ ...Common });
export type PublicFace = z.infer<typeof PublicFace>;
/** 亮证: the public face shown with a share code, until when. */
export const SharedLicense = contract(PublicFace.extend({ sharedUntil: z.date() }));
export type SharedLicense = z.infer<typeof SharedLicense>;
/** 用证: a department reads a licence within a case or with the holder's consent. */
export const StaffView = contract(
  z.object({
    id: z.uuid(),
    ...Common,
    use: z.object({ departmentId: z.string(), caseId: z.string().nullable(), consentId: z.string().nullable() }),
  }),
);
/** A licence in the holder's wallet: data keyed by field key. */
export const HolderView = z.object({
  id: z.uuid(),
  ...Common,
  statusReason: z.string().nullable(),
  previousNumber: z.string().nullable(),
  signature: z.object({ alg: z.enum(['Ed25519', 'SM2']), kid: z.string(), value: z.string() }),
  verificationUrl: z.string(),
});
export type HolderView = z.infer<typeof HolderView>;
export const MyLicenses = contract(z.object({ licenses: z.array(HolderView) }));
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
export type HistoryEntry = z.infer<typeof History>[number];
/** 证照详情: a licence of mine with its history. */
export const MyLicenseDetail = contract(HolderView.extend({ history: History }));
/** All a licence number tells: itself, the type and the issuer. */
const NumberFace = z.object({
  number: z.string(),
  type: z.object({ code: z.string(), name: z.string() }),
  issuer: z.object({ name: z.string() }),
});
export type NumberFace = z.infer<typeof NumberFace>;
const CheckedSignature = z.object({ alg: z.string(), kid: z.string(), valid: z.boolean() });
/** 在线核验: by number alone, only whether it is in force, its type and issuer; with a signature that holds, the status and the public face. */
export const Verification = contract(
  z.union([
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
  ]),
);
export type Verification = z.infer<typeof Verification>;
/** 用证记录: a department used one of my licences. */
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
export type LicenseUse = z.infer<typeof Uses>[number];
export const LicenseUses = contract(z.object({ uses: Uses }));
/** The signed licence (content and signature) for offline verification. */
export const LicenseDocument = contract(
  z.object({
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
  }),
);
export type LicenseDocument = z.infer<typeof LicenseDocument>;

/** 证照类型: a licence type, its data items, issuing department category. */
export const LicenseTypes = contract(
  z.object({
    types: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        holderKind: z.string(),
        category: z.string(),
        fields: z.array(z.object({ key: z.string(), label: z.string() })),
      }),
    ),
  }),
);
export type LicenseType = z.infer<typeof LicenseTypes>['types'][number];

export const VerifyQuery = z.object({
  id: z.uuid().optional(),
  number: z.string().max(100).optional(),
  signature: z.string().max(200).optional(),
  payload: z.string().max(1000).optional(),
});
/** What an offline verifier concludes from a document and the status list. */
export const DocumentVerdict = contract(z.object({ result: z.string() }));

/** Every issuing key, active and retired, as a JWK set (Ed25519 for EdDSA; SM2). */
export const LicenseKeys = contract(
  z.object({
    keys: z.array(
      z.object({
        kty: z.string(),
        crv: z.string(),
        x: z.string(),
        y: z.string().optional(),
        alg: z.string(),
        kid: z.string(),
        use: z.string(),
        departmentId: z.string(),
        createdAt: z.string(),
        retiredAt: z.string().nullable(),
      }),
    ),
  }),
);
/** Numbers of revoked, suspended and superseded licences (for offline verification). */
export const LicenseStatusList = contract(
  z.object({
    updatedAt: z.date(),
    revoked: z.array(z.string()),
    suspended: z.array(z.string()),
    superseded: z.array(z.string()),
  }),
);

export const ShareCodeParams = z.object({ code: z.string().regex(/^[0-9A-Za-z]{10}$/) });
/** 亮证码: a five-minute code that shows the licence's public face. */
export const ShareCode = contract(z.object({ code: z.string(), expiresAt: z.date(), url: z.string() }));
export type ShareCode = z.infer<typeof ShareCode>;
export const LicenseVc = contract(z.object({ jwt: z.string() }));

/** 授权用证: a department may use my licences of these types for a purpose until a date. */
export const Consent = z.object({
  id: z.uuid(),
  departmentId: z.string(),
  typeCodes: z.array(z.string()),
  purpose: z.string(),
  grantedAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  active: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;
export const Consents = contract(z.object({ consents: z.array(Consent) }));
export const ConsentRequest = z.object({
  departmentId: z.uuid(),
  typeCodes: z
    .array(z.string().regex(/^[A-Z_]{2,40}$/))
    .min(1)
    .max(20),
  purpose: Text(500),
  expiresAt: z.coerce.date(),
});
export type ConsentRequest = z.input<typeof ConsentRequest>;
export const ConsentGranted = contract(z.object({ id: z.uuid() }));

export const UseQuery = z.object({ caseId: z.uuid().optional(), purpose: Text(500) });

/** Data items as a department writes them. */
export const DataInput = z.record(z.string().max(50), z.union([Text(2000), z.number(), z.null()]));
export const IssueRequest = z.object({
  typeCode: z.string().regex(/^[A-Z_]{2,40}$/),
  departmentId: z.uuid(),
  holder: z.object({
    kind: z.enum(['person', 'enterprise']),
    id: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{18}$/),
    name: Text(200),
  }),
  data: DataInput,
  validUntil: z.iso.date().nullable().optional(),
});
export type IssueRequest = z.input<typeof IssueRequest>;
/** A licence issued (or a new version of one). */
export const LicenseIssued = contract(z.object({ id: z.uuid(), number: z.string() }));
export type LicenseIssued = z.infer<typeof LicenseIssued>;

export const IssuedQuery = z.object({ number: z.string().trim().min(10).max(100) });
/** 本机关证照查询: a licence my department issued, found by its number. */
export const IssuedLicense = contract(
  z.object({
    id: z.uuid(),
    number: z.string(),
    version: z.number().int(),
    typeName: z.string(),
    holderName: z.string(),
    issuer: z.string(),
    validUntil: z.string().nullable(),
    status: z.string(),
    statusReason: z.string().nullable(),
  }),
);
export type IssuedLicense = z.infer<typeof IssuedLicense>;
export const STATUS_STEPS = ['revoke', 'suspend', 'reinstate'] as const;
export type StatusStep = (typeof STATUS_STEPS)[number];
export const ReasonRequest = z.object({ reason: Text(500) });
export const ChangeRequest = ReasonRequest.extend({ data: DataInput });
export const StatusChanged = contract(z.object({ status: z.string() }));
export type StatusChanged = z.infer<typeof StatusChanged>;

export const KeyRotationParams = z.object({ departmentId: z.uuid() });
export const KeysRotated = contract(z.object({ kids: z.array(z.string()) }));
