import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

export interface StaffTable {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  departmentIds: string[];
  roles: string[];
  active: Generated<boolean>;
  createdAt: Generated<Date>;
  passwordHash: string | null;
  totpSecretEnc: string | null;
  totpLastStep: number | null;
  failedLogins: Generated<number>;
  lockedUntil: Date | null;
  /** When the password was last set: staff must change it after `STAFF_PASSWORD_MAX_DAYS`. */
  passwordChangedAt: Generated<Date>;
  /** 实名关联 (0058): the holder's 公民身份号码, encrypted with a blind index; and their kinship key (亲属回避). */
  idNumberEnc: string | null;
  idNumberIndex: string | null;
  kinshipKey: string | null;
}
/** Failed sign-ins per key: `account:<kind>:<id>`, `name:<blind index>` (an account that does not exist), `client:<address>`. */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  lastFailureAt: Date;
  waitUntil: Date | null;
}
/** Staff passwords of the past (argon2id hashes), so that the last `PASSWORD_HISTORY` are not reused. */
export interface PasswordHistoryTable {
  staffId: string;
  passwordHash: string;
  createdAt: Generated<Date>;
}
export interface ApiTokenTable {
  tokenHash: string;
  staffId: string;
  label: string;
  createdAt: Generated<Date>;
  expiresAt: Date | null;
  revokedAt: Date | null;
}
export interface PersonAccountTable {
  id: string;
  registryPersonId: string;
  idNumberEnc: string;
  idNumberIndex: string;
  name: string;
  phoneEnc: string;
  phoneIndex: string;
  passwordHash: string;
  realNameLevel: 1 | 2 | 3;
  language: 'zh-CN' | 'en';
  regionCode: string;
  failedLogins: Generated<number>;
  lockedUntil: Date | null;
  active: Generated<boolean>;
  createdAt: Generated<Date>;
}
export interface EnterpriseAccountTable {
  id: string;
  creditCode: string;
  name: string;
  regionCode: string;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface EnterpriseAgentTable {
  id: string;
  enterpriseId: string;
  personId: string;
  role: 'legal_representative' | 'agent';
  scopes: string[];
  expiresAt: Date | null;
  grantedBy: string;
  grantedAt: Generated<Date>;
  revokedAt: Date | null;
}
export interface SessionTable {
  tokenHash: string;
  subjectKind: 'person' | 'staff';
  subjectId: string;
  actingFor: string | null;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Generated<Date>;
  lastSeenAt: ColumnType<Date, Date | undefined, Date>;
  expiresAt: Date;
  revokedAt: Date | null;
}
export interface SmsCodeTable {
  id: string;
  phoneIndex: string;
  purpose: 'register' | 'sign-in' | 'reset-password';
  codeHash: string;
  attempts: Generated<number>;
  createdAt: ColumnType<Date, Date | undefined, never>;
  expiresAt: Date;
  consumedAt: Date | null;
}

export type IdentityTables = {
  'identity.staff': StaffTable;
  'identity.apiToken': ApiTokenTable;
  'identity.personAccount': PersonAccountTable;
  'identity.enterpriseAccount': EnterpriseAccountTable;
  'identity.enterpriseAgent': EnterpriseAgentTable;
  'identity.session': SessionTable;
  'identity.smsCode': SmsCodeTable;
  'identity.signInThrottle': SignInThrottleTable;
  'identity.passwordHistory': PasswordHistoryTable;
};

/** The identity module's view of the database: its own tables only. */
export const iq = (db: Db): Kysely<IdentityTables> =>
  db.withTables<IdentityTables>() as unknown as Kysely<IdentityTables>;
