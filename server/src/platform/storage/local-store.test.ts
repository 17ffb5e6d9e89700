import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalStore } from './local-store.js';
import { CorruptFileError, isFileKey, type FileStore } from './file-store.js';

const posix = process.platform !== 'win32';

/** Every file under a directory, relative to it. */
const walk = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));

describe('local file store', () => {
  let dir: string;
  let store: FileStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-files-'));
    store = createLocalStore({ dir: path.join(dir, 'files') });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lays files out by key, private to the service, with no temporary files left', async () => {
    const file = await store.put(Buffer.from('%PDF-1.7 营业执照'), { contentType: 'application/pdf' });
    expect(walk(path.join(dir, 'files'))).toEqual([path.join(...file.key.split('/'))]);
    const full = path.join(dir, 'files', ...file.key.split('/'));
    expect(readFileSync(full).toString()).toBe('%PDF-1.7 营业执照');
    if (posix) {
      expect(statSync(full).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(full)).mode & 0o777).toBe(0o700);
    }
  });

  it('answers a put the disk refuses with the error, writing nothing, and stores the next one', async () => {
    // The store's root is a file: no directory can be made under it.
    writeFileSync(path.join(dir, 'blocked'), 'x');
    const blocked = createLocalStore({ dir: path.join(dir, 'blocked') });
    await expect(blocked.put(Buffer.from('%PDF-1.7 a'), { contentType: 'application/pdf' })).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    expect(readFileSync(path.join(dir, 'blocked')).toString()).toBe('x');
    const file = await store.put(Buffer.from('%PDF-1.7 b'), { contentType: 'application/pdf' });
    expect((await store.get(file.key))!.toString()).toBe('%PDF-1.7 b');
  });

  it('stores one copy when the same bytes arrive concurrently', async () => {
    const bytes = Buffer.alloc(256 * 1024, 7);
    const files = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes, { contentType: 'image/png' })));
    expect(new Set(files.map((f) => f.key)).size).toBe(1);
    expect(walk(path.join(dir, 'files'))).toHaveLength(1);
    expect((await store.get(files[0]!.key))!.equals(bytes)).toBe(true);
  });

  it('refuses keys that are malformed or would leave the root', async () => {
    writeFileSync(path.join(dir, 'secret'), 'x');
    const hash = 'ab'.repeat(32);
    const bad = [
      '../secret',
      '/etc/passwd',
      `sha256/ab/../../../secret`,
      `sha256/../${hash}`,
      `sha256/cd/${hash}`,
      `sha256/ab/${hash.toUpperCase()}`,
      `sha256\\ab\\${hash}`,
      `sha256/ab/${hash}/`,
      '',
    ];
    for (const key of bad) {
      await expect(store.get(key)).rejects.toMatchObject({ code: 'STORAGE.BAD_KEY' });
      await expect(store.remove(key)).rejects.toMatchObject({ code: 'STORAGE.BAD_KEY' });
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (key) => {
        fc.pre(!isFileKey(key));
        await expect(store.get(key)).rejects.toMatchObject({ code: 'STORAGE.BAD_KEY' });
      }),
    );
    expect(readFileSync(path.join(dir, 'secret'), 'utf8')).toBe('x');
  });

  it('detects a damaged file and heals it on the next upload of the same bytes', async () => {
    const bytes = Buffer.from('\x89PNG\r\n\x1a\n…');
    const file = await store.put(bytes, { contentType: 'image/png' });
    const full = path.join(dir, 'files', ...file.key.split('/'));
    writeFileSync(full, Buffer.alloc(bytes.length));
    await expect(store.get(file.key)).rejects.toBeInstanceOf(CorruptFileError);
    await store.put(bytes, { contentType: 'image/png' });
    expect((await store.get(file.key))!.equals(bytes)).toBe(true);
  });

  it('ignores a temporary file left by an interrupted write', async () => {
    const bytes = Buffer.from('%PDF-1.4');
    const file = await store.put(bytes, { contentType: 'application/pdf' });
    const full = path.join(dir, 'files', ...file.key.split('/'));
    writeFileSync(path.join(path.dirname(full), '.tmp-0123456789abcdef'), bytes.subarray(0, 3));
    await store.remove(file.key);
    expect(await store.get(file.key)).toBeUndefined();
    expect((await store.put(bytes, { contentType: 'application/pdf' })).key).toBe(file.key);
    expect((await store.get(file.key))!.equals(bytes)).toBe(true);
  });
});
