import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

export interface ComplaintTable {
  id: string;
  /** 投诉编号, e.g. TS261123-7K2M9Q */
  reference: string;
  /** 投诉, 举报, 建议 */
  kind: 'complaint' | 'report' | 'suggestion';
  /** The resident who complained; null when an API client filed it (Open311). */
  complainantPersonId: string | null;
  /** The API client (OAuth client id) that filed it through Open311. */
  filedByClient: string | null;
  /** The department does not see who wrote it (a report's protection of the reporter). */
  hideIdentity: boolean;
  caseId: string | null;
  departmentId: string;
  regionCode: string;
  subject: string;
  contentEnc: string;
  status: 'open' | 'answered' | 'closed';
  dueOn: string;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: Date | null;
  satisfaction: number | null;
  closedAt: Date | null;
  createdAt: Date;
  version: Generated<number>;
}

export type SupervisionTables = { 'supervision.complaint': ComplaintTable };

export const svq = (db: Db): Kysely<SupervisionTables> =>
  db.withTables<SupervisionTables>() as unknown as Kysely<SupervisionTables>;
