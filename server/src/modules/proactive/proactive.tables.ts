/** The proactive module's tables (schema `proactive`, migrations 0048, 0059, 0065 and 0068). */
import type { ColumnType, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';
import type { LifeEventType } from '../../../../contracts/exchange.js';
import type {
  CaseDecision,
  Explanation,
  GrantStatus,
  OfferStatus,
  PolicyMode,
  PolicySubject,
  Text,
} from '../../../../contracts/proactive.js';
import type { PolicyExample, VersionStatus } from '../../../../contracts/policy-admin.js';
import type { PolicyVersion } from './rules/language.js';

type Json<T> = ColumnType<T, string, string>;

interface Decided {
  id: string;
  policyCode: string;
  policyVersion: number;
  period: string;
  subjectKind: 'person' | 'enterprise';
  /** The registry person judged (for death benefits: the deceased), or the credit code. */
  subjectKey: string;
  /** Who receives it: a registry person (a survivor for death benefits); null for an enterprise. */
  beneficiaryPersonId: string | null;
  creditCode: string | null;
  regionCode: string;
  referenceDate: string;
  explanation: Json<Explanation>;
  trigger: string;
}
export interface GrantTable extends Decided {
  amount: number | null;
  status: ColumnType<GrantStatus, GrantStatus | undefined, GrantStatus>;
  caseId: string | null;
  trackingCode: string | null;
  grantedAt: Date;
  declinedAt: Date | null;
  reviewReason: Json<Explanation> | null;
}
/** A column set after the row is written (absent when inserting). */
type Later<T> = ColumnType<T | null, T | null | undefined, T | null>;
export interface OfferTable extends Decided {
  status: ColumnType<OfferStatus, OfferStatus | undefined, OfferStatus>;
  offeredAt: Date;
  answeredAt: Date | null;
  /** The case the beneficiary then filed for the policy's item (0068), its 办件编号 and decision. */
  caseId: Later<string>;
  trackingCode: Later<string>;
  caseDecision: Later<CaseDecision>;
  appliedAt: Later<Date>;
}
export interface PreferenceTable {
  registryPersonId: string;
  offersWanted: boolean;
  updatedAt: Date;
}
/** 政策管理: a version drafted in the console; `rule` holds its conditions, parameters and amount. */
export interface PolicyVersionTable {
  policyCode: string;
  version: number;
  status: ColumnType<VersionStatus, VersionStatus | undefined, VersionStatus>;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
  rule: Json<Pick<PolicyVersion, 'when' | 'params' | 'amount'>>;
  examples: Json<PolicyExample[]>;
  createdBy: string;
  createdAt: Date;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: ColumnType<string, string | undefined, string>;
}
/** 新政策: a policy made in the console (its versions are `policy_version` rows). */
export interface PolicyTable {
  code: string;
  name: Json<Text>;
  summary: Json<Text>;
  subject: PolicySubject;
  mode: PolicyMode;
  itemBasicCode: string | null;
  period: 'once' | 'year' | 'month';
  triggers: Json<LifeEventType[]>;
  beneficiary: 'self' | 'survivor';
  createdBy: string;
  createdAt: Date;
}
/** 触达统计: eligible per county at a policy's last full run. */
export interface ReachEligibleTable {
  policyCode: string;
  countyCode: string;
  eligible: number;
  judgedOn: string;
  runAt: Date;
}
export type ProactiveTables = {
  'proactive.policy': PolicyTable;
  'proactive.policy_version': PolicyVersionTable;
  'proactive.reach_eligible': ReachEligibleTable;
  'proactive.grant': GrantTable;
  'proactive.offer': OfferTable;
  'proactive.preference': PreferenceTable;
};

export const pq = (db: Db): Kysely<ProactiveTables> =>
  db.withTables<ProactiveTables>() as unknown as Kysely<ProactiveTables>;
