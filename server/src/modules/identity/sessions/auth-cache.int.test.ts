/**
 * The per-node memory of who a session or token is (SESSION_CACHE_MS): a change made through this
 * node takes effect at once; a change made elsewhere (here: straight in the database, as another
 * node would) only after the time to live — set long here so that the difference shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../../../test/people.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { ...GENEROUS_LIMITS, SESSION_CACHE_MS: '10000' } });
});
afterAll(async () => t?.close());

describe('remembered sessions and tokens', () => {
  it('sees a revocation made elsewhere only after the time to live, and its own sign-out at once', async () => {
    const [p] = await registryPersons(t, 'any', 1);
    const { c, personId } = await register(t, p!);
    expect((await c.call('GET', '/api/me')).json().kind).toBe('person');
    await sql`UPDATE identity.session SET revoked_at = now() WHERE subject_id = ${personId}`.execute(t.db);
    expect((await c.call('GET', '/api/me')).json().kind).toBe('person'); // remembered: another node's change is not seen yet
    expect((await c.call('POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await c.call('GET', '/api/me')).json().kind).toBe('anonymous');
  });

  it('acts for the enterprise at once after a switch, and for oneself at once after switching back', async () => {
    const [rep] = await registryPersons(t, 'legal-representative', 1);
    const { c } = await register(t, rep!);
    const creditCode = (
      await sql<{
        c: string;
      }>`SELECT credit_code AS c FROM exchange.legal_entity WHERE legal_representative_id = ${rep!.id} AND status = 'active' LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!.c;
    const enterpriseId = (await c.call('POST', '/api/enterprises', { creditCode })).json().enterpriseId;
    expect((await c.call('GET', '/api/me')).json().actingFor).toBeNull();
    const switched = await c.call('PUT', '/api/me/acting-for', { enterpriseId });
    expect(switched.cookies.find((k) => k.name === 'tb_act')?.value).toBe(enterpriseId);
    expect((await c.call('GET', '/api/me')).json().actingFor).toMatchObject({ enterpriseId });
    expect((await c.call('PUT', '/api/me/acting-for', { enterpriseId: null })).statusCode).toBe(200);
    expect((await c.call('GET', '/api/me')).json().actingFor).toBeNull();
  });

  it('ends a deactivated staff member’s API token at once', async () => {
    const admin = await t.staff(['system_admin'], '5201');
    const clerk = await t.staff(['window_clerk'], '520102');
    const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: clerk.authorization } });
    expect((await me()).json().kind).toBe('staff');
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/admin/staff/${clerk.id}/active`,
          headers: { authorization: admin.authorization },
          payload: { active: false, reason: '调离岗位' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await me()).json().kind).not.toBe('staff');
  });
});
