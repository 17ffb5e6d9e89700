/**
 * Sign-in that cannot be abused or lock people out: no account oracle (registered and unknown
 * accounts answer alike, registration checks the SMS code before saying an account exists), a
 * second factor after repeated failures instead of a lock, growing delays per account and per
 * client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import * as people from '../../../test/people.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: people.GENEROUS_LIMITS });
});
afterAll(async () => t?.close());

let ip = 0;
/** A new client address for each call, so that only the account's throttle is in play. */
const fromAnywhere = () => `198.51.100.${(ip++ % 250) + 1}`;
const login = (body: Record<string, unknown>, remoteAddress = fromAnywhere()) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { method: 'password', ...body } });
const answer = (r: { statusCode: number; json: () => { code: string; detail: string } }) => ({
  status: r.statusCode,
  code: r.json().code,
  detail: r.json().detail,
});
/** Lets the account's growing delay pass, as time would. */
const waitOut = () => sql`UPDATE identity.sign_in_throttle SET wait_until = NULL`.execute(t.db);

describe('no lockout, no account oracle', () => {
  it('answers a registered and an unknown ID number alike, and asks both for a second factor after five failures', async () => {
    const [registered, unknown] = await people.registryPersons(t, 'any', 2);
    await people.register(t, registered!);
    // The registration's code was a moment ago; a step-up code would be "too soon" for any phone then.
    await sql`UPDATE identity.sms_code SET created_at = created_at - interval '2 minutes'`.execute(t.db);
    const seen: Record<string, unknown[]> = { registered: [], unknown: [] };
    for (const [who, p] of [
      ['registered', registered!],
      ['unknown', unknown!],
    ] as const) {
      for (let i = 0; i < 5; i++)
        seen[who]!.push(answer(await login({ account: p.idNumber, password: `Wrong${i}pass` })));
      // The sixth try, even with the right password: a second factor is due, not a lock.
      seen[who]!.push(answer(await login({ account: p.idNumber, password: 'Tongban2026' })));
      const code = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sms-code',
        payload: { account: p.idNumber, purpose: 'step-up' },
      });
      seen[who]!.push({ status: code.statusCode, keys: Object.keys(code.json()) });
    }
    expect(seen.registered).toEqual(seen.unknown);
    expect(seen.registered!.slice(0, 5)).toEqual(
      Array(5).fill({ status: 401, code: 'IDENTITY.BAD_CREDENTIALS', detail: '账号或密码错误' }),
    );
    expect(seen.registered![5]).toMatchObject({ status: 401, code: 'IDENTITY.STEP_UP_REQUIRED' });
    expect(seen.registered![6]).toEqual({ status: 202, keys: ['expiresAt'] });
  });

  it('lets the right person in with the password and the SMS code sent to the account’s phone', async () => {
    const [p] = await people.registryPersons(t, 'any', 1);
    const { phone } = await people.register(t, p!);
    for (let i = 0; i < 5; i++) await login({ account: p!.idNumber, password: `Wrong${i}pass` });
    await sql`UPDATE identity.sms_code SET created_at = created_at - interval '2 minutes'`.execute(t.db);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/sms-code',
          payload: { account: p!.idNumber, purpose: 'step-up' },
        })
      ).statusCode,
    ).toBe(202);
    const code = await people.lastSmsCode(t);
    // A wrong step-up code is a failure like a wrong password.
    expect(
      (
        await login({
          account: p!.idNumber,
          password: 'Tongban2026',
          stepUpCode: code === '000000' ? '111111' : '000000',
        })
      ).json().code,
    ).toBe('IDENTITY.BAD_SMS_CODE');
    await waitOut();
    const ok = await login({ account: p!.idNumber, password: 'Tongban2026', stepUpCode: code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().me.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    // Success clears the count: the password alone works again.
    expect((await login({ account: p!.idNumber, password: 'Tongban2026' })).statusCode).toBe(200);
  });

  it('slows further guesses on an account by a growing delay of at most a minute, never a lock', async () => {
    const [p] = await people.registryPersons(t, 'any', 1);
    await people.register(t, p!);
    for (let i = 0; i < 5; i++) await login({ account: p!.idNumber, password: `Wrong${i}pass` });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await login({ account: p!.idNumber, password: `Wrong${i}pass`, stepUpCode: '123456' });
      const held = await login({ account: p!.idNumber, password: 'Tongban2026', stepUpCode: '123456' });
      expect(held.statusCode).toBe(429);
      expect(held.json().code).toBe('IDENTITY.SIGN_IN_THROTTLED');
      waits.push(Number(held.headers['retry-after']));
      await waitOut();
    }
    expect(waits.slice(0, 4)).toEqual([2, 4, 8, 16]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(60);
    // Nothing is locked.
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM identity.person_account WHERE registry_person_id = ${p!.id} AND locked_until IS NOT NULL`.execute(
      t.db,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('slows a client that tries many accounts, without slowing other clients', async () => {
    const attacker = '203.0.113.66';
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push((await login({ account: `guess.${i}`, password: 'Tongban2026' }, attacker)).statusCode);
    expect(codes).toEqual([...Array(11).fill(401), 429]);
    const held = await login({ account: 'guess.99', password: 'Tongban2026' }, attacker);
    expect(held.json().code).toBe('IDENTITY.SIGN_IN_THROTTLED');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login({ account: 'guess.99', password: 'Tongban2026' }, '203.0.113.67')).json().code).toBe(
      'IDENTITY.BAD_CREDENTIALS',
    );
  });

  it('audits refusals and failures without saying whether the account exists', async () => {
    const { rows } = await sql<{ action: string; n: number }>`
      SELECT action, count(*)::int AS n FROM platform.audit_log WHERE action IN ('identity.sign-in-failed', 'identity.sign-in-refused') GROUP BY action ORDER BY action`.execute(
      t.db,
    );
    expect(rows.map((r) => r.action)).toEqual(['identity.sign-in-failed', 'identity.sign-in-refused']);
  });
});

describe('registration', () => {
  it('checks the SMS code before saying that an ID number or phone already has an account', async () => {
    const [p] = await people.registryPersons(t, 'any', 1);
    const { phone } = await people.register(t, p!);
    const attempt = (body: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: {
          idNumber: p!.idNumber,
          name: p!.name,
          phone: people.newPhone(),
          smsCode: '123456',
          password: 'Tongban2026',
          ...body,
        },
      });
    expect((await attempt({})).json().code).toBe('IDENTITY.BAD_SMS_CODE');
    expect((await attempt({ phone })).json().code).toBe('IDENTITY.BAD_SMS_CODE');
    // With a code the phone really received, the holder is told.
    const other = people.newPhone();
    await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: other, purpose: 'register' } });
    const told = await attempt({ phone: other, smsCode: await people.lastSmsCode(t) });
    expect(told.statusCode).toBe(409);
    expect(told.json().code).toBe('IDENTITY.ALREADY_REGISTERED');
  });
});
