/**
 * What an uploaded file really is, judged from its first bytes rather than its name or the type the
 * browser declared. Only the formats accepted as application materials pass: PDF, JPEG, PNG and
 * OFD (GB/T 33190, the national fixed-layout format of e-licences and e-invoices).
 */
import type { Bilingual } from '../errors.js';

export const MATERIAL_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

const PDF = Buffer.from('%PDF-', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OFD_ENTRY = Buffer.from('OFD.xml', 'latin1');
/** How far into a ZIP the `OFD.xml` entry name is looked for. */
export const OFD_WINDOW = 1024;

/**
 * The type of a file from its leading bytes, or undefined for anything else. An OFD is a ZIP
 * (local-file-header magic) with an entry named `OFD.xml` within its first KiB; a ZIP without one
 * (a .docx, an archive) is not accepted.
 */
export function sniff(bytes: Buffer): MaterialType | undefined {
  const starts = (magic: Buffer) => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
  if (starts(PDF)) return 'application/pdf';
  if (starts(JPEG)) return 'image/jpeg';
  if (starts(PNG)) return 'image/png';
  if (starts(ZIP) && bytes.subarray(0, OFD_WINDOW).includes(OFD_ENTRY)) return 'application/ofd';
  return undefined;
}

/** Declared types that name the same format differently. */
const ALIASES: Record<string, MaterialType> = {
  'application/pdf': 'application/pdf',
  'application/x-pdf': 'application/pdf',
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/png': 'image/png',
  'application/ofd': 'application/ofd',
  'application/x-ofd': 'application/ofd',
};

/** Declared types that make no claim: browsers send these for extensions they do not know, such as .ofd. */
const NO_CLAIM = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export type UploadCheck =
  | { ok: true; contentType: MaterialType }
  | {
      ok: false;
      code: 'STORAGE.TOO_LARGE' | 'STORAGE.UNSUPPORTED_TYPE' | 'STORAGE.TYPE_MISMATCH' | 'STORAGE.EMPTY';
      message: Bilingual;
    };

/**
 * Whether an upload may be stored, and as what type. Checks in order: empty, larger than
 * `maxBytes` (exactly `maxBytes` is allowed), not a supported format, declared type contradicting
 * the bytes. A missing or `application/octet-stream` declaration takes the sniffed type.
 */
export function checkUpload(
  bytes: Buffer,
  declaredType: string | undefined,
  limits: { maxBytes: number },
): UploadCheck {
  if (bytes.length === 0) {
    return { ok: false, code: 'STORAGE.EMPTY', message: { zh: '文件为空', en: 'The file is empty' } };
  }
  if (bytes.length > limits.maxBytes) {
    const mb = formatMb(limits.maxBytes);
    return {
      ok: false,
      code: 'STORAGE.TOO_LARGE',
      message: { zh: `文件超过大小上限 ${mb} MB`, en: `The file is larger than the ${mb} MB limit` },
    };
  }
  const actual = sniff(bytes);
  if (!actual) {
    return {
      ok: false,
      code: 'STORAGE.UNSUPPORTED_TYPE',
      message: { zh: '仅支持 PDF、OFD、JPEG、PNG 格式的文件', en: 'Only PDF, OFD, JPEG and PNG files are accepted' },
    };
  }
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!NO_CLAIM.has(declared) && ALIASES[declared] !== actual) {
    return {
      ok: false,
      code: 'STORAGE.TYPE_MISMATCH',
      message: { zh: '文件内容与声明的类型不符', en: 'The file content does not match its declared type' },
    };
  }
  return { ok: true, contentType: actual };
}

const formatMb = (bytes: number): string => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
