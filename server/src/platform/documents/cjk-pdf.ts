/**
 * PDFs with Chinese text that open everywhere (Chromium, poppler, MuPDF, Acrobat). The CJK font is
 * a CID-keyed CFF font; the document embeds exactly the glyphs it uses (an hb-subset subset, a few
 * kilobytes) as a CIDFontType0C program and addresses glyphs by CID, which is what the PDF
 * specification asks of CID-keyed fonts (pdf-lib addresses them by glyph index, which only works
 * where the two coincide).
 */
import { createHash } from 'node:crypto';
import { CustomFontEmbedder, PDFDocument, PDFFont, PDFHexString, type PDFRef } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { cjkFont } from './fonts.js';
import { sfntTable, subsetFont } from './font-subset.js';

type Font = CustomFontEmbedder['font'];
type Glyph = ReturnType<Font['glyphForCodePoint']>;

interface CffCharset {
  version: number;
  glyphs?: number[];
  ranges?: { first: number; nLeft: number; offset: number }[];
}

/** The CID of each glyph of a CID-keyed CFF font, from its charset (glyph 0 is CID 0). */
function cffOf(font: Font): { isCIDFont: boolean; topDict: { charset: CffCharset } } | undefined {
  return (font as unknown as Record<string, ReturnType<typeof cffOf>>)['CFF '];
}

function cidMap(font: Font): (gid: number) => number {
  const cff = cffOf(font);
  if (!cff?.isCIDFont) return (gid) => gid;
  const charset = cff.topDict.charset;
  return (gid) => {
    if (gid === 0) return 0;
    if (charset.version === 0) return charset.glyphs![gid - 1]!;
    const range = charset.ranges!.find((r) => r.offset <= gid - 1 && gid - 1 <= r.offset + r.nLeft);
    return range ? range.first + (gid - 1 - range.offset) : 0;
  };
}

class CidFontEmbedder extends CustomFontEmbedder {
  private readonly cid: (gid: number) => number;

  constructor(
    font: Font,
    bytes: Uint8Array,
    name: string,
    private readonly onText?: (text: string) => void,
  ) {
    super(font, bytes, name);
    this.cid = cidMap(font);
  }

  override encodeText(text: string): PDFHexString {
    this.onText?.(text);
    const codes = this.font.layout(text).glyphs.map((g) => this.cid(g.id).toString(16).padStart(4, '0'));
    return PDFHexString.of(codes.join(''));
  }

  /** Widths and the ToUnicode map are keyed by CID, like the text. */
  protected override glyphId(glyph?: Glyph): number {
    return glyph ? this.cid(glyph.id) : -1;
  }

  protected override computeWidths(): (number | number[])[] {
    const byCid = this.glyphCache.access();
    byCid.sort((a, b) => this.cid(a.id) - this.cid(b.id));
    return super.computeWidths();
  }

  /** pdf-lib looks for `font.cff`, which fontkit does not define: every OpenType/CFF font went out as TrueType. */
  protected override isCFF(): boolean {
    return cffOf(this.font) !== undefined;
  }

  protected override async serializeFont(): Promise<Uint8Array> {
    return this.isCFF() ? sfntTable(this.fontData, 'CFF ') : this.fontData;
  }
}

let full: Font | undefined;

function attach(doc: PDFDocument, embedder: CidFontEmbedder): PDFFont {
  const font = PDFFont.of(doc.context.nextRef() as PDFRef, doc, embedder);
  // pdf-lib embeds the fonts it lists when the document is saved; embedFont() cannot take an embedder.
  (doc as unknown as { fonts: PDFFont[] }).fonts.push(font);
  return font;
}

/**
 * Builds a PDF in two passes: `draw` runs once against the full font to learn which characters
 * the document prints, then again on a fresh document whose font is subset to those characters.
 * `draw` must be deterministic (the same input draws the same text).
 */
export async function cjkPdf(draw: (doc: PDFDocument, font: PDFFont) => void | Promise<void>): Promise<PDFDocument> {
  const bytes = cjkFont();
  full ??= fontkit.create(bytes) as unknown as Font;
  const name = full.postscriptName ?? 'NotoSansHans-Regular';
  let text = '';
  const scratch = await PDFDocument.create();
  await draw(scratch, attach(scratch, new CidFontEmbedder(full, bytes, name, (t) => (text += t))));

  // A space keeps the subset a usable font (with a cmap) when the document prints nothing.
  const subset = subsetFont(bytes, ` ${text}`);
  // A subset font's name carries a six-letter tag (ISO 32000-1, 9.6.4).
  const tag = [...createHash('sha256').update(text).digest().subarray(0, 6)]
    .map((b) => String.fromCharCode(65 + (b % 26)))
    .join('');
  const doc = await PDFDocument.create();
  doc.setProducer('通办 Tongban');
  await draw(
    doc,
    attach(doc, new CidFontEmbedder(fontkit.create(subset) as unknown as Font, subset, `${tag}+${name}`)),
  );
  return doc;
}
