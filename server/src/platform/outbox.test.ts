/** Declared topics: publishing an undeclared topic or a payload off its schema fails; subscribers get typed payloads. */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { PlatformTables } from './db/tables.js';
import { sql } from 'kysely';
import { appendEvent, appendEventFrom, subscriber, type DeliveredEvent } from './outbox.js';

// Never reached: every refusal below happens before the insert.
const db = null as unknown as Kysely<PlatformTables>;

const decided = {
  caseId: 'c1',
  decision: 'approved' as const,
  decisionNo: '准许〔2026〕000001号',
  itemCode: 'X1',
  applicantPersonId: 'p1',
  applicantEnterpriseId: null,
  bundleId: null,
  decidedAt: '2026-12-03T10:00:00.000Z',
};

describe('outbox topics', () => {
  it('refuses a topic not declared in contracts/events.ts, at compile time and at run time', async () => {
    await expect(
      appendEvent(
        db,
        // @ts-expect-error: an undeclared topic does not typecheck
        { topic: 'cases.case-vanished', aggregateType: 'cases.case', aggregateId: 'c1', payload: {} },
        null,
      ),
    ).rejects.toThrow(/cases\.case-vanished is not declared/);
  });

  it('refuses a payload that does not match its topic’s schema', async () => {
    await expect(
      appendEvent(
        db,
        {
          topic: 'cases.case-decided',
          aggregateType: 'cases.case',
          aggregateId: 'c1',
          // @ts-expect-error: the decision is one of three
          payload: { ...decided, decision: 'maybe' },
        },
        null,
      ),
    ).rejects.toThrow(/cases\.case-decided: payload does not match/);
  });

  it('checks a payload its statement completes before the statement is built', () => {
    const event = { topic: 'cases.case-decided' as const, aggregateType: 'cases.case', aggregateId: 'c1' };
    expect(() =>
      appendEventFrom(
        // @ts-expect-error: the decision is one of three
        { ...event, payload: { ...decided, decision: 'maybe' } },
        null,
        'numbered',
        { decisionNo: sql`numbered.decision_no` },
      ),
    ).toThrow(/cases\.case-decided: payload does not match/);
    expect(() =>
      appendEventFrom({ ...event, payload: decided }, null, 'numbered', { decisionNo: sql`numbered.decision_no` }),
    ).not.toThrow();
  });

  it('hands a subscriber the payload parsed by its topic’s schema, and fails the delivery on one that does not parse', async () => {
    const seen: DeliveredEvent<'cases.case-decided'>[] = [];
    const s = subscriber('test.decided', ['cases.case-decided'], async (event) => {
      seen.push(event);
    });
    const row = {
      id: 1,
      topic: 'cases.case-decided',
      aggregateType: 'cases.case',
      aggregateId: 'c1',
      actorId: null,
      occurredAt: new Date(),
    };
    await s.handle({ ...row, payload: JSON.stringify(decided) }, null as never);
    expect(seen.map((e) => e.payload)).toEqual([decided]);
    await expect(s.handle({ ...row, payload: { caseId: 'c1' } }, null as never)).rejects.toThrow(/does not match/);
  });
});
