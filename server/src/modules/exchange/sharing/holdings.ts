/**
 * Which resources of the data-resource catalogue hold a record about a subject — what cases needs to
 * tell an applicant that a material is shared data (免提交). Only existence is answered: the record
 * itself reaches a department through an audited query within a grant.
 */
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { sq } from '../exchange.tables.js';
import { SOURCES } from './sources.js';

export async function resourcesHolding(
  db: Db,
  cipher: FieldCipher,
  subject: { idNumber?: string; creditCode?: string },
  codes: readonly string[],
): Promise<{ resource: string; name: string }[]> {
  if (codes.length === 0) return [];
  const resources = await sq(db)
    .selectFrom('exchange.resource')
    .select(['code', 'name', 'subjectKind', 'source'])
    .where('code', 'in', [...codes])
    .where('source', 'is not', null)
    .execute();
  const held: { resource: string; name: string }[] = [];
  for (const r of resources) {
    const key =
      r.subjectKind === 'person'
        ? subject.idNumber
          ? { idNumber: subject.idNumber }
          : undefined
        : subject.creditCode
          ? { creditCode: subject.creditCode }
          : undefined;
    if (key && (await SOURCES[r.source!](db, cipher, key, []))) held.push({ resource: r.code, name: r.name });
  }
  return held;
}
