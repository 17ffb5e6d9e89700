/**
 * Keys of single sign-on. Signing keys (ES256, and RS256 for relying parties that know nothing
 * else) are generated once, stored encrypted with the field cipher and loaded at start; every API
 * node loads the same set. Cookie keys are derived from the master data key.
 */
import { generateKeyPairSync, hkdfSync, randomBytes, type JsonWebKey } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { IdentityDeps } from '../identity.deps.js';
import { oq } from './oidc.tables.js';

const KEYSET_ID = 'signing';

function newSigningKeys(): JWK[] {
  const kid = (alg: string) => `${alg.toLowerCase()}-${randomBytes(6).toString('base64url')}`;
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) as JsonWebKey;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as JsonWebKey;
  // The first key of a type is the default: ES256 first.
  return [
    { ...ec, kid: kid('ES256'), alg: 'ES256', use: 'sig' },
    { ...rsa, kid: kid('RS256'), alg: 'RS256', use: 'sig' },
  ] as JWK[];
}

/** The provider's signing keys; the first node to start creates them (a race keeps the first). */
export async function loadSigningKeys(deps: Pick<IdentityDeps, 'db' | 'cipher'>): Promise<JWK[]> {
  const read = () =>
    oq(deps.db).selectFrom('identity.oidcKeyset').select('jwksEnc').where('id', '=', KEYSET_ID).executeTakeFirst();
  let row = await read();
  if (!row) {
    const jwksEnc = deps.cipher.encrypt(JSON.stringify({ keys: newSigningKeys() }));
    await oq(deps.db)
      .insertInto('identity.oidcKeyset')
      .values({ id: KEYSET_ID, jwksEnc })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = await read();
  }
  return (JSON.parse(deps.cipher.decrypt(row!.jwksEnc)) as { keys: JWK[] }).keys;
}

/** Keys that sign oidc-provider's cookies: HKDF of the master data key under a label of their own. */
export function cookieKeys(dataKey: Buffer): string[] {
  return [
    Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'tongban/identity/oidc-cookie-keys/v1', 32)).toString(
      'base64url',
    ),
  ];
}
