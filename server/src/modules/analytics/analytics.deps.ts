import { createHmac } from 'node:crypto';
import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';
import type { AnalyticsStore } from './store/analytics-store.js';

export interface AnalyticsDeps {
  db: Db;
  calendar: CalendarService;
  store: AnalyticsStore;
  /** A keyed one-way hash of an account id: counts distinct people without knowing them. */
  personKey: (accountId: string) => string;
  /** Public figures: a cell counting fewer people is withheld (k of small-cell suppression). */
  minCell: number;
  /** A query is listed publicly (hot, zero-result…) only when this many distinct people asked it. */
  minPeople: number;
  /**
   * The household counties (户籍) of a batch's applicants, read through `db` (the delivery's
   * transaction) in one go: person → region code, a person without one left out.
   */
  homeRegions?: (db: Db, personIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

/** The store's key for an account: HMAC-SHA256 under the platform's index key, so people are counted, never named. */
export const personKeyOf =
  (indexKey: Buffer) =>
  (accountId: string): string =>
    createHmac('sha256', indexKey).update(`analytics:${accountId}`).digest('hex').slice(0, 32);
