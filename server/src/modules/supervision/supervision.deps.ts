import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';
import type { FieldCipher } from '../../platform/crypto/index.js';

export interface SupervisionDeps {
  db: Db;
  calendar: CalendarService;
  cipher: FieldCipher;
  /** The clock of every rule here (tests advance it; the sweep may be given its own moment). */
  now: () => Date;
  /** Working days a department has to answer a complaint. */
  answerDays: number;
  /** Working days the window has to accept or refuse a filed application (受理 waiting). */
  acceptanceDays: number;
  /** 异常监察: this many decisions by one account within `minutes` out of hours are flagged. */
  bulkDecisions: { count: number; minutes: number };
  /** The audit chain's key (threshold changes are audited). */
  auditKey: Buffer;
}
