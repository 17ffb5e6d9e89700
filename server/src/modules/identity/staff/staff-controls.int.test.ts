/**
 * 等保三级 controls for staff: a second factor for every role, an idle timeout (shorter for staff
 * than for residents), password history and expiry — each audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { generateSync } from 'otplib';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import * as people from '../../../test/people.js';
import { STAFF_PASSWORD, staffWithPassword, totpCode } from '../../../test/staff.js';
import { STAFF_ROLES } from '../index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { ...people.GENEROUS_LIMITS, PASSWORD_HISTORY: '3', STAFF_PASSWORD_MAX_DAYS: '90' } });
});
afterAll(async () => t?.close());

const audited = async (action: string, targetId: string) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = ${action} AND target_id = ${targetId}`.execute(
      t.db,
    )
  ).rows[0]!.n;

describe('a second factor for every staff role', () => {
  it('issues a TOTP secret to every new staff member, whatever the role, and requires the code at sign-in', async () => {
    const admin = await t.staff(['system_admin'], '5201');
    for (const role of STAFF_ROLES) {
      const username = `guiyang.${role.replace('_', '-')}`;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/staff',
        headers: { authorization: admin.authorization },
        payload: { username, displayName: `贵阳市${role}`, regionCode: '5201', roles: [role], password: 'Guiyang2026' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const secret = new URL(res.json().totpUri).searchParams.get('secret')!;
      const c = people.client(t);
      expect(
        (
          await c.call('POST', '/api/auth/login', { method: 'password', account: username, password: 'Guiyang2026' })
        ).json().code,
        role,
      ).toBe('IDENTITY.TOTP_REQUIRED');
      const ok = await c.call('POST', '/api/auth/login', {
        method: 'password',
        account: username,
        password: 'Guiyang2026',
        totp: generateSync({ secret }),
      });
      expect(ok.statusCode, ok.body).toBe(200);
    }
  });

  it('refuses staff without a TOTP secret, and asks an unknown and a known user name alike for the second factor after failures', async () => {
    const legacy = await staffWithPassword(t, ['window_clerk'], '520102');
    await sql`UPDATE identity.staff SET totp_secret_enc = NULL WHERE id = ${legacy.id}`.execute(t.db);
    expect(
      (
        await people
          .client(t)
          .call('POST', '/api/auth/login', { method: 'password', account: legacy.username, password: STAFF_PASSWORD })
      ).json().code,
    ).toBe('IDENTITY.TOTP_NOT_ENROLLED');

    const known = await staffWithPassword(t, ['approver'], '5201');
    const answers: Record<string, string[]> = {};
    for (const account of [known.username, 'nobody.at.all']) {
      answers[account] = [];
      for (let i = 0; i < 6; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: `192.0.2.${i + 1}`,
          payload: { method: 'password', account, password: `Wrong${i}pass` },
        });
        answers[account]!.push(res.json().code);
      }
    }
    expect(answers[known.username]).toEqual(answers['nobody.at.all']);
    expect(answers[known.username]).toEqual([
      ...Array(5).fill('IDENTITY.BAD_CREDENTIALS'),
      'IDENTITY.STEP_UP_REQUIRED',
    ]);
    // The right password with the TOTP code still signs in: no lock.
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        method: 'password',
        account: known.username,
        password: STAFF_PASSWORD,
        totp: await totpCode(t, known.username),
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('idle timeout', () => {
  it('ends a staff session after 30 idle minutes and a resident’s only after two hours, audited', async () => {
    const clerk = await staffWithPassword(t, ['window_clerk'], '520102');
    const staffClient = people.client(t);
    expect(
      (
        await staffClient.call('POST', '/api/auth/login', {
          method: 'password',
          account: clerk.username,
          password: STAFF_PASSWORD,
          totp: await totpCode(t, clerk.username),
        })
      ).statusCode,
    ).toBe(200);
    const [p] = await people.registryPersons(t, 'any', 1);
    const { c: resident, personId } = await people.register(t, p!);
    const idle = (kind: string, id: string, minutes: number) =>
      sql`UPDATE identity.session SET last_seen_at = now() - make_interval(mins => ${minutes}) WHERE subject_kind = ${kind} AND subject_id = ${id} AND revoked_at IS NULL`.execute(
        t.db,
      );

    await idle('staff', clerk.id, 29);
    expect((await staffClient.call('GET', '/api/me')).json().kind).toBe('staff');
    await idle('staff', clerk.id, 31);
    await idle('person', personId, 31);
    expect((await staffClient.call('GET', '/api/me')).json()).toEqual({ kind: 'anonymous' });
    expect((await resident.call('GET', '/api/me')).json().kind).toBe('person');
    expect(await audited('identity.session-idle-ended', clerk.id)).toBe(1);
    await idle('person', personId, 121);
    expect((await resident.call('GET', '/api/me')).json()).toEqual({ kind: 'anonymous' });
    expect(await audited('identity.session-idle-ended', personId)).toBe(1);
  });
});

describe('password expiry and history', () => {
  it('makes staff choose a new password after 90 days, none of the last three, and audits the change', async () => {
    const s = await staffWithPassword(t, ['department_head'], '5201');
    const signIn = async (password: string, extra: Record<string, string> = {}) =>
      people.client(t).call('POST', '/api/auth/login', {
        method: 'password',
        account: s.username,
        password,
        totp: await totpCode(t, s.username),
        ...extra,
      });
    expect((await signIn(STAFF_PASSWORD)).statusCode).toBe(200);
    await sql`UPDATE identity.staff SET password_changed_at = now() - interval '91 days' WHERE id = ${s.id}`.execute(
      t.db,
    );

    const expired = await signIn(STAFF_PASSWORD);
    expect(expired.statusCode).toBe(403);
    expect(expired.json().code).toBe('IDENTITY.PASSWORD_EXPIRED');
    expect(expired.cookies.find((k) => k.name === 'tb_session')).toBeUndefined();
    const same = await signIn(STAFF_PASSWORD, { newPassword: STAFF_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: 'body.newPassword', code: 'IDENTITY.PASSWORD_REUSED' });
    expect((await signIn(STAFF_PASSWORD, { newPassword: 'short' })).json().code).toBe('IDENTITY.WEAK_PASSWORD');

    const changed = await signIn(STAFF_PASSWORD, { newPassword: 'Xinmima2027a' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await audited('identity.password-changed', s.id)).toBe(1);
    expect((await signIn(STAFF_PASSWORD)).json().code).toBe('IDENTITY.BAD_CREDENTIALS');
    expect((await signIn('Xinmima2027a')).statusCode).toBe(200);

    // Two more changes; the first password is then the fourth-last and may come back.
    await sql`UPDATE identity.staff SET password_changed_at = now() - interval '91 days' WHERE id = ${s.id}`.execute(
      t.db,
    );
    expect((await signIn('Xinmima2027a', { newPassword: 'Disanci2027b' })).statusCode).toBe(200);
    expect((await signIn('Disanci2027b', { newPassword: STAFF_PASSWORD })).json().code).toBe(
      'IDENTITY.PASSWORD_REUSED',
    );
    expect((await signIn('Disanci2027b', { newPassword: 'Disici2027c' })).statusCode).toBe(200);
    expect((await signIn('Disici2027c', { newPassword: STAFF_PASSWORD })).statusCode).toBe(200);
  });
});

describe('实名关联 of staff (亲属回避)', () => {
  it('records a staff member’s ID number encrypted with a blind index, answers it masked and audits it; refuses a wrong check digit and staff out of region', async () => {
    const admin = await t.staff(['system_admin'], '5201');
    const approver = await t.staff(['approver'], '520102');
    const [p] = await people.registryPersons(t, 'any', 1);
    const put = (authorization: string, staffId: string, idNumber: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/staff/${staffId}/id-number`,
        headers: { authorization },
        payload: { idNumber },
      });
    const wrongDigit = p!.idNumber.slice(0, 17) + (p!.idNumber[17] === '0' ? '1' : '0');
    const bad = await put(admin.authorization, approver.id, wrongDigit);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('IDENTITY.BAD_ID_NUMBER');
    const elsewhere = await t.staff(['approver'], '5226');
    expect((await put(admin.authorization, elsewhere.id, p!.idNumber)).json().code).toBe('IDENTITY.NO_STAFF');

    const ok = await put(admin.authorization, approver.id, p!.idNumber);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      idNumber: `${p!.idNumber.slice(0, 6)}********${p!.idNumber.slice(14)}`,
      inRegistry: true,
    });
    const row = (
      await sql<{
        idNumberEnc: string;
        kinshipKey: string;
      }>`SELECT id_number_enc, kinship_key FROM identity.staff WHERE id = ${approver.id}`.execute(t.db)
    ).rows[0]!;
    expect(row.idNumberEnc).not.toContain(p!.idNumber.slice(6, 14));
    expect(row.kinshipKey).toMatch(/^[0-9a-f]{64}$/);
    expect(await audited('identity.staff-id-number-recorded', approver.id)).toBe(1);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/staff',
      headers: { authorization: admin.authorization },
    });
    expect(list.body).not.toContain(p!.idNumber);
    const listed = list.json().staff.find((s: { id: string }) => s.id === approver.id);
    expect(listed.idNumberRecorded).toBe(true);
  });
});
