/** The proactive module's tables (schema `proactive`, migration 0048). */
import type { ColumnType, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';
import type { Explanation, GrantStatus, OfferStatus } from '../../../../contracts/proactive.js';

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
export interface OfferTable extends Decided {
  status: ColumnType<OfferStatus, OfferStatus | undefined, OfferStatus>;
  offeredAt: Date;
  answeredAt: Date | null;
}
export interface PreferenceTable {
  registryPersonId: string;
  offersWanted: boolean;
  updatedAt: Date;
}
export type ProactiveTables = {
  'proactive.grant': GrantTable;
  'proactive.offer': OfferTable;
  'proactive.preference': PreferenceTable;
};

export const pq = (db: Db): Kysely<ProactiveTables> =>
  db.withTables<ProactiveTables>() as unknown as Kysely<ProactiveTables>;
