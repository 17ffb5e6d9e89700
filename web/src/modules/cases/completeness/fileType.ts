/**
 * The wizard's and the case page's check of a chosen file, before it is sent: its extension must
 * be one the guide accepts (PDF, JPG, PNG, OFD) and its first bytes must be that kind of file — a
 * renamed document is caught here and explained, not only refused by the server afterwards.
 */
import { MAX_FILE_BYTES } from '../apply/materials';

type Kind = 'PDF' | 'JPG' | 'PNG' | 'OFD';
const BY_EXTENSION: Record<string, Kind> = { pdf: 'PDF', jpg: 'JPG', jpeg: 'JPG', png: 'PNG', ofd: 'OFD' };

const starts = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The kind of file its leading bytes say it is (the server's rule: platform/storage/sniff.ts). */
export function sniffKind(bytes: Uint8Array): Kind | undefined {
  if (starts(bytes, ascii('%PDF-'))) return 'PDF';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'JPG';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) && new TextDecoder('latin1').decode(bytes).includes('OFD.xml'))
    return 'OFD';
  return undefined;
}

export type FileProblem = {
  key: 'badExtension' | 'badContent' | 'tooLarge' | 'empty';
  file: string;
  ext?: string;
  size?: string;
};

export const fileSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What is wrong with the file for an application material, or null when it may be sent. */
export async function fileProblem(file: File, maxBytes = MAX_FILE_BYTES): Promise<FileProblem | null> {
  const expected = BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''];
  if (!expected) return { key: 'badExtension', file: file.name };
  if (file.size === 0) return { key: 'empty', file: file.name };
  if (file.size > maxBytes) return { key: 'tooLarge', file: file.name, size: fileSize(maxBytes) };
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  if (sniffKind(head) !== expected) return { key: 'badContent', file: file.name, ext: expected };
  return null;
}
