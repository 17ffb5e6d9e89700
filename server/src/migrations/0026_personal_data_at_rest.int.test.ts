/**
 * Migration 0026 on a database written before it: registry persons and application forms stored
 * in clear are encrypted, sex and date of birth dropped (read from the ID number), the catalogue's
 * name and address fields marked personal; without the data key it refuses and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { migrateBefore, migrateToLatest, openDatabase, type Database } from '../platform/db/index.js';
import { makeIdNumber } from '../platform/validators/index.js';
import { seedCatalog } from '../modules/catalog/index.js';
import { testCipher } from '../test/keys.js';
import { SEED_NOW, TEST_PLACES } from '../test/template.js';

const cipher = testCipher();
let database: Database;
const idNumber = makeIdNumber('520102', '1986-03-14', 123);
const personId = randomUUID();
const draftForm = {
  operatorName: '黔味小吃',
  area: 60,
  premises: '贵阳市云岩区中华北路 1 号',
  safetyManager: '王芳',
  safetyManagerId: '11010519491231002X',
  phone: '13812345678',
};
let food: string;

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrateBefore(database.db, '0026');
  await seedCatalog(database.db, { province: '52', now: SEED_NOW, places: TEST_PLACES, searchIndex: false });
  food = (
    await sql<{
      code: string;
    }>`SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = '食品经营许可（新办）' ORDER BY i.code LIMIT 1`.execute(
      database.db,
    )
  ).rows[0]!.code;
  // Forms as they were stored before fields could be marked personal.
  await sql`UPDATE catalog.item_version SET guide = jsonb_set(guide, '{form}', (SELECT jsonb_agg(f - 'personal') FROM jsonb_array_elements(guide -> 'form') f)) WHERE jsonb_array_length(guide -> 'form') > 0`.execute(
    database.db,
  );
  await sql`INSERT INTO exchange.person (id, id_number_enc, id_number_index, name, sex, birth_date, ethnicity, region_code, address, household_id, household_role, marital_status, alive, disability_level, phone_enc, phone_index, source_department)
    VALUES (${personId}, ${cipher.encrypt(idNumber)}, ${cipher.blindIndex(idNumber)}, '欧阳娜娜', 'male', '1986-03-14', '苗族', '520102', '贵州省贵阳市南明区花果园 8 号', ${randomUUID()}, '户主', 'married', true, 2, NULL, NULL, 'police')`.execute(
    database.db,
  );
  await sql`INSERT INTO cases.draft (id, applicant_person_id, item_code, form, updated_at) VALUES (${randomUUID()}, ${randomUUID()}, ${food}, ${JSON.stringify(draftForm)}::jsonb, now())`.execute(
    database.db,
  );
});
afterAll(async () => database?.close());

const everything = async () =>
  (
    await sql<{
      row: string;
    }>`SELECT row_to_json(p)::text AS row FROM exchange.person p UNION ALL SELECT row_to_json(d)::text FROM cases.draft d`.execute(
      database.db,
    )
  ).rows
    .map((r) => r.row)
    .join('\n');

describe('migration 0026', () => {
  it('refuses without the data key and leaves the database as it was', async () => {
    await expect(migrateToLatest(database.db)).rejects.toThrow(/data key/);
    expect(await everything()).toContain('欧阳娜娜');
    const columns = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'cases' AND column_name = 'form_enc'`.execute(
      database.db,
    );
    expect(columns.rows[0]!.n).toBe(0);
  });

  it('encrypts what was in clear and keeps every value readable', async () => {
    await migrateToLatest(database.db, { cipher });
    const stored = await everything();
    for (const v of [
      '欧阳娜娜',
      '花果园',
      '苗族',
      '1986-03-14',
      '11010519491231002X',
      '13812345678',
      '中华北路',
      '王芳',
    ])
      expect(stored).not.toContain(v);
    expect(stored).toContain('黔味小吃');

    const p = (
      await sql<{ personalEnc: string }>`SELECT personal_enc FROM exchange.person WHERE id = ${personId}`.execute(
        database.db,
      )
    ).rows[0]!;
    expect(JSON.parse(cipher.decrypt(p.personalEnc))).toEqual({
      name: '欧阳娜娜',
      ethnicity: '苗族',
      address: '贵州省贵阳市南明区花果园 8 号',
      maritalStatus: 'married',
      disabilityLevel: 2,
    });
    const dropped = await sql<{
      column: string;
    }>`SELECT column_name AS column FROM information_schema.columns WHERE table_schema = 'exchange' AND table_name = 'person' AND column_name IN ('name', 'sex', 'birth_date', 'ethnicity', 'address', 'marital_status', 'disability_level')`.execute(
      database.db,
    );
    expect(dropped.rows).toEqual([]);

    const d = (
      await sql<{ form: Record<string, unknown>; formEnc: string }>`SELECT form, form_enc FROM cases.draft`.execute(
        database.db,
      )
    ).rows[0]!;
    const form = typeof d.form === 'string' ? JSON.parse(d.form) : d.form;
    expect(form).toEqual({ operatorName: '黔味小吃', area: 60 });
    expect(JSON.parse(cipher.decrypt(d.formEnc)).values).toEqual({
      premises: '贵阳市云岩区中华北路 1 号',
      safetyManager: '王芳',
      safetyManagerId: '11010519491231002X',
      phone: '13812345678',
    });

    const fields = (
      await sql<{
        f: { key: string; personal?: string };
      }>`SELECT f FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version, jsonb_array_elements(v.guide -> 'form') f WHERE i.code = ${food}`.execute(
        database.db,
      )
    ).rows.map((r) => (typeof r.f === 'string' ? JSON.parse(r.f) : r.f));
    expect(Object.fromEntries(fields.filter((f) => f.personal).map((f) => [f.key, f.personal]))).toEqual({
      premises: 'address',
      safetyManager: 'name',
    });
  });
});
