/**
 * The analytics store fed from the outbox: case events (the case's rows are replaced by what its
 * event log says now, so a repeated or late delivery changes nothing) and 好差评 ratings. One code
 * path for the live feed (one event per delivery) and the rebuild (batches from the event log).
 */
import type { Db } from '../../../platform/db/index.js';
import { subscriber, type EventPayload } from '../../../platform/outbox.js';
import type { OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import { caseAnalyticsFacts } from '../../cases/index.js';
import { findDepartment, getPublishedItem } from '../../catalog/index.js';
import type { AnalyticsDeps } from '../analytics.deps.js';
import type {
  ClickFact,
  ComplaintRecord,
  LicenseUseRecord,
  RatingRecord,
  SearchFact,
  SharingReadRecord,
  StoreChange,
} from '../store/analytics-store.js';
import { caseRecord, type ItemTerms } from './case-record.js';

export const FEED_TOPICS = [
  'cases.case-event',
  'evaluation.rating-recorded',
  'catalog.searches-logged',
  'catalog.search-clicked',
  'supervision.complaint-recorded',
  'licenses.license-used',
  'exchange.data-shared',
  'exchange.reads-shared',
] as const;
type FeedTopic = (typeof FEED_TOPICS)[number];
export type FeedEvent = { [T in FeedTopic]: { id: number; topic: T; payload: EventPayload<T> } }[FeedTopic];

/** The catalogue's terms for the items and departments of a batch, each looked up once. */
function termsReader(db: Db) {
  const items = new Map<string, Promise<{ legalDays: number; immediate: boolean; visits: number } | null>>();
  const departments = new Map<string, Promise<string>>();
  return async (itemCode: string, departmentId: string): Promise<ItemTerms> => {
    if (!items.has(itemCode))
      items.set(
        itemCode,
        getPublishedItem(db, itemCode).then(
          (i) => ({ legalDays: i.legalLimitDays, immediate: i.caseKind === '1', visits: i.visits }),
          () => null,
        ),
      );
    if (!departments.has(departmentId))
      departments.set(
        departmentId,
        findDepartment(db, departmentId).then((d) => d?.name ?? ''),
      );
    const item = await items.get(itemCode)!;
    return {
      legalDays: item?.legalDays ?? null,
      immediate: item?.immediate ?? false,
      visits: item?.visits ?? 0,
      departmentName: await departments.get(departmentId)!,
    };
  };
}

/** A department's name and region, each looked up once a batch. */
function departmentReader(db: Db) {
  const seen = new Map<string, Promise<{ name: string; regionCode: string }>>();
  return (id: string) => {
    if (!seen.has(id))
      seen.set(
        id,
        findDepartment(db, id).then((d) => ({ name: d?.name ?? '', regionCode: d?.regionCode ?? '' })),
      );
    return seen.get(id)!;
  };
}

const dayOf = (at: string) => beijingDate(new Date(at));

/** Complaints, licence uses and sharing reads of a batch, the latest of each complaint kept. */
async function otherFacts(
  db: Db,
  events: readonly FeedEvent[],
): Promise<Pick<StoreChange, 'complaints' | 'licenseUses' | 'sharingReads'>> {
  const department = departmentReader(db);
  const complaints = new Map<string, ComplaintRecord>();
  const licenseUses: LicenseUseRecord[] = [];
  const sharingReads: SharingReadRecord[] = [];
  for (const e of events) {
    if (e.topic === 'supervision.complaint-recorded') {
      const p = e.payload;
      complaints.set(p.complaintId, {
        complaintId: p.complaintId,
        kind: p.kind,
        caseId: p.caseId,
        departmentId: p.departmentId,
        departmentName: (await department(p.departmentId)).name,
        regionCode: p.regionCode,
        status: p.status,
        filedOn: dayOf(p.filedAt),
        dueOn: p.dueOn,
        answeredOn: p.answeredAt ? dayOf(p.answeredAt) : null,
      });
    } else if (e.topic === 'licenses.license-used') {
      const d = await department(e.payload.departmentId);
      licenseUses.push({
        useId: String(e.payload.useId),
        departmentId: e.payload.departmentId,
        departmentName: d.name,
        regionCode: d.regionCode,
        caseId: e.payload.caseId,
        byConsent: e.payload.byConsent,
        day: dayOf(e.payload.at),
      });
    } else if (e.topic === 'exchange.data-shared' || e.topic === 'exchange.reads-shared') {
      for (const read of e.topic === 'exchange.data-shared' ? [e.payload] : e.payload.reads) {
        const d = await department(read.consumerDepartmentId);
        sharingReads.push({
          readId: `${read.lane}:${read.seq}`,
          departmentId: read.consumerDepartmentId,
          departmentName: d.name,
          regionCode: d.regionCode,
          resourceCode: read.resourceCode,
          officerKind: read.officerKind,
          day: dayOf(read.at),
        });
      }
    }
  }
  return { complaints: [...complaints.values()], licenseUses, sharingReads };
}

/** The store change for a batch of events, read through `db` (the delivery's transaction). */
export async function changeOf(deps: AnalyticsDeps, db: Db, events: readonly FeedEvent[]): Promise<StoreChange> {
  const caseIds = new Set<string>();
  const ratings = new Map<string, RatingRecord>();
  const searches: SearchFact[] = [];
  const clicks: ClickFact[] = [];
  for (const e of events) {
    if (e.topic === 'cases.case-event') caseIds.add(e.payload.caseId);
    else if (e.topic === 'catalog.searches-logged')
      for (const s of e.payload.searches)
        searches.push({
          searchId: s.searchId,
          query: s.query,
          regionCode: s.regionCode,
          results: s.results,
          sessionKey: s.session,
          personKey: s.person,
          day: beijingDate(new Date(s.at)),
          atMs: Date.parse(s.at),
        });
    else if (e.topic === 'catalog.search-clicked')
      clicks.push({
        searchId: e.payload.searchId,
        position: e.payload.position,
        itemCode: e.payload.itemCode,
        personKey: e.payload.person,
        atMs: Date.parse(e.payload.at),
      });
    else if (e.topic === 'evaluation.rating-recorded')
      ratings.set(e.payload.ratingId, {
        ratingId: e.payload.ratingId,
        caseId: e.payload.caseId,
        itemCode: e.payload.itemCode,
        regionCode: e.payload.regionCode,
        departmentId: e.payload.departmentId,
        channel: e.payload.channel,
        level: e.payload.level,
        status: e.payload.status,
        ratedOn: beijingDate(new Date(e.payload.ratedAt)),
        personKey: deps.personKey(e.payload.raterPersonId),
      });
  }
  const facts = await caseAnalyticsFacts(db, [...caseIds]);
  const calendar = await deps.calendar.calendar(db);
  const terms = termsReader(db);
  // The applicants' household counties: one look-up for the batch's distinct people, none without cases.
  const homes =
    facts.length && deps.homeRegions
      ? await deps.homeRegions(db, [...new Set(facts.map((f) => f.applicantPersonId))])
      : undefined;
  const cases = [];
  for (const f of facts) {
    const home = homes?.get(f.applicantPersonId) ?? null;
    cases.push(caseRecord(f, await terms(f.itemCode, f.departmentId), calendar, deps.personKey, home));
  }
  return {
    cases,
    ratings: [...ratings.values()],
    searches,
    clicks,
    ...(await otherFacts(db, events)),
    watermark: Math.max(0, ...events.map((e) => e.id)),
  };
}

export async function applyEvents(deps: AnalyticsDeps, db: Db, events: readonly FeedEvent[]): Promise<void> {
  if (events.length) await deps.store.apply(await changeOf(deps, db, events));
}

const feedEvent = (event: { id: string | number; topic: string; payload: unknown }) =>
  ({ id: Number(event.id), topic: event.topic, payload: event.payload }) as FeedEvent;

/**
 * The live feed (at least once; applying twice is harmless): the new events of a delivery batch as
 * one store change, as the rebuild does — one DuckDB transaction for up to 2,000 events, so
 * the store keeps up when events come faster than one write each. An event delivered alone (a
 * retry) is one change.
 */
export const analyticsSubscriber = (deps: AnalyticsDeps): OutboxSubscriber =>
  subscriber(
    'analytics.feed',
    FEED_TOPICS,
    async (event, trx) => applyEvents(deps, trx, [feedEvent(event)]),
    async (events, trx) => applyEvents(deps, trx, events.map(feedEvent)),
    // A store write costs about the same for 100 events as for 2,000 (it reads the changed cases'
    // rows and cells once): large batches when events queue up; one event when they trickle in.
    2_000,
    // And at most four writes a second: under load the dispatcher passes without pause, and a
    // DuckDB write each pass was the largest part of the background work (bench:journey).
    250,
  );
