/**
 * Test helpers for people: registry persons without an account, a cookie-keeping browser-like
 * client, SMS codes read from the outbox, and registration through the API.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestApp } from './harness.js';
import { testCipher } from './keys.js';

const cipher = testCipher();
let phoneSeq = 0;
/** A mobile number no test has used yet (per test process). */
export const newPhone = (): string =>
  `139${String(10_000_000 + ((++phoneSeq * 7919 + process.pid * 13) % 90_000_000)).slice(-8)}`;

export interface RegistryPerson {
  id: string;
  name: string;
  idNumber: string;
  regionCode: string;
}

/** Living people of the registry without an account yet (legal representatives or not), registered under `regionPrefix` when given. */
export async function registryPersons(
  t: TestApp,
  where: 'legal-representative' | 'any',
  count: number,
  regionPrefix = '',
): Promise<RegistryPerson[]> {
  const rep = where === 'legal-representative';
  const rows = await sql<{ id: string; personalEnc: string; idNumberEnc: string; regionCode: string }>`
    SELECT p.id, p.personal_enc, p.id_number_enc, p.region_code FROM exchange.person p
    WHERE p.alive AND p.region_code LIKE ${regionPrefix + '%'}
      AND NOT EXISTS (SELECT 1 FROM identity.person_account a WHERE a.registry_person_id = p.id)
      AND ${rep} = EXISTS (SELECT 1 FROM exchange.legal_entity e WHERE e.legal_representative_id = p.id AND e.status = 'active')
    ORDER BY p.id LIMIT ${count}`.execute(t.db);
  return rows.rows.map((r) => ({
    id: r.id,
    name: (JSON.parse(cipher.decrypt(r.personalEnc)) as { name: string }).name,
    idNumber: cipher.decrypt(r.idNumberEnc),
    regionCode: r.regionCode,
  }));
}

/** The code of the newest SMS in the outbox. */
export async function lastSmsCode(t: TestApp): Promise<string> {
  const row = await sql<{
    payload: { text: string } | string;
  }>`SELECT payload FROM platform.outbox WHERE topic = 'identity.sms-requested' ORDER BY id DESC LIMIT 1`.execute(t.db);
  const payload = row.rows[0]!.payload;
  const text = cipher.decrypt((typeof payload === 'string' ? JSON.parse(payload) : payload).text);
  return /(\d{6})/.exec(text)![1]!;
}

export type Client = ReturnType<typeof client>;

/** A browser-like client: keeps cookies, echoes the CSRF token unless told not to. */
export function client(t: TestApp) {
  const jar = new Map<string, string>();
  return {
    jar,
    async call(
      method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
      url: string,
      body?: unknown,
      opts: { csrf?: boolean; headers?: Record<string, string> } = {},
    ) {
      const headers: Record<string, string> = { ...opts.headers };
      if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      if (opts.csrf !== false && jar.has('tb_csrf')) headers['x-csrf-token'] = jar.get('tb_csrf')!;
      const res = await t.app.inject({
        method,
        url,
        headers,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      for (const c of res.cookies) {
        if (c.value === '' || (c.expires && c.expires < new Date())) jar.delete(c.name);
        else jar.set(c.name, c.value);
      }
      return res;
    },
  };
}

/** Registers the registry person through the API; the returned client is signed in. */
export async function register(
  t: TestApp,
  p: RegistryPerson,
  password = 'Tongban2026',
): Promise<{ c: Client; phone: string; personId: string }> {
  const c = client(t);
  const phone = newPhone();
  expect((await c.call('POST', '/api/auth/sms-code', { phone, purpose: 'register' })).statusCode).toBe(202);
  const res = await c.call('POST', '/api/auth/register', {
    idNumber: p.idNumber,
    name: p.name,
    phone,
    smsCode: await lastSmsCode(t),
    password,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { c, phone, personId: res.json().me.id as string };
}

/** Rate limits high enough for a test file that signs many people in from one address. */
export const GENEROUS_LIMITS = { RATE_LIMIT_SMS_CODE: '1000', RATE_LIMIT_SIGN_IN: '1000', RATE_LIMIT_REGISTER: '1000' };
