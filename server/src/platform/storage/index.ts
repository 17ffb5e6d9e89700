/**
 * File storage for application materials (申办材料). `createFileStore` picks the back end from
 * plain options; configuration is read elsewhere (config.ts) and passed in.
 */
import { createLocalStore, type LocalStoreOptions } from './local-store.js';
import { createS3Store, type S3StoreOptions } from './s3-store.js';
import type { FileStore } from './file-store.js';

export type FileStoreOptions = ({ kind: 'local' } & LocalStoreOptions) | ({ kind: 's3' } & S3StoreOptions);

export function createFileStore(options: FileStoreOptions): FileStore {
  switch (options.kind) {
    case 'local':
      return createLocalStore(options);
    case 's3':
      return createS3Store(options);
  }
}

export { CorruptFileError, isFileKey, keyForHash, sha256Hex, type FileStore, type StoredFile } from './file-store.js';
export { createLocalStore, type LocalStoreOptions } from './local-store.js';
export { createS3Store, type S3StoreOptions } from './s3-store.js';
export { checkUpload, sniff, MATERIAL_TYPES, type MaterialType, type UploadCheck } from './sniff.js';
