/**
 * The licence as a W3C Verifiable Credential in JWT form (VC-JWT, VC Data Model 1.1 §6.3.1): the
 * `vc` claim holds the credential, whose subject is the signed licence content; signed EdDSA with
 * the issuing department's Ed25519 key (header `kid`), verifiable with `jose.jwtVerify` against
 * the published key set. `nbf`/`exp` are the validity; `jti` the licence id.
 */
import { importJWK, SignJWT } from 'jose';
import type { LicensesDeps } from '../licenses.deps.js';
import type { FoundLicense } from '../licenses.repository.js';
import { contentOf } from '../signing/content.js';
import { activeKey } from '../signing/keys.js';

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function licenseVcJwt(
  deps: Pick<LicensesDeps, 'db' | 'cipher' | 'publicUrl'>,
  l: FoundLicense,
): Promise<string> {
  const key = await activeKey(deps.db, deps.cipher, l.issuerDepartmentId, 'Ed25519');
  const content = contentOf(l, l.previousNumber, deps.cipher);
  const jwt = new SignJWT({
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential', 'ElectronicLicenseCredential'],
      credentialSubject: content,
      credentialStatus: { id: `${deps.publicUrl}/.well-known/license-status.json`, type: 'TongbanLicenseStatusList' },
    },
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setIssuer(`${deps.publicUrl}/licenses/issuers/${l.issuerDepartmentId}`)
    .setJti(`urn:uuid:${l.id}`)
    .setIssuedAt(Math.floor(l.issuedAt.getTime() / 1000))
    // Beijing midnight of the first day, the end of the last day.
    .setNotBefore(seconds(`${l.validFrom}T00:00:00+08:00`));
  if (l.validUntil) jwt.setExpirationTime(seconds(`${l.validUntil}T23:59:59+08:00`));
  return jwt.sign(await importJWK(JSON.parse(key.privateKey) as Parameters<typeof importJWK>[0], 'EdDSA'));
}
