/**
 * Storage of uploaded files (申办材料, the applicant's materials), behind one interface with two
 * back ends: a local directory and S3-compatible object storage. Keys are content addresses
 * (`sha256/<first two hex>/<hex>`): the same bytes uploaded twice are stored once, and a key says
 * nothing about who uploaded what.
 *
 * Because storage is shared between every record that points at the same bytes, `remove` is the
 * caller's decision: remove a key only when nothing refers to it any more.
 */
import { createHash } from 'node:crypto';
import { invalid } from '../errors.js';

export interface StoredFile {
  /** Content address: `sha256/<first two hex digits>/<64 hex digits>`. */
  key: string;
  /** Length in bytes. */
  size: number;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  contentType: string;
}

export interface FileStore {
  /** Stores the bytes (idempotent: a file already present is not written again). */
  put(bytes: Buffer, meta: { contentType: string }): Promise<StoredFile>;
  /**
   * The bytes under a key, or undefined when there are none. Throws `STORAGE.BAD_KEY` on a
   * malformed key and `CorruptFileError` when the bytes no longer match their hash.
   */
  get(key: string): Promise<Buffer | undefined>;
  /** Deletes the bytes under a key; deleting a missing key is not an error. */
  remove(key: string): Promise<void>;
}

const KEY = /^sha256\/([0-9a-f]{2})\/(\1[0-9a-f]{62})$/;

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export const keyForHash = (sha256: string): string => `sha256/${sha256.slice(0, 2)}/${sha256}`;

export const isFileKey = (key: string): boolean => KEY.test(key);

/** The hash a well-formed key names; throws `STORAGE.BAD_KEY` for anything else (`..`, absolute paths, other shapes). */
export function hashOfKey(key: string): string {
  const m = KEY.exec(key);
  if (!m) throw invalid('STORAGE.BAD_KEY', { zh: '文件标识格式不正确', en: 'Malformed file key' });
  return m[2]!;
}

/** The StoredFile for bytes about to be stored. */
export function storedFileOf(bytes: Buffer, contentType: string): StoredFile {
  const sha256 = sha256Hex(bytes);
  return { key: keyForHash(sha256), size: bytes.length, sha256, contentType };
}

/** Thrown when stored bytes no longer hash to their key: the storage was altered or damaged. */
export class CorruptFileError extends Error {
  constructor(readonly key: string) {
    super(`stored file ${key} does not match its hash`);
    this.name = 'CorruptFileError';
  }
}

/** Checks bytes read back against the hash in their key. */
export function verified(key: string, bytes: Buffer): Buffer {
  if (sha256Hex(bytes) !== hashOfKey(key)) throw new CorruptFileError(key);
  return bytes;
}
