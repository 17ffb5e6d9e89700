/**
 * Files in S3-compatible object storage: AWS S3, MinIO, and Alibaba OSS / Tencent COS in their S3
 * mode. The object name is the key (`sha256/ab/ab12…`), the object's Content-Type the declared type.
 *
 * Compatibility: recent AWS SDKs add CRC checksums (and aws-chunked uploads) to every request by
 * default, which many S3-compatible services reject; checksums are only sent when an operation
 * requires them. MinIO and most private deployments need path-style addressing
 * (`http://minio:9000/bucket/key`), so `forcePathStyle` defaults to true when an endpoint is set.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { hashOfKey, storedFileOf, verified, type FileStore } from './file-store.js';

export interface S3StoreOptions {
  bucket: string;
  /** Region used in request signatures; S3-compatible services usually accept any, MinIO defaults to us-east-1. */
  region: string;
  /** Service URL, e.g. `http://minio:9000`; unset means AWS S3 itself. */
  endpoint?: string;
  /** Bucket in the path rather than the host name; default: true when `endpoint` is set. */
  forcePathStyle?: boolean;
  /** Static credentials; when unset the SDK's default chain applies (environment, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Milliseconds before a request is abandoned; default 30 000. */
  requestTimeoutMs?: number;
}

const statusOf = (e: unknown): number | undefined =>
  (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

export function createS3Store(options: S3StoreOptions): FileStore {
  if ((options.accessKeyId === undefined) !== (options.secretAccessKey === undefined)) {
    throw new Error('S3 credentials need both an access key id and a secret access key');
  }
  // The SDK is loaded on first use, so a deployment on local storage does not pay for it at boot.
  let connection: Promise<{ client: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;
  const connect = () =>
    (connection ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: options.region,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
        ...(options.accessKeyId && options.secretAccessKey
          ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
          : {}),
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { requestTimeout: options.requestTimeoutMs ?? 30_000, connectionTimeout: 5_000 },
      }),
    })));
  const Bucket = options.bucket;

  return {
    async put(bytes, meta) {
      const file = storedFileOf(bytes, meta.contentType);
      const { client, sdk } = await connect();
      // Skip the upload when the object is already there; a HEAD is cheaper than sending the bytes.
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket, Key: file.key })).catch((e: unknown) => {
        if (statusOf(e) === 404) return undefined;
        throw e;
      });
      if (head?.ContentLength === file.size) return file;
      await client.send(
        new sdk.PutObjectCommand({
          Bucket,
          Key: file.key,
          Body: bytes,
          ContentType: meta.contentType,
          ContentLength: bytes.length,
          // Lets the service refuse a body damaged in transit; understood by S3, MinIO, OSS and COS.
          ContentMD5: createMd5(bytes),
        }),
      );
      return file;
    },

    async get(key) {
      hashOfKey(key);
      const { client, sdk } = await connect();
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
        if (!out.Body) return undefined;
        return verified(key, Buffer.from(await out.Body.transformToByteArray()));
      } catch (e) {
        if (statusOf(e) === 404) return undefined;
        throw e;
      }
    },

    async remove(key) {
      hashOfKey(key);
      const { client, sdk } = await connect();
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: key })).catch((e: unknown) => {
        if (statusOf(e) !== 404) throw e;
      });
    },
  };
}

const createMd5 = (bytes: Buffer): string => createHash('md5').update(bytes).digest('base64');
