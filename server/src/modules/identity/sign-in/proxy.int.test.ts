/**
 * Proxies declared, not trusted (TRUST_PROXY): a client that varies X-Forwarded-For does not get a
 * fresh rate-limit allowance; a declared proxy's forwarded address is the client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { newPhone } from '../../../test/people.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_SIGN_IN: '3', RATE_LIMIT_SMS_CODE: '2', TRUST_PROXY: '10.0.0.0/8' } });
});
afterAll(async () => t?.close());

const login = (remoteAddress: string, forwardedFor: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { method: 'password', account: 'nobody.here', password: 'Whatever123' },
  });
const smsCode = (remoteAddress: string, forwardedFor: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sms-code',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { phone: newPhone(), purpose: 'register' },
  });

describe('rate limits behind proxies', () => {
  it('keys sign-in on the peer address when the peer is not a declared proxy, whatever X-Forwarded-For says', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('203.0.113.7', `198.51.100.${i + 1}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    expect((await login('203.0.113.7', '198.51.100.99')).json().code).toBe('HTTP.TOO_MANY_REQUESTS');
    // Another client is not affected.
    expect((await login('203.0.113.8', '198.51.100.1')).statusCode).toBe(401);
  });

  it('keys SMS codes on the peer address too', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await smsCode('203.0.113.9', `198.51.100.${i + 1}`)).statusCode);
    expect(codes).toEqual([202, 202, 429, 429]);
  });

  it('believes a declared proxy: each forwarded client has its own allowance, and the same one is limited', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('10.1.2.3', `198.51.100.${i + 10}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    const same: number[] = [];
    for (let i = 0; i < 4; i++) same.push((await login('10.1.2.4', '192.0.2.50')).statusCode);
    expect(same).toEqual([401, 401, 401, 429]);
  });
});
