import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

/** A complaint or suggestion filed through Open311: the client that filed it and where the problem is. */
export interface RequestTable {
  complaintId: string;
  /** service_request_id: the complaint's public reference (投诉编号). */
  reference: string;
  clientId: string;
  serviceCode: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  requestedAt: Date;
}

export type Open311Tables = { 'open311.request': RequestTable };

export const oq = (db: Db): Kysely<Open311Tables> => db.withTables<Open311Tables>() as unknown as Kysely<Open311Tables>;
