/**
 * The working-day calendar with the administrator's overrides from platform.calendar_override.
 * Overrides are cached and reloaded after every change through this service.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { unprocessable } from '../errors.js';
import { WorkingCalendar, type DayOverride } from './working-calendar.js';

export class CalendarService {
  private cached: Promise<WorkingCalendar> | undefined;

  constructor(private readonly db: Db) {}

  /**
   * The calendar, loaded once. Inside a transaction pass its handle: on the embedded database a
   * second connection would wait for the transaction (there is one session), so a cold load must
   * read through the transaction that is already open.
   */
  calendar(within?: Db): Promise<WorkingCalendar> {
    this.cached ??= this.load(within ?? this.db);
    return this.cached;
  }

  private async load(db: Db): Promise<WorkingCalendar> {
    const rows = await db
      .selectFrom('platform.calendarOverride')
      .select(['date', 'kind', 'name'])
      .where('regionCode', 'is', null)
      .orderBy('date')
      .execute();
    const years = await db.selectFrom('platform.calendarYear').select('year').execute();
    return new WorkingCalendar(
      rows,
      years.map((y) => y.year),
    );
  }

  async listDeclaredYears(): Promise<{ year: number; note: string; declaredAt: Date }[]> {
    return this.db.selectFrom('platform.calendarYear').select(['year', 'note', 'declaredAt']).orderBy('year').execute();
  }

  /** Declares that a year's official arrangement has been entered in full: its deadlines are final. */
  async declareYear(year: number, note: string, actorId: string | null): Promise<void> {
    await this.db
      .insertInto('platform.calendarYear')
      .values({ year, note, declaredBy: actorId })
      .onConflict((oc) => oc.column('year').doUpdateSet({ note, declaredBy: actorId }))
      .execute();
    this.cached = undefined;
  }

  async listOverrides(year?: number): Promise<DayOverride[]> {
    let q = this.db
      .selectFrom('platform.calendarOverride')
      .select(['date', 'kind', 'name'])
      .where('regionCode', 'is', null);
    if (year) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
    return q.orderBy('date').execute();
  }

  /**
   * Declares a day working or not (replacing any earlier override of that day). One statement
   * against the day's unique index, so that administrators saving the same day at once all
   * succeed and the last write stays (delete-then-insert let two inserts collide).
   */
  async setOverride(override: DayOverride, actorId: string | null): Promise<void> {
    await upsertOverride(this.db, override, actorId);
    this.cached = undefined;
  }

  /**
   * Loads a year's State Council notice when it is published: its days off and adjusted working
   * days as overrides, and the year declared, all in one transaction. A day outside the year is
   * refused (422) and nothing is written.
   */
  async loadArrangement(
    year: number,
    notice: { note: string; holidays: { date: string; name: string }[]; workdays: { date: string; name: string }[] },
    actorId: string | null,
  ): Promise<{ year: number; holidays: number; workdays: number }> {
    const days: DayOverride[] = [
      ...notice.holidays.map((d) => ({ ...d, kind: 'holiday' as const })),
      ...notice.workdays.map((d) => ({ ...d, kind: 'workday' as const })),
    ];
    const outside = days.filter((d) => !d.date.startsWith(`${year}-`)).map((d) => d.date);
    if (outside.length)
      throw unprocessable('CALENDAR.DAY_OUTSIDE_YEAR', {
        zh: `通知中的日期不在 ${year} 年：${outside.join('、')}`,
        en: `Dates of the notice outside ${year}: ${outside.join(', ')}`,
      });
    await this.db.transaction().execute(async (trx) => {
      for (const day of days) await upsertOverride(trx, day, actorId);
      await trx
        .insertInto('platform.calendarYear')
        .values({ year, note: notice.note, declaredBy: actorId })
        .onConflict((oc) => oc.column('year').doUpdateSet({ note: notice.note, declaredBy: actorId }))
        .execute();
    });
    this.cached = undefined;
    return { year, holidays: notice.holidays.length, workdays: notice.workdays.length };
  }

  async removeOverride(date: string): Promise<boolean> {
    const deleted = await this.db
      .deleteFrom('platform.calendarOverride')
      .where('date', '=', date)
      .where('regionCode', 'is', null)
      .returning('date')
      .execute();
    this.cached = undefined;
    return deleted.length > 0;
  }
}

async function upsertOverride(db: Db, override: DayOverride, actorId: string | null): Promise<void> {
  await db
    .insertInto('platform.calendarOverride')
    .values({ ...override, regionCode: null, createdBy: actorId })
    .onConflict((oc) =>
      oc
        .expression(sql`date, (coalesce(region_code, ''))`)
        .doUpdateSet({ kind: override.kind, name: override.name, createdBy: actorId }),
    )
    .execute();
}
