/**
 * 证照版式: the licence as a PDF (pdf-lib, the CJK font embedded as a subset) and as a PNG (an SVG
 * drawn by resvg), each with a QR code pointing at the verification page. The font is Noto Sans
 * Hans from the `@embedpdf/fonts-sc` package: installed with the project, never fetched, no system
 * fonts.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { rgb } from 'pdf-lib';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import {
  cjkFont as font,
  cjkPdf,
  CJK_FONT_FAMILY as FONT_FAMILY,
  qrModules,
  wrapText as wrap,
} from '../../../platform/documents/index.js';
import { getLicenseType } from '../types/license-types.js';
import { maskIdNumbers, type HolderView } from '../present.js';
import { STATUS_ZH } from '../errors.js';

const require = createRequire(import.meta.url);
let wasmReady: Promise<void> | undefined;

function resvgReady(): Promise<void> {
  wasmReady ??= initWasm(fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasmReady;
}

/** The lines printed on the licence: label and value; a third person's identity number only masked. */
function lines(l: HolderView): [string, string][] {
  const type = getLicenseType(l.type.code);
  const data = maskIdNumbers(l.data);
  const holderLabel = l.holder.kind === 'person' ? ['姓名', '公民身份号码'] : ['名称', '统一社会信用代码'];
  return [
    [holderLabel[0]!, l.holder.name],
    [holderLabel[1]!, l.holder.id],
    ...type.fields
      .filter((f) => data[f.key] !== undefined && data[f.key] !== null)
      .map((f) => [f.label, String(data[f.key])] as [string, string]),
    ['有效期限', `${l.validFrom} 至 ${l.validUntil ?? '长期'}`],
    ['发证机关', l.issuer.name],
    ['证照编号', l.number],
    ['状态', STATUS_ZH[l.status] ?? l.status],
  ];
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function renderPdf(l: HolderView): Promise<Uint8Array> {
  const doc = await cjkPdf((doc, f) => {
    let page = doc.addPage([595, 842]);
    const ink = rgb(0.1, 0.1, 0.1);
    const red = rgb(0.75, 0.1, 0.1);
    const title = l.type.name;
    page.drawText(title, { x: (595 - f.widthOfTextAtSize(title, 28)) / 2, y: 760, size: 28, font: f, color: red });
    let y = 700;
    for (const [label, value] of lines(l)) {
      // Rows never run into the QR code at the bottom: a long licence continues on a new page.
      if (y < 190) {
        page = doc.addPage([595, 842]);
        y = 780;
      }
      // A long label wraps within its column instead of running into the value.
      const labelLines = wrap(label, 96, (s) => f.widthOfTextAtSize(s, 11));
      labelLines.forEach((part, i) =>
        page.drawText(part, { x: 60, y: y - i * 16, size: 11, font: f, color: rgb(0.4, 0.4, 0.4) }),
      );
      const labelBottom = y - (labelLines.length - 1) * 16;
      for (const part of wrap(value, 360, (s) => f.widthOfTextAtSize(s, 12))) {
        page.drawText(part, { x: 170, y, size: 12, font: f, color: ink });
        y -= 18;
      }
      y = Math.min(y, labelBottom - 18) - 8;
    }
    const qr = qrModules(l.verificationUrl);
    const cell = 110 / qr.size;
    for (let qy = 0; qy < qr.size; qy++)
      for (let qx = 0; qx < qr.size; qx++)
        if (qr.dark(qx, qy))
          page.drawRectangle({ x: 425 + qx * cell, y: 150 - (qy + 1) * cell, width: cell, height: cell, color: ink });
    page.drawText('扫码核验 Scan to verify', { x: 425, y: 25, size: 9, font: f, color: rgb(0.4, 0.4, 0.4) });
  });
  doc.setTitle(`${l.type.name} ${l.number}`);
  return doc.save();
}

export async function renderPng(l: HolderView): Promise<Uint8Array> {
  await resvgReady();
  const width = 1000;
  // Labels wrap within their column (8 characters at 18 px) and values within theirs: a long label
  // or value takes more lines instead of running into its neighbour.
  const rows = lines(l).flatMap(([label, value]) => {
    const labels = wrap(label, 8, (s) => [...s].length);
    const values = wrap(value, 26, (s) => [...s].length);
    return Array.from(
      { length: Math.max(labels.length, values.length) },
      (_, i) => [labels[i] ?? '', values[i] ?? ''] as const,
    );
  });
  const height = Math.max(420, 170 + rows.length * 34 + 40);
  const qr = qrModules(l.verificationUrl);
  const cell = 180 / qr.size;
  let squares = '';
  for (let qy = 0; qy < qr.size; qy++)
    for (let qx = 0; qx < qr.size; qx++)
      if (qr.dark(qx, qy))
        squares += `M${(780 + qx * cell).toFixed(2)} ${(150 + qy * cell).toFixed(2)}h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`;
  const text = rows
    .map(
      ([label, value], i) =>
        `<text x="60" y="${180 + i * 34}" font-size="18" fill="#666">${escapeXml(label)}</text><text x="230" y="${180 + i * 34}" font-size="20" fill="#1a1a1a">${escapeXml(value)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT_FAMILY}">
<rect width="${width}" height="${height}" rx="24" fill="#fffaf0" stroke="#c0392b" stroke-width="6"/>
<text x="${width / 2}" y="90" font-size="44" text-anchor="middle" fill="#c0392b">${escapeXml(l.type.name)}</text>
${text}<path d="${squares}" fill="#1a1a1a"/><text x="870" y="360" font-size="16" text-anchor="middle" fill="#666">扫码核验</text></svg>`;
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [font()], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}
