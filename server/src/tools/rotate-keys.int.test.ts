/** Data-key rotation: everything written with the retired key is re-encrypted; look-ups keep working. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createFieldCipher } from '../platform/crypto/index.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { TEST_DATA_KEY } from '../test/keys.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../test/people.js';
import { reencryptIdentityData } from '../modules/identity/index.js';
import { reencryptRegistries } from '../modules/exchange/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
});
afterAll(async () => t?.close());

describe('key rotation', () => {
  it('re-encrypts personal data with the new key, keeps blind indexes and sign-in working, and is idempotent', async () => {
    const [p] = await registryPersons(t, 'any', 1);
    await register(t, p!);
    const oldKey = Buffer.from(TEST_DATA_KEY, 'hex');
    const newKey = randomBytes(32);
    const old = createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: oldKey }, indexKey: oldKey });
    const rotating = createFieldCipher({ suite: 'sm4', current: 'k2', keys: { k1: oldKey, k2: newKey }, indexKey: oldKey });
    const onlyNew = createFieldCipher({ suite: 'sm4', current: 'k2', keys: { k2: newKey }, indexKey: oldKey });

    const read = async () =>
      (
        await sql<{ idNumberEnc: string; idNumberIndex: string }>`
          SELECT id_number_enc, id_number_index FROM identity.person_account
          UNION ALL SELECT id_number_enc, id_number_index FROM exchange.person ORDER BY 2`.execute(t.db)
      ).rows;
    const before = await read();
    expect(before.every((r) => r.idNumberEnc.startsWith('sm4.k1.'))).toBe(true);

    const secrets = async () => (await sql<{ enc: string }>`SELECT jwks_enc AS enc FROM identity.oidc_keyset`.execute(t.db)).rows.map((r) => r.enc);
    const keysets = (await secrets()).length;
    expect(keysets).toBeGreaterThan(0);
    const rewritten = (await reencryptIdentityData(t.db, rotating)) + (await reencryptRegistries(t.db, rotating));
    expect(rewritten).toBe(before.length + keysets);
    expect((await secrets()).every((e) => e.startsWith('sm4.k2.'))).toBe(true);
    const after = await read();
    expect(after.every((r) => r.idNumberEnc.startsWith('sm4.k2.'))).toBe(true);
    expect(after.map((r) => onlyNew.decrypt(r.idNumberEnc))).toEqual(before.map((r) => old.decrypt(r.idNumberEnc)));
    expect(after.map((r) => r.idNumberIndex)).toEqual(before.map((r) => r.idNumberIndex));
    expect(onlyNew.blindIndex(p!.idNumber)).toBe(old.blindIndex(p!.idNumber));

    expect((await reencryptIdentityData(t.db, rotating)) + (await reencryptRegistries(t.db, rotating))).toBe(0);
  });
});
