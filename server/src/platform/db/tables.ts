import type { ColumnType, Generated } from 'kysely';

/** platform.outbox: domain events written in the same transaction as the change they describe. */
export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload: ColumnType<unknown, string, string>;
  actorId: string | null;
  occurredAt: ColumnType<Date, Date | string | undefined, never>;
  deliveredAt: Date | null;
  attempts: Generated<number>;
}

/** platform.outbox_delivery: what each subscriber has handled, or waits to retry. */
export interface OutboxDeliveryTable {
  subscriber: string;
  eventId: number;
  state: 'delivered' | 'retry' | 'dead';
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  updatedAt: Generated<Date>;
}

/** platform.calendar_override: days an administrator declares working or non-working. */
export interface CalendarOverrideTable {
  date: string;
  kind: 'workday' | 'holiday';
  name: string;
  regionCode: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

/** platform.calendar_year: years whose official arrangement has been entered in full. */
export interface CalendarYearTable {
  year: number;
  note: string;
  declaredBy: string | null;
  declaredAt: Generated<Date>;
}

export interface PlatformTables {
  'platform.calendarYear': CalendarYearTable;
  'platform.outbox': OutboxTable;
  'platform.outboxDelivery': OutboxDeliveryTable;
  'platform.calendarOverride': CalendarOverrideTable;
}
