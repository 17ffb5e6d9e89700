import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

/** 评价渠道 (GB/T 39734): PC, mobile, QR code, hall pad, other terminal, phone, SMS. */
export type Channel = 'pc' | 'mobile' | 'qr' | 'pad' | 'terminal' | 'phone' | 'sms';

export interface RatingTable {
  id: string;
  caseId: string;
  trackingCode: string;
  raterPersonId: string;
  raterEnterpriseId: string | null;
  itemCode: string;
  itemName: string;
  departmentId: string;
  regionCode: string;
  handlerIds: string[];
  channel: Channel;
  /** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意 (2 and 1 are 差评). */
  level: number;
  comment: string;
  status: 'valid' | 'under_appeal' | 'removed';
  ratedAt: Date;
}

export interface RectificationTable {
  id: string;
  ratingId: string;
  departmentId: string;
  regionCode: string;
  status: 'open' | 'called_back' | 'resolved' | 'withdrawn';
  callBackDue: string;
  rectifyDue: string;
  calledBackAt: Date | null;
  calledBackBy: string | null;
  callNote: string | null;
  /** 立行立改, 限期整改, 解释说明 */
  resolution: 'immediate' | 'deadline' | 'explained' | null;
  resolutionNote: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  followUpLevel: number | null;
  followUpAt: Date | null;
  version: Generated<number>;
}

export interface AppealTable {
  id: string;
  ratingId: string;
  filedBy: string;
  reason: string;
  status: 'pending' | 'upheld' | 'rejected';
  filedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export type EvaluationTables = {
  'evaluation.rating': RatingTable;
  'evaluation.rectification': RectificationTable;
  'evaluation.appeal': AppealTable;
};

export const eq = (db: Db): Kysely<EvaluationTables> =>
  db.withTables<EvaluationTables>() as unknown as Kysely<EvaluationTables>;

export const isBadReview = (level: number): boolean => level <= 2;
