/**
 * 搜索点击: a result a person opened from a search, for the big-data centre's demand analysis
 * (catalog.search-clicked). Nothing about the person but the analytics key of a signed-in one.
 */
import type { Db } from '../../../platform/db/index.js';
import { appendEvent } from '../../../platform/outbox.js';
import type { SearchClick } from '../../../../../contracts/search.js';

export interface LoggedClick {
  click: SearchClick;
  /** The analytics key of the signed-in person, else null. */
  person: string | null;
  at: Date;
}

/** Appends the clicks to the outbox through `db` (one transaction when the caller gives one). */
export async function logSearchClicks(db: Db, clicks: readonly LoggedClick[]): Promise<void> {
  for (const { click, person, at } of clicks)
    await appendEvent(
      db,
      {
        topic: 'catalog.search-clicked',
        aggregateType: 'catalog.search-log',
        aggregateId: click.searchId,
        payload: { ...click, person, at: at.toISOString() },
      },
      null,
    );
}
