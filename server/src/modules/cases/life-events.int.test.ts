/**
 * Tell us once: a death recorded by the health department ends the person's open cases (终止) —
 * cancelled tasks, the reason in the event log — and leaves their decided cases alone, however often
 * the event is delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../test/people.js';
import { call, departmentStaff } from '../exchange/exchange.test-kit.js';
import { completeMaterials } from '../../test/cases.js';

let t: TestApp;
let person: RegistryPerson;
let applicant: Client;
let item: { code: string; regionCode: string };

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  [person] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  ({ c: applicant } = await register(t, person));
  item = (
    await sql<{ code: string; regionCode: string }>`
      SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
      WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 ORDER BY i.code LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!;
});
afterAll(async () => t?.close());

const submit = async (key: string) =>
  (
    await applicant.call(
      'POST',
      '/api/cases',
      { itemCode: item.code, form: { remarks: '新办' } },
      { headers: { 'idempotency-key': key } },
    )
  ).json().caseId as string;

describe('a death ends the open cases of the deceased', () => {
  it('terminates open cases once, cancels their tasks and keeps decided ones', async () => {
    const waiting = await submit('death-open-0001');
    const working = await submit('death-open-0002');
    const withdrawn = await submit('death-done-0001');
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    await completeMaterials(applicant, working);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${working}/accept`,
          headers: { authorization: clerk },
          payload: {},
        })
      ).statusCode,
    ).toBe(204);
    expect((await applicant.call('POST', `/api/cases/${withdrawn}/withdraw`, { reason: '不再需要' })).statusCode).toBe(
      204,
    );

    const health = await departmentStaff(t, 'gz-health', ['registrar']);
    const recorded = await call(t, health.authorization, 'POST', '/api/exchange/life-events', {
      departmentId: health.departmentId,
      event: {
        type: 'death',
        idNumber: person.idNumber,
        occurredOn: '2026-11-20',
        reference: '死亡医学证明 Q520000777',
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    await t.app.outbox.drain();
    // Delivered again (a retry after a lost acknowledgement): nothing more happens.
    await sql`INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
              SELECT topic, aggregate_type, aggregate_id, payload, actor_id FROM platform.outbox WHERE topic = 'exchange.life-event-recorded' AND aggregate_id = ${recorded.json().eventId}`.execute(
      t.db,
    );
    await t.app.outbox.drain();

    const cases = await sql<{
      id: string;
      status: string;
      decisionNote: string | null;
    }>`SELECT id, status, decision_note AS "decisionNote" FROM cases."case" WHERE id IN (${waiting}, ${working}, ${withdrawn})`.execute(
      t.db,
    );
    const byId = new Map(cases.rows.map((c) => [c.id, c]));
    expect(byId.get(waiting)).toMatchObject({ status: 'terminated', decisionNote: expect.stringContaining('死亡') });
    expect(byId.get(working)!.status).toBe('terminated');
    expect(byId.get(withdrawn)!.status).toBe('withdrawn');
    const open = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases.task WHERE case_id = ${working} AND status = 'open'`.execute(t.db);
    expect(open.rows[0]!.n).toBe(0);
    const events = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases.event WHERE type = 'terminated' AND case_id IN (${waiting}, ${working})`.execute(
      t.db,
    );
    expect(events.rows[0]!.n).toBe(2);
    // The tracking page shows the end without saying why to anyone holding the code.
    const code = (
      await sql<{ c: string }>`SELECT tracking_code AS c FROM cases."case" WHERE id = ${waiting}`.execute(t.db)
    ).rows[0]!.c;
    const tracked = (await t.app.inject({ method: 'GET', url: `/api/track/${code}` })).json();
    expect(tracked.status).toBe('terminated');
    expect(JSON.stringify(tracked)).not.toContain('死亡');
  });
});
