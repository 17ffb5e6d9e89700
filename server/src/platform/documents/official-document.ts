/**
 * 公文版式 for decisions the platform issues (决定书): the issuing body in red above the title, the
 * document number, the addressee, the body paragraphs indented two characters, the issuing body
 * and date at the bottom right, and a QR code to the case's tracking page — on A4, as PDF.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { cjkFont, wrapText } from './fonts.js';
import { qrModules } from './qr.js';

export interface OfficialDocument {
  issuer: string;
  title: string;
  number: string;
  addressee: string;
  paragraphs: string[];
  /** 成文日期, e.g. 2026年11月23日 */
  dated: string;
  qr: { url: string; caption: string };
}

const A4: [number, number] = [595, 842];
const MARGIN = 72;
const INK = rgb(0.1, 0.1, 0.1);
const RED = rgb(0.75, 0.1, 0.1);

export async function officialDocumentPdf(d: OfficialDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${d.title} ${d.number}`);
  doc.setProducer('通办 Tongban');
  const font = await doc.embedFont(cjkFont(), { subset: true });
  let page = doc.addPage(A4);
  const width = A4[0] - 2 * MARGIN;
  const centred = (p: PDFPage, text: string, y: number, size: number, color = INK) => p.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });

  centred(page, d.issuer, 770, 20, RED);
  page.drawLine({ start: { x: MARGIN, y: 755 }, end: { x: A4[0] - MARGIN, y: 755 }, thickness: 1.5, color: RED });
  centred(page, d.title, 715, 22);
  centred(page, d.number, 690, 12);
  let y = 650;
  const size = 13;
  const lineHeight = 24;
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
    const lines = wrapText(`\u3000\u3000${paragraph}`, width, (s) => font.widthOfTextAtSize(s, size));
    for (const line of lines) next().drawText(line, { x: MARGIN, y, size, font, color: INK });
  }
  const right = (p: PDFPage, text: string, at: number, f: PDFFont) => p.drawText(text, { x: A4[0] - MARGIN - f.widthOfTextAtSize(text, size), y: at, size, font: f, color: INK });
  next();
  right(next(), d.issuer, y, font);
  right(next(), d.dated, y, font);

  const qr = qrModules(d.qr.url);
  const cell = 90 / qr.size;
  for (let qy = 0; qy < qr.size; qy++) for (let qx = 0; qx < qr.size; qx++) if (qr.dark(qx, qy)) page.drawRectangle({ x: MARGIN + qx * cell, y: MARGIN + 20 + 90 - (qy + 1) * cell, width: cell, height: cell, color: INK });
  page.drawText(d.qr.caption, { x: MARGIN, y: MARGIN, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
  return doc.save();
}
