import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { FieldCipher } from './field-cipher.js';

/**
 * Re-encrypts, with the current key, every value of the given columns written with an older key;
 * in batches, each in its own transaction, so a rotation of millions of rows can be interrupted
 * and resumed. Returns how many rows were rewritten. The owning module names its own table.
 */
export async function reencryptColumns(
  db: Db,
  cipher: FieldCipher,
  spec: { table: string; key: string; columns: string[] },
  batchSize = 500,
): Promise<number> {
  const [schema, table] = spec.table.split('.') as [string, string];
  const target = sql.table(`${schema}.${table}`);
  const stale = sql.join(
    spec.columns.map(
      (c) => sql`(${sql.ref(c)} IS NOT NULL AND NOT starts_with(${sql.ref(c)}, ${currentPrefix(cipher)}))`,
    ),
    sql` OR `,
  );
  let total = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await sql<
        Record<string, string | null>
      >`SELECT ${sql.ref(spec.key)} AS k, ${sql.join(spec.columns.map((c, i) => sql`${sql.ref(c)} AS ${sql.id(`c${i}`)}`))}
        FROM ${target} WHERE ${stale} LIMIT ${batchSize} FOR UPDATE`.execute(trx);
      for (const row of rows.rows) {
        const sets = spec.columns.map((c, i) => {
          const v = row[`c${i}`];
          return sql`${sql.ref(c)} = ${v == null || cipher.isCurrent(v) ? v : cipher.encrypt(cipher.decrypt(v))}`;
        });
        await sql`UPDATE ${target} SET ${sql.join(sets)} WHERE ${sql.ref(spec.key)} = ${row.k}`.execute(trx);
      }
      return rows.rows.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}

/** `sm4.k2.`: the prefix of ciphertexts written with the current key. */
function currentPrefix(cipher: FieldCipher): string {
  const probe = cipher.encrypt('');
  return probe.slice(0, probe.indexOf('.', probe.indexOf('.') + 1) + 1);
}
