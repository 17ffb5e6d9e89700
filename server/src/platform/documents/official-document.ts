/**
 * 公文版式 for documents the platform issues (决定书, 办结通知书, 受理通知书): the issuing body in red
 * above the title, the document number, the addressee, the body paragraphs indented two
 * characters, optional label–value rows, the issuing body and date at the bottom right under the
 * department's round red seal, and a QR code to the case's tracking page — on A4, as PDF.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { wrapText } from './line-break.js';
import { qrModules } from './qr.js';
import { cjkPdf } from './cjk-pdf.js';
import { drawSeal } from './seal-image.js';
import { signPdf, type SealKeyPair } from './seal/index.js';

export interface OfficialDocument {
  issuer: string;
  title: string;
  number: string;
  addressee: string;
  paragraphs: string[];
  /** Label–value rows after the paragraphs (a receipt's facts). */
  rows?: [string, string][];
  /** 成文日期, e.g. 2026年11月23日 */
  dated: string;
  qr: { url: string; caption: string };
  /** The seal's purpose printed across its bottom, e.g. 行政审批专用章; no seal without it. */
  sealPurpose?: string;
}

const A4: [number, number] = [595, 842];
const MARGIN = 72;
const INK = rgb(0.1, 0.1, 0.1);
const RED = rgb(0.75, 0.1, 0.1);
const GREY = rgb(0.4, 0.4, 0.4);
/** Where the title's text sits on page one (points from the bottom-left), for checks that render it. */
export const TITLE_BOX = { x: MARGIN, y: 705, width: A4[0] - 2 * MARGIN, height: 32 };

function draw(doc: PDFDocument, font: PDFFont, d: OfficialDocument): void {
  let page = doc.addPage(A4);
  const width = A4[0] - 2 * MARGIN;
  const size = 13;
  const lineHeight = 24;
  const centred = (p: PDFPage, text: string, y: number, s: number, color = INK) =>
    p.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, s)) / 2, y, size: s, font, color });
  const right = (p: PDFPage, text: string, at: number) =>
    p.drawText(text, { x: A4[0] - MARGIN - 24 - font.widthOfTextAtSize(text, size), y: at, size, font, color: INK });

  centred(page, d.issuer, 770, 20, RED);
  page.drawLine({ start: { x: MARGIN, y: 755 }, end: { x: A4[0] - MARGIN, y: 755 }, thickness: 1.5, color: RED });
  centred(page, d.title, 715, 22);
  centred(page, d.number, 690, 12);
  let y = 650;
  const next = (): PDFPage => {
    y -= lineHeight;
    if (y < MARGIN + 140) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
    return page;
  };
  page.drawText(`${d.addressee}：`, { x: MARGIN, y, size, font, color: INK });
  for (const paragraph of d.paragraphs) {
    for (const line of wrapText(`\u3000\u3000${paragraph}`, width, (s) => font.widthOfTextAtSize(s, size)))
      next().drawText(line, { x: MARGIN, y, size, font, color: INK });
  }
  const labelWidth = Math.max(0, ...(d.rows ?? []).map(([label]) => font.widthOfTextAtSize(label, size))) + 16;
  for (const [label, value] of d.rows ?? []) {
    const lines = wrapText(value, width - labelWidth - 26, (s) => font.widthOfTextAtSize(s, size));
    next().drawText(label, { x: MARGIN + 26, y, size, font, color: GREY });
    lines.forEach((line, i) =>
      (i === 0 ? page : next()).drawText(line, { x: MARGIN + 26 + labelWidth, y, size, font, color: INK }),
    );
  }
  next();
  next();
  next();
  const issuerY = y;
  right(page, d.issuer, issuerY);
  right(next(), d.dated, y);
  // The seal covers the issuing body and the date, as a stamp on paper does (骑年盖月).
  if (d.sealPurpose)
    drawSeal(page, font, {
      x: A4[0] - MARGIN - 24 - 60,
      y: (issuerY + y) / 2 + 4,
      radius: 60,
      name: d.issuer,
      purpose: d.sealPurpose,
    });

  const qr = qrModules(d.qr.url);
  const cell = 90 / qr.size;
  for (let qy = 0; qy < qr.size; qy++)
    for (let qx = 0; qx < qr.size; qx++)
      if (qr.dark(qx, qy))
        page.drawRectangle({
          x: MARGIN + qx * cell,
          y: MARGIN + 20 + 90 - (qy + 1) * cell,
          width: cell,
          height: cell,
          color: INK,
        });
  page.drawText(d.qr.caption, { x: MARGIN, y: MARGIN, size: 9, font, color: GREY });
}

/** The document as PDF; with `seal`, signed by the issuing department's key (PAdES, see seal/pades.ts). */
export async function officialDocumentPdf(
  d: OfficialDocument,
  seal?: { keys: SealKeyPair; location: string; at: Date },
): Promise<Uint8Array> {
  const doc = await cjkPdf((doc, font) => draw(doc, font, d));
  doc.setTitle(`${d.title} ${d.number}`);
  if (!seal) return doc.save();
  return signPdf(doc, seal.keys, {
    name: d.issuer,
    reason: `${d.title} ${d.number}`,
    location: seal.location,
    at: seal.at,
  });
}
