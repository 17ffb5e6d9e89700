import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

/** A callback request (请给我回电); the phone encrypted, with its blind index. */
export interface CallbackTable {
  id: string;
  reference: string;
  regionCode: string;
  personId: string | null;
  phoneEnc: string;
  phoneIndex: string;
  name: string | null;
  topic: string | null;
  page: string | null;
  status: 'open' | 'done';
  createdAt: Date;
  doneAt: Date | null;
  doneBy: string | null;
}

export type HotlineTables = { 'hotline.callback': CallbackTable };

export const hq = (db: Db): Kysely<HotlineTables> => db.withTables<HotlineTables>() as unknown as Kysely<HotlineTables>;
