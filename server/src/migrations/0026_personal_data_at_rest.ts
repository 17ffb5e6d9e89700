import { sql, type Kysely } from 'kysely';
import type { FormField } from '../../../contracts/catalog.js';
import type { FieldCipher } from '../platform/crypto/index.js';
import type { MigrationContext } from '../platform/db/index.js';
import { execStatements } from '../platform/db/sql.js';
import { sealForm } from '../modules/cases/index.js';
import { birthFacts, sealPersonal } from '../modules/exchange/index.js';

/**
 * Personal data at rest, encrypted where it was still in clear:
 * 1. the catalogue's application forms mark their name and address fields personal (`personal`,
 *    `x-personal` in the schema; ID-number and phone fields are personal by their type) — for forms
 *    already stored, by their label (姓名; 地址, 住址, 住所, 场所);
 * 2. cases.case, cases.draft and cases.bundle get `form_enc`: each form's personal fields (and keys
 *    its item does not declare) move there, encrypted; the `form` column keeps the rest;
 * 3. exchange.person keeps name, ethnicity, address, marital status and disability level encrypted
 *    together in `personal_enc`; sex and date of birth are dropped — the ID number states both (a
 *    row whose stored values disagree with its ID number stops the migration, nothing is lost).
 * Rows are rewritten in batches inside the migration's transaction; the data key comes from the
 * context (`migrateToLatest(db, { cipher })`).
 */
export async function up(db: Kysely<unknown>, { cipher }: MigrationContext): Promise<void> {
  await markPersonalFields(db);
  await execStatements(db, [
    `ALTER TABLE cases."case" ADD COLUMN form_enc text`,
    `ALTER TABLE cases.draft ADD COLUMN form_enc text`,
    `ALTER TABLE cases.bundle ADD COLUMN form_enc text`,
    `ALTER TABLE exchange.person ADD COLUMN personal_enc text`,
  ]);
  const key = () => {
    if (!cipher)
      throw new Error('migration 0026 encrypts personal data and needs the data key (migrateToLatest(db, { cipher }))');
    return cipher;
  };
  await sealForms(
    db,
    key,
    'cases."case"',
    sql`SELECT c.id, c.form, coalesce(v.guide -> 'form', '[]'::jsonb) AS fields FROM cases."case" c LEFT JOIN catalog.item i ON i.code = c.item_code LEFT JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version`,
  );
  await sealForms(
    db,
    key,
    'cases.draft',
    sql`SELECT d.id, d.form, coalesce(v.guide -> 'form', '[]'::jsonb) AS fields FROM cases.draft d LEFT JOIN catalog.item i ON i.code = d.item_code LEFT JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version`,
  );
  await sealForms(
    db,
    key,
    'cases.bundle',
    sql`SELECT b.id, b.form, coalesce((SELECT jsonb_agg(f) FROM cases."case" c JOIN catalog.item i ON i.code = c.item_code JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version, jsonb_array_elements(v.guide -> 'form') f WHERE c.bundle_id = b.id), '[]'::jsonb) AS fields FROM cases.bundle b`,
  );
  await sealRegistry(db, key);
  await execStatements(db, [
    `ALTER TABLE exchange.person ALTER COLUMN personal_enc SET NOT NULL`,
    `ALTER TABLE exchange.person DROP COLUMN name, DROP COLUMN sex, DROP COLUMN birth_date, DROP COLUMN ethnicity, DROP COLUMN address, DROP COLUMN marital_status, DROP COLUMN disability_level`,
  ]);
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

async function markPersonalFields(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{
    itemId: string;
    version: number;
    guide: unknown;
  }>`SELECT item_id, version, guide FROM catalog.item_version WHERE jsonb_array_length(coalesce(guide -> 'form', '[]'::jsonb)) > 0`.execute(
    db,
  );
  for (const row of rows.rows) {
    const guide = json<{ form: (FormField & { personal?: string })[] }>(row.guide);
    let changed = false;
    for (const f of guide.form) {
      if (f.personal || !['string', 'text'].includes(f.type)) continue;
      const personal = /姓名/.test(f.label) ? 'name' : /地址|住址|住所|场所/.test(f.label) ? 'address' : undefined;
      if (personal) {
        f.personal = personal;
        changed = true;
      }
    }
    if (changed)
      await sql`UPDATE catalog.item_version SET guide = ${JSON.stringify(guide)}::jsonb WHERE item_id = ${row.itemId} AND version = ${row.version}`.execute(
        db,
      );
  }
}

async function sealForms(
  db: Kysely<unknown>,
  key: () => FieldCipher,
  table: string,
  source: ReturnType<typeof sql>,
): Promise<void> {
  const rows = await sql<{
    id: string;
    form: unknown;
    fields: unknown;
  }>`SELECT * FROM (${source}) s WHERE s.form <> '{}'::jsonb`.execute(db);
  for (let i = 0; i < rows.rows.length; i += 500) {
    const batch = rows.rows.slice(i, i + 500).map((r) => ({
      id: r.id,
      ...sealForm(key(), [json<FormField[]>(r.fields)], json<Record<string, unknown>>(r.form)),
    }));
    await sql`UPDATE ${sql.raw(table)} t SET form = u.form::jsonb, form_enc = u.form_enc
      FROM (SELECT unnest(${sql.val(batch.map((b) => b.id))}::uuid[]) AS id, unnest(${sql.val(batch.map((b) => b.form))}::text[]) AS form, unnest(${sql.val(batch.map((b) => b.formEnc))}::text[]) AS form_enc) u
      WHERE t.id = u.id`.execute(db);
  }
}

async function sealRegistry(db: Kysely<unknown>, key: () => FieldCipher): Promise<void> {
  for (;;) {
    const rows = await sql<{
      id: string;
      idNumberEnc: string;
      name: string;
      sex: string;
      birthDate: string;
      ethnicity: string;
      address: string;
      maritalStatus: string;
      disabilityLevel: number | null;
    }>`
      SELECT id, id_number_enc, name, sex, birth_date::text AS birth_date, ethnicity, address, marital_status, disability_level
      FROM exchange.person WHERE personal_enc IS NULL ORDER BY id LIMIT 1000`.execute(db);
    if (rows.rows.length === 0) return;
    const cipher = key();
    const disagree = rows.rows.filter((r) => {
      const facts = birthFacts(cipher.decrypt(r.idNumberEnc));
      return facts.birthDate !== r.birthDate || facts.sex !== r.sex;
    });
    if (disagree.length)
      throw new Error(
        `migration 0026: ${disagree.length} registry persons have a date of birth or sex that differs from their ID number (first: ${disagree[0]!.id}); correct them first`,
      );
    await sql`UPDATE exchange.person p SET personal_enc = u.enc
      FROM (SELECT unnest(${sql.val(rows.rows.map((r) => r.id))}::uuid[]) AS id, unnest(${sql.val(rows.rows.map((r) => sealPersonal(cipher, r)))}::text[]) AS enc) u
      WHERE p.id = u.id`.execute(db);
  }
}
