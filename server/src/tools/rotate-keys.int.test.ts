/** Data-key rotation: everything written with the retired key is re-encrypted; look-ups and reads keep working. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createFieldCipher } from '../platform/crypto/index.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { TEST_DATA_KEY } from '../test/keys.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../test/people.js';
import { reencryptIdentityData } from '../modules/identity/index.js';
import { reencryptRegistries } from '../modules/exchange/index.js';
import { reencryptCaseData } from '../modules/cases/index.js';
import { reencryptLicenseData } from '../modules/licenses/index.js';
import { reencryptSupervisionData } from '../modules/supervision/index.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
});
afterAll(async () => t?.close());

const form = (creditCode: string) => ({
  operatorName: '黔味小吃',
  creditCode,
  premises: '贵阳市云岩区中华北路 1 号',
  area: 60,
  format: '餐饮服务经营者',
  items: '热食类食品制售',
  safetyManager: '王芳',
  safetyManagerId: '11010519491231002X',
  phone: '13812345678',
});

describe('key rotation', () => {
  it('re-encrypts personal data with the new key, keeps blind indexes, sign-in and case reads working, and is idempotent', async () => {
    const [p] = await registryPersons(t, 'any', 1);
    const { c } = await register(t, p!);
    const food = (
      await sql<{
        code: string;
      }>`SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = '食品经营许可（新办）' AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!.code;
    const creditCode = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity ORDER BY credit_code LIMIT 1`.execute(t.db)
    ).rows[0]!.creditCode;
    const submitted = await c.call(
      'POST',
      '/api/cases',
      { itemCode: food, form: form(creditCode) },
      { headers: { 'idempotency-key': 'rotate-case-1' } },
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    const caseId = submitted.json().caseId as string;
    expect((await c.call('PUT', `/api/drafts/${food}`, { form: { phone: '13812345678' } })).statusCode).toBe(200);

    const oldKey = Buffer.from(TEST_DATA_KEY, 'hex');
    const newKey = randomBytes(32);
    const old = createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: oldKey }, indexKey: oldKey });
    const rotating = createFieldCipher({
      suite: 'sm4',
      current: 'k2',
      keys: { k1: oldKey, k2: newKey },
      indexKey: oldKey,
    });
    const onlyNew = createFieldCipher({ suite: 'sm4', current: 'k2', keys: { k2: newKey }, indexKey: oldKey });

    const read = async () =>
      (
        await sql<{ idNumberEnc: string; idNumberIndex: string }>`
          SELECT id_number_enc, id_number_index FROM identity.person_account
          UNION ALL SELECT id_number_enc, id_number_index FROM exchange.person ORDER BY 2`.execute(t.db)
      ).rows;
    const sealed = async () =>
      (
        await sql<{ enc: string }>`
          SELECT personal_enc AS enc FROM exchange.person
          UNION ALL SELECT form_enc FROM cases."case" WHERE form_enc IS NOT NULL
          UNION ALL SELECT form_enc FROM cases.draft WHERE form_enc IS NOT NULL ORDER BY 1`.execute(t.db)
      ).rows.map((r) => r.enc);
    const before = await read();
    expect(before.every((r) => r.idNumberEnc.startsWith('sm4.k1.'))).toBe(true);
    const sealedBefore = await sealed();
    expect(sealedBefore.length).toBeGreaterThan(before.length / 2);

    const secrets = async () =>
      (await sql<{ enc: string }>`SELECT jwks_enc AS enc FROM identity.oidc_keyset`.execute(t.db)).rows.map(
        (r) => r.enc,
      );
    const keysets = (await secrets()).length;
    expect(keysets).toBeGreaterThan(0);
    const others = async () =>
      (
        await sql<{ enc: string }>`
          SELECT data_enc AS enc FROM licenses.license UNION ALL SELECT private_key_enc FROM licenses.signing_key
          UNION ALL SELECT content_enc FROM supervision.complaint`.execute(t.db)
      ).rows.map((r) => r.enc);
    const othersBefore = await others();
    expect(othersBefore.length).toBeGreaterThan(0);
    const rotate = async () =>
      (await reencryptIdentityData(t.db, rotating)) +
      (await reencryptRegistries(t.db, rotating)) +
      (await reencryptCaseData(t.db, rotating)) +
      (await reencryptLicenseData(t.db, rotating)) +
      (await reencryptSupervisionData(t.db, rotating));
    // exchange.person rows hold two ciphertexts (ID number, personal data) but are rewritten once each; one case, one draft.
    expect(await rotate()).toBe(before.length + keysets + 2 + othersBefore.length);
    expect((await others()).every((e) => e.startsWith('sm4.k2.'))).toBe(true);
    expect((await secrets()).every((e) => e.startsWith('sm4.k2.'))).toBe(true);
    const after = await read();
    expect(after.every((r) => r.idNumberEnc.startsWith('sm4.k2.'))).toBe(true);
    expect(after.map((r) => onlyNew.decrypt(r.idNumberEnc))).toEqual(before.map((r) => old.decrypt(r.idNumberEnc)));
    expect(after.map((r) => r.idNumberIndex)).toEqual(before.map((r) => r.idNumberIndex));
    expect(onlyNew.blindIndex(p!.idNumber)).toBe(old.blindIndex(p!.idNumber));
    const sealedAfter = await sealed();
    expect(sealedAfter.every((e) => e.startsWith('sm4.k2.'))).toBe(true);
    expect(sealedAfter.map((e) => onlyNew.decrypt(e)).sort()).toEqual(sealedBefore.map((e) => old.decrypt(e)).sort());

    expect(await rotate()).toBe(0);

    // A node that knows only the new key reads the case and the draft in full.
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      SEED_DEMO: 'false',
      WORKERS: 'false',
      SESSION_CACHE_MS: '0',
      DATA_KEY: newKey.toString('hex'),
      DATA_KEY_ID: 'k2',
      INDEX_KEY: TEST_DATA_KEY,
    });
    const rotated = await buildApp({ config, database: t.database });
    try {
      const headers = { cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
      const got = await rotated.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers });
      expect(got.statusCode, got.body).toBe(200);
      expect(got.json().form).toEqual(form(creditCode));
      expect((await rotated.inject({ method: 'GET', url: `/api/drafts/${food}`, headers })).json().form).toEqual({
        phone: '13812345678',
      });
    } finally {
      await rotated.close();
    }
  });
});
