import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

export type HolderKind = 'person' | 'enterprise';
export type SignatureAlg = 'Ed25519' | 'SM2';
export type LicenseStatus = 'valid' | 'suspended' | 'revoked' | 'superseded';
export type LicenseAction = 'issued' | 'suspended' | 'reinstated' | 'revoked' | 'renewed' | 'changed' | 'superseded';

export interface SigningKeyTable {
  kid: string;
  departmentId: string;
  alg: SignatureAlg;
  /** Ed25519: the public JWK as JSON; SM2: the uncompressed public key in hex. */
  publicKey: string;
  privateKeyEnc: string;
  createdAt: Generated<Date>;
  retiredAt: Date | null;
}
export interface SerialSeqTable {
  departmentId: string;
  typeCode: string;
  last: number;
}
export interface LicenseTable {
  id: string;
  number: string;
  lineageId: string;
  version: number;
  serial: number;
  typeCode: string;
  holderKind: HolderKind;
  holderIndex: string;
  holderIdEnc: string;
  holderName: string;
  issuerDepartmentId: string;
  issuerName: string;
  issuerCreditCode: string;
  issuerRegionCode: string;
  issuedAt: Date;
  validFrom: string;
  validUntil: string | null;
  dataEnc: string;
  alg: SignatureAlg;
  kid: string;
  signature: string;
  status: LicenseStatus;
  statusReason: string | null;
  statusChangedAt: Date | null;
  sourceCaseId: string | null;
  previousId: string | null;
}
export interface EventTable {
  id: Generated<number>;
  lineageId: string;
  licenseId: string;
  action: LicenseAction;
  reason: string | null;
  actorId: string | null;
  actorKind: string;
  at: Date;
}
export interface ShareCodeTable {
  codeHash: string;
  licenseId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}
export interface ConsentTable {
  id: string;
  holderKind: HolderKind;
  holderIndex: string;
  departmentId: string;
  typeCodes: ColumnType<string[], string[], string[]>;
  purpose: string;
  grantedBy: string;
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}
export interface UseLogTable {
  id: Generated<number>;
  licenseId: string;
  holderKind: HolderKind;
  holderIndex: string;
  departmentId: string;
  staffId: string | null;
  caseId: string | null;
  consentId: string | null;
  purpose: string;
  at: Date;
}

export type LicensesTables = {
  'licenses.signingKey': SigningKeyTable;
  'licenses.serialSeq': SerialSeqTable;
  'licenses.license': LicenseTable;
  'licenses.event': EventTable;
  'licenses.shareCode': ShareCodeTable;
  'licenses.consent': ConsentTable;
  'licenses.useLog': UseLogTable;
};

/** The licences module's view of the database: its own tables only. */
export const lq = (db: Db): Kysely<LicensesTables> =>
  db.withTables<LicensesTables>() as unknown as Kysely<LicensesTables>;
