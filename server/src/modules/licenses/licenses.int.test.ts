/**
 * Licences through the HTTP API: direct issuance, online and offline verification (tampered,
 * revoked, suspended, expired), the VC-JWT against the published key set, renewal and change with
 * the holder's history, share codes, and use authorisation with the use log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../test/people.js';
import { renderPdf } from '../../test/render-pdf.js';
import { maskIdNumber } from '../../platform/privacy/index.js';

let t: TestApp;
let holder: RegistryPerson & { c: Client; personId: string };
let issuer: string;
let disabled: { id: string; regionCode: string };
let civil: { id: string };

const staffCall = (authorization: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

async function issue(data: Record<string, string> = { category: '肢体残疾', level: '三级' }, validUntil?: string) {
  const res = await staffCall(issuer, 'POST', '/api/licenses', {
    typeCode: 'DISABILITY_CERT',
    departmentId: disabled.id,
    holder: { kind: 'person', id: holder.idNumber, name: holder.name },
    data,
    ...(validUntil ? { validUntil } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

const verify = async (query: string) => t.app.inject({ method: 'GET', url: `/api/licenses/verify?${query}` });
/** Verifies as someone holding the licence's QR code (number and signature) would. */
const check = async (id: string) => {
  const { number, signature } = (await holder.c.call('GET', `/api/me/licenses/${id}`)).json();
  return verify(`number=${encodeURIComponent(number)}&signature=${signature.value}`);
};

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [p] = await registryPersons(t, 'any', 1);
  const reg = await register(t, p!);
  holder = { ...p!, c: reg.c, personId: reg.personId };
  const depts = await sql<{
    id: string;
    category: string;
    regionCode: string;
  }>`SELECT id, category, region_code FROM catalog.department WHERE region_code = '520103' AND category IN ('disabled', 'civil')`.execute(
    t.db,
  );
  disabled = depts.rows.find((d) => d.category === 'disabled')!;
  civil = depts.rows.find((d) => d.category === 'civil')!;
  issuer = (await t.staff(['approver'], '520103')).authorization;
});
afterAll(async () => t?.close());

describe('lookup by number', () => {
  it('says only valid or invalid, the type and the issuer — nothing of the holder — without the signature', async () => {
    const { id, number } = await issue();
    const res = await verify(`number=${encodeURIComponent(number)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      proof: 'number',
      result: 'valid',
      license: { number, type: { code: 'DISABILITY_CERT' } },
    });
    expect(Object.keys(body.license).sort()).toEqual(['issuer', 'number', 'type']);
    expect(Object.keys(body.license.issuer)).toEqual(['name']);
    expect(res.body).not.toContain(holder.name.slice(0, 1) + '*');
    expect((await verify(`id=${id}`)).json()).toMatchObject({ proof: 'number', result: 'valid' });
    // Suspended or revoked: just invalid.
    await staffCall(issuer, 'POST', `/api/licenses/${id}/suspend`, { reason: '复核期间' });
    expect((await verify(`number=${encodeURIComponent(number)}`)).json()).toMatchObject({
      proof: 'number',
      result: 'invalid',
    });
    // With the signature (the QR code), the status and the public face.
    expect((await check(id)).json()).toMatchObject({
      proof: 'signature',
      result: 'suspended',
      license: { holder: { kind: 'person' } },
    });
  });

  it('shows nothing of a business licence’s holder by number alone', async () => {
    const row = (
      await sql<{
        number: string;
        holderName: string;
      }>`SELECT number, holder_name FROM licenses.license WHERE type_code = 'BUSINESS_LICENSE' AND status = 'valid' LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!;
    const res = await verify(`number=${encodeURIComponent(row.number)}`);
    expect(res.json()).toMatchObject({ proof: 'number', result: 'valid' });
    expect(res.body).not.toContain(row.holderName);
  });

  it('refuses a signature in a non-canonical base64url spelling, and shows nothing for a forged one', async () => {
    const { id } = await issue();
    const { number, signature } = (await holder.c.call('GET', `/api/me/licenses/${id}`)).json();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = `${signature.value.slice(0, -1)}${alphabet[alphabet.indexOf(signature.value.at(-1)) ^ 1]}`;
    expect(Buffer.from(twin, 'base64url').equals(Buffer.from(signature.value, 'base64url'))).toBe(true);
    const res = await verify(`number=${encodeURIComponent(number)}&signature=${twin}`);
    expect(res.json()).toMatchObject({ proof: 'signature', result: 'tampered', signature: { valid: false } });
    expect(Object.keys(res.json().license).sort()).toEqual(['issuer', 'number', 'type']);
  });

  it('numbers licences with random serials, not a sequence anyone can walk', async () => {
    const serials: number[] = [];
    for (let i = 0; i < 3; i++) serials.push(Number((await issue()).number.split('.').at(-3)));
    serials.sort((a, b) => a - b);
    expect(serials[2]! - serials[0]!).toBeGreaterThan(2);
    expect(new Set(serials).size).toBe(3);
  });
});

describe('issuance and verification', () => {
  it('issues a licence with a standard identifier that verifies through its QR code', async () => {
    const { id, number } = await issue();
    expect(number).toMatch(/^1\.2\.156\.3005\.2\.2004\.[0-9A-Z]{18}\.\d{8}\.001\.[0-9A-Z]$/);
    const mine = (await holder.c.call('GET', `/api/me/licenses/${id}`)).json();
    // 我的证照 masks the holder's ID number as 我的账号 does.
    expect(mine.holder.id).toBe(maskIdNumber(holder.idNumber));
    expect((await holder.c.call('GET', '/api/me/licenses')).body).not.toContain(holder.idNumber);
    expect(mine.signature.alg).toBe('SM2');
    expect(mine.history.map((h: { action: string }) => h.action)).toEqual(['issued']);
    const ok = await verify(`payload=${encodeURIComponent(mine.verificationUrl)}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().result).toBe('valid');
    // The public face: no identifier, no personal data items.
    expect(ok.body).not.toContain(holder.idNumber);
    expect(ok.body).not.toContain('肢体残疾');
  });

  it('reports a record altered in the database, or a forged signature, as tampered', async () => {
    const { id, number } = await issue();
    const { signature } = (await holder.c.call('GET', `/api/me/licenses/${id}`)).json();
    const forged = Buffer.from(signature.value, 'base64url');
    forged[10] = forged[10]! ^ 0xff;
    expect((await verify(`number=${number}&signature=${forged.toString('base64url')}`)).json().result).toBe('tampered');
    await sql`UPDATE licenses.license SET holder_name = '李四' WHERE id = ${id}`.execute(t.db);
    const res = (await check(id)).json();
    expect(res.result).toBe('tampered');
    expect(res.signature.valid).toBe(false);
  });

  it('holds a licence only to a key of its own issuer', async () => {
    const { id, number } = await issue();
    const signature = (await holder.c.call('GET', `/api/me/licenses/${id}`)).json().signature.value as string;
    const verified = async () => (await verify(`number=${number}&signature=${signature}`)).json();
    expect((await verified()).result).toBe('valid');
    const own = (
      await sql<{ kid: string; departmentId: string }>`
        SELECT k.kid, k.department_id AS "departmentId" FROM licenses.signing_key k
        JOIN licenses.license l ON l.kid = k.kid WHERE l.id = ${id}`.execute(t.db)
    ).rows[0]!;
    const keyOf = (departmentId: string) =>
      sql`UPDATE licenses.signing_key SET department_id = ${departmentId} WHERE kid = ${own.kid}`.execute(t.db);
    // The key on record as another department's: not the issuer's.
    const other = (
      await sql<{ id: string }>`SELECT id FROM catalog.department d WHERE NOT EXISTS (
        SELECT 1 FROM licenses.signing_key k WHERE k.department_id = d.id) LIMIT 1`.execute(t.db)
    ).rows[0]!.id;
    await keyOf(other);
    expect(await verified()).toMatchObject({ result: 'tampered', signature: { valid: false } });
    await keyOf(own.departmentId);
    expect((await verified()).result).toBe('valid');
    // (A key not on record cannot be named: the database refuses a licence whose key it does not hold.)
  });

  it('reports revoked, suspended and expired licences, online and offline', async () => {
    const revoked = await issue();
    const suspended = await issue();
    const expired = await issue(undefined, '2020-12-31');
    expect(
      (await staffCall(issuer, 'POST', `/api/licenses/${revoked.id}/revoke`, { reason: '以欺骗手段取得' })).json()
        .status,
    ).toBe('revoked');
    expect(
      (await staffCall(issuer, 'POST', `/api/licenses/${suspended.id}/suspend`, { reason: '复核期间' })).json().status,
    ).toBe('suspended');
    expect(
      (await staffCall(issuer, 'POST', `/api/licenses/${revoked.id}/reinstate`, { reason: '误操作' })).json().code,
    ).toBe('LICENSES.ILLEGAL_TRANSITION');
    for (const [l, result] of [
      [revoked, 'revoked'],
      [suspended, 'suspended'],
      [expired, 'expired'],
    ] as const) {
      expect((await check(l.id)).json().result).toBe(result);
      const doc = (await holder.c.call('GET', `/api/me/licenses/${l.id}/document`)).json();
      expect((await t.app.inject({ method: 'POST', url: '/api/licenses/verify', payload: doc })).json().result).toBe(
        result,
      );
    }
    const status = (await t.app.inject({ method: 'GET', url: '/.well-known/license-status.json' })).json();
    expect(status.revoked).toContain(revoked.number);
    expect(status.suspended).toContain(suspended.number);
    // Reinstated, the suspended one is valid again; the holder sees both steps.
    expect(
      (await staffCall(issuer, 'POST', `/api/licenses/${suspended.id}/reinstate`, { reason: '复核通过' })).json()
        .status,
    ).toBe('valid');
    expect((await check(suspended.id)).json().result).toBe('valid');
    expect(
      (await holder.c.call('GET', `/api/me/licenses/${suspended.id}`))
        .json()
        .history.map((h: { action: string }) => h.action),
    ).toEqual(['issued', 'suspended', 'reinstated']);
    // Only the issuing department's staff may: another county's approver sees nothing.
    const other = (await t.staff(['approver'], '520102')).authorization;
    expect(
      (await staffCall(other, 'POST', `/api/licenses/${suspended.id}/revoke`, { reason: '越权' })).statusCode,
    ).toBe(404);
  });

  it('checks the signature before the status list offline: an altered document of a revoked licence is tampered', async () => {
    const { id } = await issue();
    const doc = (await holder.c.call('GET', `/api/me/licenses/${id}/document`)).json();
    expect(
      (await staffCall(issuer, 'POST', `/api/licenses/${id}/revoke`, { reason: '以欺骗手段取得' })).json().status,
    ).toBe('revoked');
    const offline = (body: object) =>
      t.app.inject({ method: 'POST', url: '/api/licenses/verify', payload: body }).then((r) => r.json().result);
    expect(await offline(doc)).toBe('revoked');
    expect(await offline({ ...doc, content: { ...doc.content, data: { ...doc.content.data, level: '一级' } } })).toBe(
      'tampered',
    );
    const forged = Buffer.from(doc.signature.value, 'base64url');
    forged[3] = forged[3]! ^ 0xff;
    expect(await offline({ ...doc, signature: { ...doc.signature, value: forged.toString('base64url') } })).toBe(
      'tampered',
    );
  });

  it('detects an altered offline document', async () => {
    const { id } = await issue();
    const doc = (await holder.c.call('GET', `/api/me/licenses/${id}/document`)).json();
    doc.content.data.level = '一级';
    expect((await t.app.inject({ method: 'POST', url: '/api/licenses/verify', payload: doc })).json().result).toBe(
      'tampered',
    );
  });

  it('issues a VC-JWT that jose verifies against the published keys, and not once altered', async () => {
    const { id, number } = await issue();
    const { jwt } = (await holder.c.call('GET', `/api/me/licenses/${id}/vc`)).json();
    const jwks = (await t.app.inject({ method: 'GET', url: '/.well-known/license-keys.json' })).json() as JSONWebKeySet;
    const keys = createLocalJWKSet(jwks);
    const { payload, protectedHeader } = await jwtVerify(jwt, keys);
    expect(protectedHeader.alg).toBe('EdDSA');
    expect((payload.vc as { credentialSubject: { number: string } }).credentialSubject.number).toBe(number);
    const [h, p, s] = (jwt as string).split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    claims.vc.credentialSubject.data.level = '一级';
    await expect(
      jwtVerify(`${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`, keys),
    ).rejects.toThrow();
    // Rotation: a new key signs, the old one stays published, the old VC still verifies.
    const admin = (await t.staff(['system_admin'], '52')).authorization;
    expect((await staffCall(admin, 'POST', `/api/admin/licenses/keys/${disabled.id}/rotate`)).statusCode).toBe(200);
    const after = (
      await t.app.inject({ method: 'GET', url: '/.well-known/license-keys.json' })
    ).json() as JSONWebKeySet;
    await jwtVerify(jwt, createLocalJWKSet(after));
    expect((await check(id)).json().result).toBe('valid');
  });

  it('renews and changes as new versions, the old one superseded, all in the history', async () => {
    const first = await issue();
    const changed = await staffCall(issuer, 'POST', `/api/licenses/${first.id}/change`, {
      reason: '等级复评',
      data: { level: '二级' },
    });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json().number).toMatch(/\.002\.[0-9A-Z]$/);
    expect((await check(first.id)).json().result).toBe('superseded');
    const renewed = await staffCall(issuer, 'POST', `/api/licenses/${changed.json().id}/renew`, {
      reason: '有效期届满换领',
    });
    expect(renewed.statusCode, renewed.body).toBe(201);
    const detail = (await holder.c.call('GET', `/api/me/licenses/${renewed.json().id}`)).json();
    expect(detail.data.level).toBe('二级');
    expect(detail.history.map((h: { action: string; version: number }) => `${h.action}@${h.version}`)).toEqual([
      'issued@1',
      'superseded@1',
      'changed@2',
      'superseded@2',
      'renewed@3',
    ]);
    expect((await check(renewed.json().id)).json().result).toBe('valid');
  });

  it('renders the licence as a PDF and a PNG', async () => {
    const { id } = await issue();
    const pdf = await holder.c.call('GET', `/api/me/licenses/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const rendered = await renderPdf(pdf.rawPayload, { name: 'licence-disability' });
    expect(rendered.errors).toEqual([]);
    expect(rendered.text).toContain('残疾人证');
    expect(pdf.rawPayload.length).toBeLessThan(100_000);
    const png = await holder.c.call('GET', `/api/me/licenses/${id}/png`);
    expect(png.statusCode).toBe(200);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('share codes (亮证)', () => {
  it('shows the public face while the code lives, and nothing once it has expired', async () => {
    const { id, number } = await issue();
    const share = await holder.c.call('POST', `/api/me/licenses/${id}/share`, {});
    expect(share.statusCode).toBe(201);
    const { code, expiresAt } = share.json();
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const seen = await t.app.inject({ method: 'GET', url: `/api/licenses/shared/${code}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ number, status: 'valid', holder: { name: holder.name } });
    expect(seen.body).not.toContain(holder.idNumber);
    // Five minutes pass.
    await sql`UPDATE licenses.share_code SET expires_at = now() - interval '1 second' WHERE license_id = ${id}`.execute(
      t.db,
    );
    const gone = await t.app.inject({ method: 'GET', url: `/api/licenses/shared/${code}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('LICENSES.SHARE_CODE_INVALID');
    // Someone else cannot make a code for it.
    const [p] = await registryPersons(t, 'any', 1);
    const stranger = (await register(t, p!)).c;
    expect((await stranger.call('POST', `/api/me/licenses/${id}/share`, {})).statusCode).toBe(404);
  });
});

describe('use authorisation (用证)', () => {
  it('lets a department read a licence only within the holder’s case or with consent, and logs every read for the holder', async () => {
    const { id } = await issue();
    const clerk = (await t.staff(['window_clerk'], '520103')).authorization;
    const read = (who: string, query: string) =>
      staffCall(who, 'GET', `/api/licenses/${id}?purpose=${encodeURIComponent('办理残疾人两项补贴')}${query}`);
    const refused = await read(clerk, '');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('LICENSES.USE_NOT_AUTHORISED');

    // With the holder's consent to 云岩区民政局 for this type.
    const granted = await holder.c.call('POST', '/api/me/license-consents', {
      departmentId: civil.id,
      typeCodes: ['DISABILITY_CERT'],
      purpose: '残疾人两项补贴资格认定',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const ok = await read(clerk, '');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().use.consentId).toBe(granted.json().id);
    expect(ok.body).not.toContain(holder.idNumber);
    const otherCounty = (await t.staff(['window_clerk'], '520102')).authorization;
    expect((await read(otherCounty, '')).statusCode).toBe(403);
    expect((await holder.c.call('DELETE', `/api/me/license-consents/${granted.json().id}`)).statusCode).toBe(204);
    expect((await read(clerk, '')).statusCode).toBe(403);

    // Within a case the holder applied for: the case's region reads; another county, or a case that is not theirs, does not.
    const item = await sql<{
      code: string;
      regionCode: string;
    }>`SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 ORDER BY i.code LIMIT 1`.execute(
      t.db,
    );
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: {
        cookie: [...holder.c.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': holder.c.jar.get('tb_csrf')!,
        'idempotency-key': 'licence-use-0001',
      },
      payload: { itemCode: item.rows[0]!.code, form: {} },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const caseId = submitted.json().caseId as string;
    const caseClerk = (await t.staff(['window_clerk'], item.rows[0]!.regionCode)).authorization;
    const inCase = await read(caseClerk, `&caseId=${caseId}`);
    expect(inCase.statusCode, inCase.body).toBe(200);
    expect(inCase.json().use.caseId).toBe(caseId);
    const elsewhere = item.rows[0]!.regionCode === '520102' ? '520103' : '520102';
    expect(
      (await read((await t.staff(['window_clerk'], elsewhere)).authorization, `&caseId=${caseId}`)).statusCode,
    ).toBe(403);

    // Both permitted reads, and only those, are in the holder's use log.
    const uses = (await holder.c.call('GET', `/api/me/licenses/${id}/uses`)).json().uses;
    expect(uses).toHaveLength(2);
    expect(uses.map((u: { caseId: string | null }) => u.caseId)).toEqual([caseId, null]);
    expect(uses[1].departmentName).toBe('贵阳市云岩区民政局');
    const all = (await holder.c.call('GET', '/api/me/license-uses')).json().uses;
    expect(all.filter((u: { licenseId: string }) => u.licenseId === id)).toHaveLength(2);
    const audited = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'licenses.used' AND target_id = ${id}`.execute(
      t.db,
    );
    expect(audited.rows[0]!.n).toBe(2);
  });
});

describe('the issuing department finds its licence by number', () => {
  it('answers the issuer with the holder masked, and another county nothing', async () => {
    const { id, number } = await issue();
    const found = await staffCall(issuer, 'GET', `/api/licenses/issued?number=${encodeURIComponent(number)}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ id, number, typeName: '残疾人证', status: 'valid' });
    expect(found.json().holderName).not.toBe(holder.name);
    const other = (await t.staff(['approver'], '520102')).authorization;
    expect(
      (await staffCall(other, 'GET', `/api/licenses/issued?number=${encodeURIComponent(number)}`)).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/licenses/issued?number=${encodeURIComponent(number)}` }))
        .statusCode,
    ).toBe(401);
  });
});
