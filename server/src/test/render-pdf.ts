/**
 * Renders a generated PDF the way a reader would see it — poppler (`pdftoppm`, `pdffonts`,
 * `pdftotext`) and MuPDF (`mutool draw`), from Debian's poppler-utils and mupdf-tools — and
 * answers what they complained about, the text they extracted and how much ink is on page one.
 * Tests use it to prove a document opens everywhere, not just that it starts with `%PDF-`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const DPI = 50;
/** MuPDF's note about its own build, not about the document. */
const BENIGN = /^warning: ICC support is not available$/;

/** A box on a page in PDF points, from the bottom-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderedPdf {
  /** Everything poppler and MuPDF wrote to stderr while listing fonts and drawing the pages. */
  errors: string[];
  /** `pdffonts` rows: name, type, embedded. */
  fonts: { name: string; type: string; embedded: boolean }[];
  /** `pdftotext` of the whole document. */
  text: string;
  /** Share (0–1) of non-white pixels of page one inside `box`, as poppler and MuPDF drew it. */
  ink(box: Box): { poppler: number; mupdf: number };
}

interface Gray {
  width: number;
  height: number;
  pixels: Buffer;
}

/** Binary PGM (P5) as pdftoppm -gray and mutool write it. */
function parsePgm(bytes: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM image');
  const [, w, h] = header.map(Number);
  return { width: w!, height: h!, pixels: bytes.subarray(header[0].length) };
}

function inkShare(img: Gray, pageHeightPt: number, box: Box): number {
  const s = DPI / 72;
  const x0 = Math.max(0, Math.floor(box.x * s));
  const x1 = Math.min(img.width, Math.ceil((box.x + box.width) * s));
  const y0 = Math.max(0, Math.floor((pageHeightPt - box.y - box.height) * s));
  const y1 = Math.min(img.height, Math.ceil((pageHeightPt - box.y) * s));
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (img.pixels[y * img.width + x]! < 200) dark++;
  return dark / Math.max(1, (x1 - x0) * (y1 - y0));
}

export async function renderPdf(
  pdf: Uint8Array,
  opts: { name?: string; pageHeightPt?: number } = {},
): Promise<RenderedPdf> {
  const pageHeightPt = opts.pageHeightPt ?? 842;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tb-render-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, pdf);
    const fonts = await run('pdffonts', [file]);
    const text = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const poppler = await run('pdftoppm', ['-r', String(DPI), '-gray', file, path.join(dir, 'p')]);
    const mupdf = await run('mutool', ['draw', '-q', '-r', String(DPI), '-o', path.join(dir, 'm-%d.pgm'), file]);
    const popplerPage = parsePgm(
      await fs.readFile(path.join(dir, (await fs.readdir(dir)).filter((f) => f.startsWith('p-')).sort()[0]!)),
    );
    const mupdfPage = parsePgm(await fs.readFile(path.join(dir, 'm-1.pgm')));
    // Page one as a PNG to look at: $RENDER_DIR (default <tmp>/tongban-documents)/<name>.png.
    if (opts.name) {
      const out = process.env.RENDER_DIR ?? path.join(os.tmpdir(), 'tongban-documents');
      await fs.mkdir(out, { recursive: true });
      await run('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-singlefile', '-png', file, path.join(out, opts.name)]);
    }
    return {
      errors: [fonts.stderr, text.stderr, poppler.stderr, mupdf.stderr]
        .flatMap((e) => e.split('\n'))
        .filter((l) => l.trim() && !BENIGN.test(l.trim())),
      fonts: fonts.stdout
        .split('\n')
        .slice(2)
        .filter((l) => l.trim())
        .map((l) => {
          // name, type (may hold spaces), encoding, emb, sub, uni, object, generation
          const t = l.trim().split(/\s+/);
          return { name: t[0]!, type: l.slice(37, 55).trim(), embedded: t[t.length - 5] === 'yes' };
        }),
      text: text.stdout,
      ink: (box) => ({
        poppler: inkShare(popplerPage, pageHeightPt, box),
        mupdf: inkShare(mupdfPage, pageHeightPt, box),
      }),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export interface PdfSignature {
  signer: string;
  type: string;
  /** poppler's verdict on the signature itself, e.g. "Signature is Valid." */
  validation: string;
  /** …and on the certificate ("Certificate issuer is unknown." for a platform-issued one). */
  certificate: string;
  wholeDocument: boolean;
}

/** The PDF's signatures as poppler's `pdfsig` checks them. */
export async function pdfSignatures(pdf: Uint8Array): Promise<PdfSignature[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tb-pdfsig-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, pdf);
    // pdfsig exits non-zero when a signature does not verify; the report is what matters.
    const out = await run('pdfsig', [file]).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    return out.stdout
      .split(/^Signature #\d+:$/m)
      .slice(1)
      .map((block) => {
        const field = (label: string) => new RegExp(`- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? '';
        return {
          signer: field('Signer Certificate Common Name'),
          type: field('Signature Type'),
          validation: field('Signature Validation'),
          certificate: field('Certificate Validation'),
          wholeDocument: /Total document signed/.test(block),
        };
      });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
