/**
 * 签章密钥: each issuing department has one active key per algorithm, generated on first use and
 * stored with its private half encrypted by the FieldCipher. Rotation retires the active key and
 * makes a new one; retired keys stay published, so licences signed with them keep verifying.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { lq, type SignatureAlg } from '../licenses.tables.js';
import { suiteFor } from './suites.js';

export interface SigningKey {
  kid: string;
  alg: SignatureAlg;
  departmentId: string;
  publicKey: string;
  privateKey: string;
}

const newKid = (alg: SignatureAlg) => `${alg === 'SM2' ? 'sm2' : 'ed'}-${randomBytes(9).toString('base64url')}`;

async function insertKey(db: Db, cipher: FieldCipher, departmentId: string, alg: SignatureAlg): Promise<void> {
  const { publicKey, privateKey } = suiteFor(alg).generate();
  await lq(db)
    .insertInto('licenses.signingKey')
    .values({
      kid: newKid(alg),
      departmentId,
      alg,
      publicKey,
      privateKeyEnc: cipher.encrypt(privateKey),
      retiredAt: null,
    })
    .onConflict((oc) => oc.columns(['departmentId', 'alg']).where('retiredAt', 'is', null).doNothing())
    .execute();
}

/** The department's active key of `alg`, made on first use (two nodes at once: one wins, both use it). */
export async function activeKey(
  db: Db,
  cipher: FieldCipher,
  departmentId: string,
  alg: SignatureAlg,
): Promise<SigningKey> {
  const find = () =>
    lq(db)
      .selectFrom('licenses.signingKey')
      .select(['kid', 'alg', 'departmentId', 'publicKey', 'privateKeyEnc'])
      .where('departmentId', '=', departmentId)
      .where('alg', '=', alg)
      .where('retiredAt', 'is', null)
      .executeTakeFirst();
  let row = await find();
  if (!row) {
    await insertKey(db, cipher, departmentId, alg);
    row = await find();
  }
  const { privateKeyEnc, ...key } = row!;
  return { ...key, privateKey: cipher.decrypt(privateKeyEnc) };
}

/** Retires the department's active keys and makes new ones; answers the new key ids. */
export async function rotateKeys(db: Db, cipher: FieldCipher, departmentId: string, at: Date): Promise<string[]> {
  await lq(db)
    .updateTable('licenses.signingKey')
    .set({ retiredAt: at })
    .where('departmentId', '=', departmentId)
    .where('retiredAt', 'is', null)
    .execute();
  const kids: string[] = [];
  for (const alg of ['Ed25519', 'SM2'] as const) kids.push((await activeKey(db, cipher, departmentId, alg)).kid);
  return kids;
}

/** A published key as a JWK (Ed25519: OKP for `EdDSA`; SM2: `EC` on curve `SM2`, GB/T 32918). */
export function publicJwk(k: {
  kid: string;
  alg: SignatureAlg;
  publicKey: string;
  departmentId: string;
  createdAt: Date;
  retiredAt: Date | null;
}) {
  const meta = {
    kid: k.kid,
    use: 'sig',
    departmentId: k.departmentId,
    createdAt: k.createdAt.toISOString(),
    retiredAt: k.retiredAt?.toISOString() ?? null,
  };
  if (k.alg === 'Ed25519') {
    const { x } = JSON.parse(k.publicKey) as { x: string };
    return { kty: 'OKP', crv: 'Ed25519', x, alg: 'EdDSA', ...meta };
  }
  const raw = Buffer.from(k.publicKey.slice(2), 'hex');
  return {
    kty: 'EC',
    crv: 'SM2',
    x: raw.subarray(0, 32).toString('base64url'),
    y: raw.subarray(32).toString('base64url'),
    alg: 'SM2-SM3',
    ...meta,
  };
}

/** Every key ever used, active and retired: the offline verifier's trust list. */
export async function listPublishedKeys(db: Db) {
  const rows = await lq(db)
    .selectFrom('licenses.signingKey')
    .select(['kid', 'alg', 'departmentId', 'publicKey', 'createdAt', 'retiredAt'])
    .orderBy('createdAt')
    .orderBy('kid')
    .execute();
  return rows.map(publicJwk);
}
