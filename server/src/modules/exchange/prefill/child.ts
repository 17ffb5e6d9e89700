/**
 * The child a parent's application is about, as the population registry knows it: the youngest
 * living 子女 of the household the person heads or is the spouse of (a birth registered by 数据通
 * puts the newborn there). A parent of several children can change what was filled.
 */
import type { FieldCipher } from '../../../platform/crypto/index.js';
import type { Db } from '../../../platform/db/index.js';
import { sq } from '../exchange.tables.js';
import { birthFacts, openPersonal } from '../person-record.js';

export interface RegistryChild {
  id: string;
  name: string;
  idNumber: string;
  birthDate: string;
}

export async function youngestChildOf(
  db: Db,
  cipher: FieldCipher,
  registryPersonId: string,
): Promise<RegistryChild | undefined> {
  const rows = await sq(db)
    .selectFrom('exchange.person as c')
    .innerJoin('exchange.person as p', 'p.householdId', 'c.householdId')
    .select(['c.id', 'c.idNumberEnc', 'c.personalEnc'])
    .where('p.id', '=', registryPersonId)
    .where('p.householdRole', 'in', ['户主', '配偶'])
    .where('c.householdRole', '=', '子女')
    .where('c.alive', '=', true)
    .execute();
  const children = rows.map((r) => {
    const idNumber = cipher.decrypt(r.idNumberEnc);
    return {
      id: r.id,
      name: openPersonal(cipher, r.personalEnc).name,
      idNumber,
      birthDate: birthFacts(idNumber).birthDate,
    };
  });
  return children.sort((a, b) => b.birthDate.localeCompare(a.birthDate))[0];
}
