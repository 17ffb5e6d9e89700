import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileStore, isFileKey, type FileStore, type FileStoreOptions } from './index.js';

const CREDENTIALS = { accessKeyId: 'TONGBANTESTKEY', secretAccessKey: 'tongban-test-secret-0123456789' };
const REGION = 'cn-test-1';
const BUCKET = 'materials';
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/**
 * A small S3 stand-in: path-style PUT, HEAD, GET and DELETE of objects in one bucket. It verifies
 * every request's AWS Signature Version 4 with the test secret (the shape of the Authorization
 * header, the signed payload hash, and the signature itself) and answers 403 otherwise.
 */
class FakeS3 {
  readonly objects = new Map<string, { body: Buffer; contentType: string }>();
  readonly seen: Seen[] = [];
  /** Why requests were refused, in order. */
  readonly refusals: string[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        this.seen.push({ method: req.method!, url: req.url!, headers: req.headers });
        const problem = this.verify(req, body);
        const fail = (status: number, code: string) => {
          res.writeHead(status, { 'content-type': 'application/xml' });
          res.end(
            req.method === 'HEAD'
              ? undefined
              : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
          );
        };
        if (problem) {
          this.refusals.push(problem);
          return fail(403, problem);
        }
        const { pathname } = new URL(req.url!, 'http://fake');
        const [, bucket, ...rest] = pathname.split('/');
        const key = decodeURIComponent(rest.join('/'));
        if (bucket !== BUCKET) return fail(404, 'NoSuchBucket');
        const object = this.objects.get(key);
        switch (req.method) {
          case 'PUT': {
            const md5 = req.headers['content-md5'];
            if (md5 !== createHash('md5').update(body).digest('base64')) return fail(400, 'BadDigest');
            this.objects.set(key, { body, contentType: String(req.headers['content-type']) });
            res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
            return res.end();
          }
          case 'HEAD':
          case 'GET':
            if (!object) return fail(404, 'NoSuchKey');
            res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.body.length });
            return res.end(req.method === 'GET' ? object.body : undefined);
          case 'DELETE':
            this.objects.delete(key);
            res.writeHead(204);
            return res.end();
          default:
            return fail(405, 'MethodNotAllowed');
        }
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The reason a request's signature is refused, or undefined when it is valid. */
  private verify(req: IncomingMessage, body: Buffer): string | undefined {
    const auth = req.headers.authorization ?? '';
    const m =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    if (!m) return 'MissingOrMalformedAuthorization';
    const [, accessKey, day, region, signedHeaders, signature] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (accessKey !== CREDENTIALS.accessKeyId) return 'InvalidAccessKeyId';
    if (region !== REGION) return 'AuthorizationHeaderMalformed';
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    if (!/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(day)) return 'BadDate';
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== sha256(body)) return 'XAmzContentSHA256Mismatch';
    const names = signedHeaders.split(';');
    if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((h) => names.includes(h))) return 'UnsignedHeaders';

    const url = new URL(req.url!, 'http://fake');
    const enc = (s: string) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const query = [...url.searchParams]
      .map(([k, v]) => `${enc(k)}=${enc(v)}`)
      .sort()
      .join('&');
    const headers = names
      .map(
        (h) =>
          `${h}:${String(req.headers[h] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join('');
    const canonical = [req.method, url.pathname, query, headers, signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
    const key = ['aws4_request'].reduce(
      (k, part) => hmac(k, part),
      hmac(hmac(hmac(`AWS4${CREDENTIALS.secretAccessKey}`, day), region), 's3'),
    );
    return createHmac('sha256', key).update(toSign).digest('hex') === signature ? undefined : 'SignatureDoesNotMatch';
  }
}

const fake = new FakeS3();
let dir: string;
beforeAll(async () => {
  await fake.start();
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-files-'));
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const backEnds: [string, () => FileStoreOptions][] = [
  ['local', () => ({ kind: 'local', dir: mkdtempSync(path.join(dir, 'store-')) })],
  ['s3', () => ({ kind: 's3', endpoint: fake.url, bucket: BUCKET, region: REGION, ...CREDENTIALS })],
];

describe.each(backEnds)('file store contract (%s)', (_name, options) => {
  let store: FileStore;
  beforeEach(() => {
    store = createFileStore(options());
  });

  it('round-trips any bytes under their content address', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (raw) => {
        const bytes = Buffer.from(raw);
        const file = await store.put(bytes, { contentType: 'application/pdf' });
        expect(file).toEqual({
          key: `sha256/${sha256(bytes).slice(0, 2)}/${sha256(bytes)}`,
          size: bytes.length,
          sha256: sha256(bytes),
          contentType: 'application/pdf',
        });
        expect(isFileKey(file.key)).toBe(true);
        expect((await store.get(file.key))!.equals(bytes)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('stores the same file once and removes it idempotently', async () => {
    const bytes = Buffer.from('%PDF-1.7 身份证复印件');
    const a = await store.put(bytes, { contentType: 'application/pdf' });
    const b = await store.put(Buffer.from(bytes), { contentType: 'application/pdf' });
    expect(b).toEqual(a);
    await store.remove(a.key);
    expect(await store.get(a.key)).toBeUndefined();
    await store.remove(a.key);
  });

  it('answers undefined for a key never stored and refuses a malformed one', async () => {
    expect(await store.get(`sha256/00/${'0'.repeat(64)}`)).toBeUndefined();
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'STORAGE.BAD_KEY' });
  });
});

describe('S3 store', () => {
  const s3 = () => createFileStore({ kind: 's3', endpoint: fake.url, bucket: BUCKET, region: REGION, ...CREDENTIALS });

  it('signs every request and sends no checksum headers that S3-compatible services reject', async () => {
    fake.seen.length = 0;
    const file = await s3().put(Buffer.from('\xff\xd8\xff\xe0 photo', 'latin1'), { contentType: 'image/jpeg' });
    expect(fake.objects.get(file.key)?.contentType).toBe('image/jpeg');
    expect(fake.seen.map((r) => r.method)).toEqual(['HEAD', 'PUT']);
    for (const r of fake.seen) {
      expect(r.url.startsWith(`/${BUCKET}/sha256/`)).toBe(true);
      expect(r.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=TONGBANTESTKEY\/\d{8}\/cn-test-1\/s3\/aws4_request, ?SignedHeaders=\S*x-amz-content-sha256\S*, ?Signature=[0-9a-f]{64}$/,
      );
      expect(r.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
      expect(
        Object.keys(r.headers).filter((h) => h.startsWith('x-amz-checksum') || h === 'x-amz-sdk-checksum-algorithm'),
      ).toEqual([]);
      expect(r.headers['content-encoding'] ?? '').not.toContain('aws-chunked');
    }
  });

  it('skips the upload of an object already present', async () => {
    const bytes = Buffer.from('%PDF-1.5 already there');
    await s3().put(bytes, { contentType: 'application/pdf' });
    fake.seen.length = 0;
    await s3().put(bytes, { contentType: 'application/pdf' });
    expect(fake.seen.map((r) => r.method)).toEqual(['HEAD']);
  });

  it('is refused by the service when the secret is wrong', async () => {
    const wrong = createFileStore({
      kind: 's3',
      endpoint: fake.url,
      bucket: BUCKET,
      region: REGION,
      accessKeyId: CREDENTIALS.accessKeyId,
      secretAccessKey: 'not-the-secret',
    });
    await expect(wrong.put(Buffer.from('%PDF-'), { contentType: 'application/pdf' })).rejects.toThrow();
    expect(fake.seen.at(-1)?.method).toBe('HEAD');
    expect(fake.refusals.at(-1)).toBe('SignatureDoesNotMatch');
  });

  it('detects an object altered in the bucket', async () => {
    const file = await s3().put(Buffer.from('%PDF-1.7 original'), { contentType: 'application/pdf' });
    fake.objects.set(file.key, { body: Buffer.from('%PDF-1.7 tampered'), contentType: 'application/pdf' });
    await expect(s3().get(file.key)).rejects.toThrow(/does not match its hash/);
  });
});
