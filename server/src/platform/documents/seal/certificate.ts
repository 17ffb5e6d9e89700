/**
 * The X.509 certificate of a department's 电子印章: an RSA-2048 key made by Node's crypto and a
 * certificate issued for it by the platform (pkijs), naming the department (CN, O) and meant for
 * signing documents (digitalSignature, nonRepudiation). Production replaces the platform's
 * issuer by the accredited CA's (电子认证服务机构) certificate for the same key.
 */
import { generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const SIGN = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  country: '2.5.4.6',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyId: '2.5.29.14',
};

export interface SealKeyPair {
  /** PKCS#8 PEM. */
  privateKey: string;
  /** X.509 PEM. */
  certificate: string;
}

const pem = (label: string, der: ArrayBuffer | Buffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der as ArrayBuffer)
    .toString('base64')
    .replace(/.{64}/g, '$&\n')
    .trim()}\n-----END ${label}-----\n`;
export const pemBody = (text: string) => Buffer.from(text.replace(/-----[^-]+-----|\s/g, ''), 'base64');

export function importSigningKey(privateKeyPem: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', pemBody(privateKeyPem), SIGN, false, ['sign']) as Promise<CryptoKey>;
}

/** A distinguished name of one attribute per RDN (C, O, OU, CN), as readers list them. */
function name(parts: [string, string][]): pkijs.RelativeDistinguishedNames {
  const typesAndValues = parts.map(
    ([type, value]) =>
      new pkijs.AttributeTypeAndValue({
        type,
        value: type === OID.country ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
      }),
  );
  // pkijs would put every attribute into one multi-valued RDN ("C=CN+O=…+CN=…").
  const encoded = new asn1js.Sequence({
    value: typesAndValues.map((atv) => new asn1js.Set({ value: [atv.toSchema()] })),
  }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(encoded);
}

/** A new key and a certificate for it, valid `years` from `now`, for the department named. */
export async function issueSealCertificate(
  department: { id: string; name: string },
  now: Date,
  years = 5,
): Promise<SealKeyPair> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const subject: [string, string][] = [
    [OID.country, 'CN'],
    [OID.organization, department.name],
    [OID.organizationalUnit, '电子印章'],
    [OID.commonName, department.name],
  ];
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: Uint8Array.from([0x01, ...randomBytes(15)]).buffer });
  cert.subject = name(subject);
  cert.issuer = name([
    [OID.country, 'CN'],
    [OID.organization, '通办 Tongban'],
    [OID.commonName, '通办平台电子印章签发（非电子认证服务机构）'],
  ]);
  cert.notBefore.value = now;
  cert.notAfter.value = new Date(now.getTime() + years * 365 * 86_400_000);
  // digitalSignature and nonRepudiation (contentCommitment).
  const usage = new asn1js.BitString({ valueHex: Uint8Array.from([0xc0]).buffer, unusedBits: 6 });
  cert.extensions = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
      parsedValue: new pkijs.BasicConstraints({ cA: false }),
    }),
    new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: usage.toBER(false) }),
  ];
  await cert.subjectPublicKeyInfo.importKey(
    (await webcrypto.subtle.importKey('spki', publicKey.export({ type: 'spki', format: 'der' }), SIGN, true, [
      'verify',
    ])) as CryptoKey,
  );
  // Signed by the department's own key: the platform vouches for it by keeping it; a CA would sign instead.
  const key = await webcrypto.subtle.importKey(
    'pkcs8',
    privateKey.export({ type: 'pkcs8', format: 'der' }),
    SIGN,
    false,
    ['sign'],
  );
  await cert.sign(key as CryptoKey, 'SHA-256');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: pem('CERTIFICATE', cert.toSchema().toBER(false)),
  };
}
