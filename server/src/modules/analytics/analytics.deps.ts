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
}
