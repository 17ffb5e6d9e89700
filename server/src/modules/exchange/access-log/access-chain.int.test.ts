/**
 * The access chain keeps what it was given: entries with any text (quotes, backslashes, braces
 * and commas that array literals escape, NUL and lone surrogates PostgreSQL cannot store), written
 * alone or batched by concurrent callers, read back as hashed, and the chain verifies.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { EVENTS } from '../../../../../contracts/events.js';
import { AccessChain, verifyAccessChain, type AccessEntry } from './access-chain.js';

let t: TestApp;
const key = Buffer.alloc(32, 7);
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Text with the characters that need escaping somewhere on the way, and some that cannot be stored. */
const awkward = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^[{},"\\ a\u0000\ud800\udc00中]{0,12}$/),
);
const entry: fc.Arbitrary<AccessEntry> = fc.record({
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
  consumerDepartmentId: fc.uuid(),
  clientId: fc.option(awkward, { nil: null }),
  officerId: awkward,
  officerKind: fc.constantFrom('staff', 'client'),
  purpose: awkward,
  resourceCode: awkward,
  grantId: fc.option(fc.uuid(), { nil: null }),
  subjectKind: fc.constantFrom('person' as const, 'enterprise' as const),
  subjectKey: awkward,
  fields: fc.array(awkward, { maxLength: 4 }),
});

/** What PostgreSQL keeps of a string: NUL and lone surrogates become U+FFFD. */
const stored = (s: string) =>
  s.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('the access chain', () => {
  it('stores every entry as given, alone or batched with concurrent ones, and verifies', async () => {
    const chain = new AccessChain(t.db, key, 3);
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 12 }), async (entries) => {
        const marker = randomUUID();
        const written = await Promise.all(entries.map((e) => chain.append({ ...e, officerKind: marker })));
        const rows = await sql<{
          lane: number;
          seq: string;
          purpose: string;
          officerId: string;
          clientId: string | null;
          resourceCode: string;
          subjectKey: string;
          fields: string[];
          at: Date;
        }>`
          SELECT lane, seq, purpose, officer_id, client_id, resource_code, subject_key, fields, at
            FROM exchange.access_log WHERE officer_kind = ${marker}`.execute(t.db);
        expect(rows.rows).toHaveLength(entries.length);
        const byPlace = new Map(rows.rows.map((r) => [`${r.lane}:${r.seq}`, r]));
        entries.forEach((e, i) => {
          const row = byPlace.get(`${written[i]!.lane}:${written[i]!.seq}`)!;
          expect(row).toMatchObject({
            purpose: stored(e.purpose),
            officerId: stored(e.officerId),
            clientId: e.clientId === null ? null : stored(e.clientId),
            resourceCode: stored(e.resourceCode),
            subjectKey: stored(e.subjectKey),
            fields: e.fields.map(stored),
          });
          expect(new Date(row.at).getTime()).toBe(e.at.getTime());
        });
        // Each read reaches the big-data centre once, in an event its contract accepts.
        const events = await sql<{ payload: unknown }>`
          SELECT payload FROM platform.outbox WHERE topic = 'exchange.reads-shared' AND payload->'reads'->0->>'officerKind' = ${marker}`.execute(
          t.db,
        );
        const reads = events.rows.flatMap((r) => EVENTS['exchange.reads-shared'].parse(r.payload).reads);
        expect(reads.map((r) => `${r.lane}:${r.seq}`).sort()).toEqual(written.map((w) => `${w.lane}:${w.seq}`).sort());
      }),
      { numRuns: 30 },
    );
    expect(await verifyAccessChain(t.db, key)).toMatchObject({ ok: true });
  });
});
