/**
 * 电子印章的数字签名: a PDF signature of PAdES baseline B-B (ETSI EN 319 142-1) — SubFilter
 * ETSI.CAdES.detached, a CMS SignedData over the byte range with the signed attributes
 * content-type, message-digest and signing-certificate-v2, the signer's certificate included and
 * the signing time in the signature dictionary (not as a signed attribute). The placeholder comes
 * from @signpdf/placeholder-pdf-lib, the byte range from @signpdf/signpdf, the CMS from pkijs.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { importSigningKey, pemBody, type SealKeyPair } from './certificate.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
};
const ab = (b: Buffer | Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

class CadesSigner extends Signer {
  constructor(private readonly seal: SealKeyPair) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const certDer = pemBody(this.seal.certificate);
    const cert = pkijs.Certificate.fromBER(certDer);
    // ESS signing-certificate-v2: the certificate's SHA-256 (the default hash algorithm, so omitted).
    const essCertIdV2 = new asn1js.Sequence({
      value: [
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [new asn1js.OctetString({ valueHex: ab(createHash('sha256').update(certDer).digest()) })],
            }),
          ],
        }),
      ],
    });
    const signed = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({
                type: OID.contentType,
                values: [new asn1js.ObjectIdentifier({ value: OID.data })],
              }),
              new pkijs.Attribute({
                type: OID.messageDigest,
                values: [new asn1js.OctetString({ valueHex: ab(createHash('sha256').update(content).digest()) })],
              }),
              new pkijs.Attribute({ type: OID.signingCertificateV2, values: [essCertIdV2] }),
            ],
          }),
        }),
      ],
      certificates: [cert],
    });
    await signed.sign(await importSigningKey(this.seal.privateKey), 0, 'SHA-256');
    const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
    return Buffer.from(info.toSchema().toBER(false));
  }
}

export interface SealSignature {
  /** Who signs: the department's name. */
  name: string;
  reason: string;
  location: string;
  at: Date;
}

/** Saves `doc` with a PAdES signature by the seal's key over everything but the signature itself. */
export async function signPdf(doc: PDFDocument, seal: SealKeyPair, s: SealSignature): Promise<Uint8Array> {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: s.reason,
    contactInfo: '',
    name: s.name,
    location: s.location,
    signingTime: s.at,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 8192,
    appName: '通办 Tongban',
  });
  // The byte range is found by text search: the file must be saved without object streams.
  const bytes = await doc.save({ useObjectStreams: false });
  return new Uint8Array(await new SignPdf().sign(Buffer.from(bytes), new CadesSigner(seal), s.at));
}
