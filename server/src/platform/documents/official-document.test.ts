import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../test/render-pdf.js';
import { officialDocumentPdf, TITLE_BOX, type OfficialDocument } from './index.js';

const notice: OfficialDocument = {
  issuer: '贵阳市云岩区市场监督管理局',
  title: '准予行政许可决定书',
  number: '许〔2026〕000123号',
  addressee: '贵州黔味餐饮管理有限公司',
  paragraphs: [
    '你（单位）于2026年11月2日提出的“食品经营许可（新办）”申请，本机关依法受理。经审查，申请符合法定条件、标准，决定准予行政许可。',
  ],
  rows: [
    ['办件编号', 'A5201030000012'],
    ['申请人', '张*'],
  ],
  dated: '2026年11月23日',
  qr: { url: 'https://tongban.example/track/A5201030000012', caption: '全程一码 A5201030000012' },
  sealPurpose: '行政审批专用章',
};

describe('official documents', { timeout: 30_000 }, () => {
  it('open in poppler and MuPDF with their Chinese text drawn, a small embedded subset font and ink where the title is', async () => {
    const pdf = await officialDocumentPdf(notice);
    const r = await renderPdf(pdf, { name: 'official-document' });
    expect(r.errors).toEqual([]);
    expect(r.fonts.length).toBeGreaterThan(0);
    for (const f of r.fonts) expect(f).toMatchObject({ embedded: true, type: 'CID Type 0C' });
    expect(r.text).toContain('准予行政许可决定书');
    expect(r.text).toContain('贵州黔味餐饮管理有限公司');
    const ink = r.ink(TITLE_BOX);
    expect(ink.poppler).toBeGreaterThan(0.05);
    expect(ink.mupdf).toBeGreaterThan(0.05);
    expect(pdf.byteLength).toBeLessThan(80_000);
  });

  it('draws text that is not in the first pass only once fonts are subset to it (a second document, other characters)', async () => {
    const r = await renderPdf(await officialDocumentPdf({ ...notice, addressee: '龘靐齉爩', sealPurpose: undefined }));
    expect(r.errors).toEqual([]);
    expect(r.text).toContain('龘靐齉爩');
  });
});
