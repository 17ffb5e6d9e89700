/**
 * Unified identity through the HTTP API: registration against the population registry, sign-in
 * (its throttling in sign-in/sign-in-abuse.int.test.ts), sessions with CSRF, enterprises and agents (an expired agent stops acting), staff
 * with TOTP, data scope for staff, the audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { generateSync } from 'otplib';
import { createTestApp, type TestApp } from '../../test/harness.js';
import * as people from '../../test/people.js';

let t: TestApp;
const registryPersons = (where: 'legal-representative' | 'any', count: number) =>
  people.registryPersons(t, where, count);
const lastSmsCode = () => people.lastSmsCode(t);
const client = () => people.client(t);
const register = (p: people.RegistryPerson, password?: string) => people.register(t, p, password);
const { newPhone } = people;

beforeAll(async () => {
  t = await createTestApp({ env: people.GENEROUS_LIMITS });
});
afterAll(async () => t?.close());

describe('registration', () => {
  it('refuses a wrong check digit with IDENTITY.BAD_ID_NUMBER and changes nothing', async () => {
    const [p] = await registryPersons('any', 1);
    const wrong = p!.idNumber.slice(0, 17) + (p!.idNumber[17] === '0' ? '1' : '0');
    const res = await client().call('POST', '/api/auth/register', {
      idNumber: wrong,
      name: p!.name,
      phone: newPhone(),
      smsCode: '123456',
      password: 'Tongban2026',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('IDENTITY.BAD_ID_NUMBER');
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM identity.person_account`.execute(t.db);
    expect(Number(n.rows[0]!.n)).toBe(0);
  });

  it('refuses a name that does not match the registry without saying which part is wrong', async () => {
    const [p] = await registryPersons('any', 1);
    const c = client();
    const phone = newPhone();
    await c.call('POST', '/api/auth/sms-code', { phone, purpose: 'register' });
    const res = await c.call('POST', '/api/auth/register', {
      idNumber: p!.idNumber,
      name: '张冒名',
      phone,
      smsCode: await lastSmsCode(),
      password: 'Tongban2026',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDENTITY.REGISTRY_MISMATCH');
    // No field is singled out.
    expect(res.json().errors ?? []).toEqual([]);
  });

  it('registers a real-name level-2 account, signed in, with identifiers masked and encrypted at rest', async () => {
    const [p] = await registryPersons('any', 1);
    const { c, phone } = await register(p!);
    const me = (await c.call('GET', '/api/me')).json();
    expect(me).toMatchObject({ kind: 'person', name: p!.name, realNameLevel: 2, actingFor: null });
    expect(me.idNumber).toBe(`${p!.idNumber.slice(0, 6)}********${p!.idNumber.slice(-4)}`);
    expect(me.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect((await c.call('PATCH', '/api/me', { language: 'en' })).json().language).toBe('en');
    expect((await c.call('GET', '/api/me')).json().language).toBe('en');
    const stored = await sql<{
      idNumberEnc: string;
      phoneEnc: string;
    }>`SELECT id_number_enc, phone_enc FROM identity.person_account WHERE registry_person_id = ${p!.id}`.execute(t.db);
    expect(stored.rows[0]!.idNumberEnc).toMatch(/^sm4\./);
    expect(stored.rows[0]!.idNumberEnc).not.toContain(p!.idNumber);
    expect(stored.rows[0]!.phoneEnc).not.toContain(phone);
    // The same person cannot register twice (told only with a code the phone received: sign-in/sign-in-abuse.int.test.ts).
    const again = client();
    const otherPhone = newPhone();
    await again.call('POST', '/api/auth/sms-code', { phone: otherPhone, purpose: 'register' });
    expect(
      (
        await again.call('POST', '/api/auth/register', {
          idNumber: p!.idNumber,
          name: p!.name,
          phone: otherPhone,
          smsCode: await lastSmsCode(),
          password: 'Tongban2026',
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('sign-in and sessions', () => {
  it('signs in by ID number or by SMS code, requires the CSRF token for changes, and signs out', async () => {
    const [p] = await registryPersons('any', 1);
    const { phone } = await register(p!);
    const c = client();
    const bad = await c.call('POST', '/api/auth/login', {
      method: 'password',
      account: p!.idNumber,
      password: 'Wrong12345',
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('IDENTITY.BAD_CREDENTIALS');
    const ok = await c.call('POST', '/api/auth/login', {
      method: 'password',
      account: p!.idNumber,
      password: 'Tongban2026',
    });
    expect(ok.statusCode).toBe(200);
    const session = ok.cookies.find((k) => k.name === 'tb_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect((await c.call('PUT', '/api/me/acting-for', { enterpriseId: null }, { csrf: false })).json().code).toBe(
      'IDENTITY.CSRF',
    );
    expect((await c.call('PUT', '/api/me/acting-for', { enterpriseId: null })).statusCode).toBe(200);
    expect((await c.call('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await c.call('GET', '/api/me')).json()).toEqual({ kind: 'anonymous' });

    const s = client();
    expect((await s.call('POST', '/api/auth/sms-code', { phone, purpose: 'sign-in' })).json().code).toBe(
      'IDENTITY.SMS_TOO_SOON',
    );
    await sql`UPDATE identity.sms_code SET created_at = created_at - interval '2 minutes'`.execute(t.db);
    expect((await s.call('POST', '/api/auth/sms-code', { phone, purpose: 'sign-in' })).statusCode).toBe(202);
    const byCode = await s.call('POST', '/api/auth/login', { method: 'sms', phone, code: await lastSmsCode() });
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json().me.kind).toBe('person');
  });

  it('resets a forgotten password by SMS code, ending every session', async () => {
    const [p] = await registryPersons('any', 1);
    const { c, phone } = await register(p!);
    await sql`UPDATE identity.sms_code SET created_at = created_at - interval '2 minutes'`.execute(t.db);
    const other = client();
    expect((await other.call('POST', '/api/auth/sms-code', { phone, purpose: 'reset-password' })).statusCode).toBe(202);
    const reset = await other.call('POST', '/api/auth/password-reset', {
      phone,
      smsCode: await lastSmsCode(),
      password: 'Newpass2027',
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await c.call('GET', '/api/me')).json()).toEqual({ kind: 'anonymous' });
    expect(
      (await other.call('POST', '/api/auth/login', { method: 'password', account: phone, password: 'Tongban2026' }))
        .statusCode,
    ).toBe(401);
    expect(
      (await other.call('POST', '/api/auth/login', { method: 'password', account: phone, password: 'Newpass2027' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('enterprises and agents', () => {
  it('lets the legal representative authorise an agent, who acts until the authorisation expires', async () => {
    const [rep] = await registryPersons('legal-representative', 1);
    const [agentPerson] = await registryPersons('any', 1);
    const { c: repClient } = await register(rep!);
    const { c: agentClient } = await register(agentPerson!);
    const creditCode = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity WHERE legal_representative_id = ${rep!.id} AND status = 'active' LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!.creditCode;

    // Someone else cannot open that enterprise.
    expect((await agentClient.call('POST', '/api/enterprises', { creditCode })).json().code).toBe(
      'IDENTITY.NOT_LEGAL_REPRESENTATIVE',
    );
    const claimed = await repClient.call('POST', '/api/enterprises', { creditCode });
    expect(claimed.statusCode).toBe(201);
    const enterpriseId = claimed.json().enterpriseId as string;

    const grant = await repClient.call('POST', `/api/enterprises/${enterpriseId}/agents`, {
      idNumber: agentPerson!.idNumber,
      name: agentPerson!.name,
      scopes: ['apply', 'track'],
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(grant.statusCode, grant.body).toBe(201);
    const agents = (await repClient.call('GET', `/api/enterprises/${enterpriseId}/agents`)).json().agents;
    expect(agents.find((a: { role: string }) => a.role === 'agent').name).toMatch(/^.\*+$/);
    // The agent cannot manage agents.
    expect((await agentClient.call('GET', `/api/enterprises/${enterpriseId}/agents`)).statusCode).toBe(403);

    const acting = await agentClient.call('PUT', '/api/me/acting-for', { enterpriseId });
    expect(acting.statusCode).toBe(200);
    expect(acting.json().actingFor).toMatchObject({
      enterpriseId,
      creditCode,
      role: 'agent',
      scopes: ['apply', 'track'],
    });

    await sql`UPDATE identity.enterprise_agent SET expires_at = now() - interval '1 second' WHERE id = ${grant.json().agentId}`.execute(
      t.db,
    );
    const me = (await agentClient.call('GET', '/api/me')).json();
    expect(me.actingFor).toBeNull();
    expect(me.enterprises).toEqual([]);
    expect((await agentClient.call('PUT', '/api/me/acting-for', { enterpriseId })).json().code).toBe(
      'IDENTITY.NOT_AUTHORISED',
    );
  });
});

describe('staff', () => {
  it('creates staff with a TOTP secret for administrative roles and requires the code at sign-in', async () => {
    const admin = await t.staff(['system_admin'], '5201');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { authorization: admin.authorization },
      payload: {
        username: 'guiyang.data',
        displayName: '贵阳市数据管理员',
        regionCode: '520102',
        roles: ['data_admin'],
        password: 'Guiyang2026',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const secret = new URL(res.json().totpUri).searchParams.get('secret')!;
    const c = client();
    expect(
      (
        await c.call('POST', '/api/auth/login', {
          method: 'password',
          account: 'guiyang.data',
          password: 'Guiyang2026',
        })
      ).json().code,
    ).toBe('IDENTITY.TOTP_REQUIRED');
    const code = generateSync({ secret });
    const ok = await c.call('POST', '/api/auth/login', {
      method: 'password',
      account: 'guiyang.data',
      password: 'Guiyang2026',
      totp: code,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // The same code a second time is a replay.
    expect(
      (
        await client().call('POST', '/api/auth/login', {
          method: 'password',
          account: 'guiyang.data',
          password: 'Guiyang2026',
          totp: code,
        })
      ).json().code,
    ).toBe('IDENTITY.BAD_TOTP');
    expect(ok.json().me).toMatchObject({
      kind: 'staff',
      roles: ['data_admin'],
      regionCode: '520102',
      totpEnrolled: true,
    });
    // Outside the administrator's region: refused.
    const far = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { authorization: admin.authorization },
      payload: {
        username: 'zunyi.clerk',
        displayName: '遵义窗口',
        regionCode: '520302',
        roles: ['window_clerk'],
        password: 'Zunyi20261',
      },
    });
    expect(far.statusCode).toBe(403);

    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: { authorization: admin.authorization } })
    ).json().staff;
    expect(listed.find((x: { username: string }) => x.username === 'guiyang.data')).toMatchObject({
      active: true,
      totpIssued: true,
      totpUsed: true,
    });
  });

  it('deactivates a staff member: their sessions and API tokens stop at once, and it is audited', async () => {
    const admin = await t.staff(['system_admin'], '5201');
    const leaver = await t.staff(['window_clerk'], '520102');
    const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: leaver.authorization } });
    expect((await me()).json().kind).toBe('staff');
    const set = (who: string, id: string, active: boolean) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/staff/${id}/active`,
        headers: { authorization: who },
        payload: { active, reason: '调离岗位' },
      });
    expect((await set(admin.authorization, admin.id, false)).json().code).toBe('IDENTITY.SELF_DEACTIVATE');
    expect((await set(leaver.authorization, admin.id, false)).statusCode).toBe(403);
    expect((await set(admin.authorization, leaver.id, false)).statusCode).toBe(204);
    expect((await me()).json().kind).not.toBe('staff');
    const audited = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'identity.staff-deactivated' AND target_id = ${leaver.id} AND reason = '调离岗位'`.execute(
      t.db,
    );
    expect(audited.rows[0]!.n).toBe(1);
    // Restored, they sign in again with a new token: the old one stays revoked.
    expect((await set(admin.authorization, leaver.id, true)).statusCode).toBe(204);
    expect((await me()).json().kind).not.toBe('staff');
  });

  it('lets a clerk find residents of their own county only, and audits each read', async () => {
    const [p] = await registryPersons('any', 1);
    await register(p!);
    const county = p!.regionCode.slice(0, 6);
    const otherCounty = county === '520102' ? '520103' : '520102';
    const mine = await t.staff(['window_clerk'], county);
    const other = await t.staff(['window_clerk'], otherCounty);
    const url = `/api/admin/persons?idNumber=${p!.idNumber}&reason=${encodeURIComponent('窗口代办核验')}`;
    expect(
      (await t.app.inject({ method: 'GET', url, headers: { authorization: other.authorization } })).statusCode,
    ).toBe(404);
    const found = await t.app.inject({ method: 'GET', url, headers: { authorization: mine.authorization } });
    expect(found.statusCode).toBe(200);
    expect(found.json().idNumber).toContain('********');
    const audited = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM platform.audit_log WHERE action = 'identity.person-read' AND actor_id = ${mine.id} AND target_id = ${found.json().id}`.execute(
      t.db,
    );
    expect(Number(audited.rows[0]!.n)).toBe(1);
  });
});

describe('audit chain', () => {
  it('verifies, then detects one altered row', async () => {
    const auditor = await t.staff(['system_admin']);
    const verify = () =>
      t.app
        .inject({ method: 'GET', url: '/api/admin/audit/verify', headers: { authorization: auditor.authorization } })
        .then((r) => r.json());
    expect(await verify()).toMatchObject({ ok: true });
    await sql`ALTER TABLE platform.audit_log DISABLE TRIGGER USER`.execute(t.db);
    await sql`UPDATE platform.audit_log SET ip = '10.0.0.1' WHERE seq = (SELECT min(seq) + 1 FROM platform.audit_log)`.execute(
      t.db,
    );
    await sql`ALTER TABLE platform.audit_log ENABLE TRIGGER USER`.execute(t.db);
    expect(await verify()).toMatchObject({ ok: false, problem: 'altered' });
  });
});

describe('rate limits', () => {
  it('answers 429 with a problem once a client exceeds the sign-in limit', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_SIGN_IN: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { method: 'password', account: 'nobody.here', password: 'Whatever123' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
