/**
 * Font subsetting by HarfBuzz's hb-subset (the `harfbuzzjs` package's WebAssembly build): the
 * subsetter browsers and Chromium's own PDF output use. fontkit's CFF subsetter, which pdf-lib
 * uses by default, writes CID-keyed CFF fonts (all CJK OpenType fonts) that poppler and MuPDF
 * reject as invalid font programs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface HbSubset {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

let hb: HbSubset | undefined;

function harfbuzz(): HbSubset {
  hb ??= new WebAssembly.Instance(
    new WebAssembly.Module(fs.readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))),
  ).exports as unknown as HbSubset;
  return hb;
}

/** HB_MEMORY_MODE_WRITABLE: HarfBuzz may use the bytes in place. */
const WRITABLE = 2;

/** The font (TrueType or OpenType/CFF) reduced to the glyphs of `text`, as an OpenType file. */
export function subsetFont(font: Uint8Array, text: string): Uint8Array {
  const h = harfbuzz();
  const data = h.malloc(font.byteLength);
  new Uint8Array(h.memory.buffer).set(font, data);
  const blob = h.hb_blob_create(data, font.byteLength, WRITABLE, 0, 0);
  const face = h.hb_face_create(blob, 0);
  h.hb_blob_destroy(blob);
  const input = h.hb_subset_input_create_or_fail();
  const unicodes = h.hb_subset_input_unicode_set(input);
  for (const ch of new Set(text)) h.hb_set_add(unicodes, ch.codePointAt(0)!);
  const subset = h.hb_subset_or_fail(face, input);
  h.hb_subset_input_destroy(input);
  h.hb_face_destroy(face);
  try {
    if (!subset) throw new Error('hb-subset failed on the document font');
    const out = h.hb_face_reference_blob(subset);
    const start = h.hb_blob_get_data(out, 0);
    const bytes = new Uint8Array(h.memory.buffer).slice(start, start + h.hb_blob_get_length(out));
    h.hb_blob_destroy(out);
    h.hb_face_destroy(subset);
    return bytes;
  } finally {
    h.free(data);
  }
}

/** One table of an OpenType file (e.g. the bare `CFF ` program a PDF embeds as CIDFontType0C). */
export function sfntTable(font: Uint8Array, tag: string): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    if (String.fromCharCode(...font.subarray(record, record + 4)) === tag) {
      const offset = view.getUint32(record + 8);
      return font.subarray(offset, offset + view.getUint32(record + 12));
    }
  }
  throw new Error(`font has no ${tag} table`);
}
