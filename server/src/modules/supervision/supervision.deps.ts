import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';
import type { FieldCipher } from '../../platform/crypto/index.js';

export interface SupervisionDeps {
  db: Db;
  calendar: CalendarService;
  cipher: FieldCipher;
  now: () => Date;
  /** Working days a department has to answer a complaint. */
  answerDays: number;
}
