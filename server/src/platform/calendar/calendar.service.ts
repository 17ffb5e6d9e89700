/**
 * The working-day calendar with the administrator's overrides from platform.calendar_override.
 * Overrides are cached and reloaded after every change through this service.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { WorkingCalendar, type DayOverride } from './working-calendar.js';

export class CalendarService {
  private cached: Promise<WorkingCalendar> | undefined;

  constructor(private readonly db: Db) {}

  calendar(): Promise<WorkingCalendar> {
    this.cached ??= this.load();
    return this.cached;
  }

  private async load(): Promise<WorkingCalendar> {
    const rows = await this.db
      .selectFrom('platform.calendarOverride')
      .select(['date', 'kind', 'name'])
      .where('regionCode', 'is', null)
      .orderBy('date')
      .execute();
    const years = await this.db.selectFrom('platform.calendarYear').select('year').execute();
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
    await this.db
      .insertInto('platform.calendarOverride')
      .values({ ...override, regionCode: null, createdBy: actorId })
      .onConflict((oc) =>
        oc
          .expression(sql`date, (coalesce(region_code, ''))`)
          .doUpdateSet({ kind: override.kind, name: override.name, createdBy: actorId }),
      )
      .execute();
    this.cached = undefined;
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
