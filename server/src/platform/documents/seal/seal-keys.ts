/**
 * Each department's 电子印章 key: one active RSA key with its certificate per department, made on
 * first use and stored with the private half encrypted by the FieldCipher (like the licence
 * signing keys); never in the repository or the configuration.
 */
import { randomBytes } from 'node:crypto';
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../db/index.js';
import type { FieldCipher } from '../../crypto/index.js';
import { issueSealCertificate, type SealKeyPair } from './certificate.js';

type DocumentSealTable = {
  kid: string;
  departmentId: string;
  certificate: string;
  privateKeyEnc: string;
  createdAt: Generated<Date>;
  retiredAt: Date | null;
};
type SealTables = {
  'platform.documentSeal': DocumentSealTable;
};
const sq = (db: Db): Kysely<SealTables> => db.withTables<SealTables>() as unknown as Kysely<SealTables>;

/** The department's active seal, issued on first use (two nodes at once: one wins, both use it). */
export async function departmentSeal(
  db: Db,
  cipher: FieldCipher,
  department: { id: string; name: string },
  now: Date,
): Promise<SealKeyPair & { kid: string }> {
  const find = () =>
    sq(db)
      .selectFrom('platform.documentSeal')
      .select(['kid', 'certificate', 'privateKeyEnc'])
      .where('departmentId', '=', department.id)
      .where('retiredAt', 'is', null)
      .executeTakeFirst();
  let row = await find();
  if (!row) {
    const issued = await issueSealCertificate(department, now);
    await sq(db)
      .insertInto('platform.documentSeal')
      .values({
        kid: `seal-${randomBytes(9).toString('base64url')}`,
        departmentId: department.id,
        certificate: issued.certificate,
        privateKeyEnc: cipher.encrypt(issued.privateKey),
        retiredAt: null,
      })
      .onConflict((oc) => oc.column('departmentId').where('retiredAt', 'is', null).doNothing())
      .execute();
    row = await find();
  }
  return { kid: row!.kid, certificate: row!.certificate, privateKey: cipher.decrypt(row!.privateKeyEnc) };
}
