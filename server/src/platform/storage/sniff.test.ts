import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkUpload, sniff, type MaterialType } from './sniff.js';

/** A ZIP local file header for one entry, as the first bytes of an archive. */
const zipEntry = (name: string): Buffer => {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1')]);
};

// The test's own table of what counts as each format, independent of the implementation.
const MAGIC: Record<MaterialType, Buffer> = {
  'application/pdf': Buffer.from('%PDF-1.7\n', 'latin1'),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'application/ofd': zipEntry('OFD.xml'),
};
const TYPES = Object.keys(MAGIC) as MaterialType[];
const LIMIT = { maxBytes: 1 << 20 };

const startsWithKnownMagic = (b: Buffer): boolean =>
  b.subarray(0, 5).equals(Buffer.from('%PDF-')) ||
  b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ||
  b.subarray(0, 8).equals(MAGIC['image/png']) ||
  (b.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) && b.subarray(0, 1024).includes('OFD.xml'));

const tail = fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a));

describe('sniff and checkUpload', () => {
  it('refuses random bytes unless they start with a known magic', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 2048 }),
        fc.constantFrom(undefined, 'application/octet-stream', ...TYPES),
        (raw, declared) => {
          const bytes = Buffer.from(raw);
          fc.pre(!startsWithKnownMagic(bytes));
          expect(sniff(bytes)).toBeUndefined();
          expect(checkUpload(bytes, declared, LIMIT)).toMatchObject({ ok: false, code: 'STORAGE.UNSUPPORTED_TYPE' });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts any known magic with a random tail as that type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        tail,
        fc.constantFrom('same', 'octet-stream', 'none', 'with-parameters'),
        (type, rest, declaration) => {
          const bytes = Buffer.concat([MAGIC[type], rest]);
          const declared = {
            same: type,
            'octet-stream': 'application/octet-stream',
            none: undefined,
            'with-parameters': `${type.toUpperCase()}; name=x`,
          }[declaration];
          expect(sniff(bytes)).toBe(type);
          expect(checkUpload(bytes, declared, LIMIT)).toEqual({ ok: true, contentType: type });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a declared type that disagrees with the bytes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        fc.constantFrom(...TYPES, 'text/plain', 'application/zip', 'image/gif'),
        tail,
        (actual, declared, rest) => {
          fc.pre(actual !== declared);
          const result = checkUpload(Buffer.concat([MAGIC[actual], rest]), declared, LIMIT);
          expect(result).toMatchObject({ ok: false, code: 'STORAGE.TYPE_MISMATCH' });
        },
      ),
    );
  });

  it('takes common aliases of a declared type', () => {
    expect(checkUpload(MAGIC['image/jpeg'], 'image/jpg', LIMIT)).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkUpload(MAGIC['application/pdf'], 'application/x-pdf', LIMIT)).toEqual({
      ok: true,
      contentType: 'application/pdf',
    });
  });

  it('draws the size limit exactly at maxBytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 4096 }), fc.constantFrom(...TYPES), (maxBytes, type) => {
        const at = Buffer.concat([MAGIC[type], Buffer.alloc(maxBytes - MAGIC[type].length)]);
        expect(checkUpload(at, type, { maxBytes })).toEqual({ ok: true, contentType: type });
        const over = Buffer.concat([at, Buffer.alloc(1)]);
        expect(checkUpload(over, type, { maxBytes })).toMatchObject({ ok: false, code: 'STORAGE.TOO_LARGE' });
      }),
    );
  });

  it('refuses an empty file and says so in both languages', () => {
    const result = checkUpload(Buffer.alloc(0), 'application/pdf', LIMIT);
    expect(result).toEqual({ ok: false, code: 'STORAGE.EMPTY', message: { zh: '文件为空', en: 'The file is empty' } });
    const big = checkUpload(Buffer.alloc(LIMIT.maxBytes + 1), 'application/pdf', LIMIT);
    expect(big.ok || big.message).toEqual({
      zh: '文件超过大小上限 1 MB',
      en: 'The file is larger than the 1 MB limit',
    });
  });

  it('tells an OFD from other ZIP files', () => {
    const docx = Buffer.concat([zipEntry('[Content_Types].xml'), Buffer.from('<Types/>')]);
    expect(sniff(docx)).toBeUndefined();
    // OFD.xml need not be the first entry, but must be named within the first KiB.
    const second = Buffer.concat([zipEntry('Doc_0/Document.xml'), Buffer.alloc(100), zipEntry('OFD.xml')]);
    expect(sniff(second)).toBe('application/ofd');
    const tooFar = Buffer.concat([zipEntry('Doc_0/Res/a.png'), Buffer.alloc(1024), zipEntry('OFD.xml')]);
    expect(sniff(tooFar)).toBeUndefined();
  });

  it('does not accept a magic that is cut short', () => {
    for (const type of TYPES) {
      const cut = MAGIC[type].subarray(0, type === 'application/ofd' ? 4 : 2);
      expect(sniff(cut)).toBeUndefined();
    }
  });
});
