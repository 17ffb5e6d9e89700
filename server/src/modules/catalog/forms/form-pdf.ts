/**
 * 空白表格 and 示例样表: an item's application form printed from its schema, to fill in by hand at
 * the window or to see filled in. One row per field — the label with its help below it, a box to
 * write in with the unit at its right, choices as tick boxes, dates as 年 月 日 — then the
 * applicant's declaration and signature line. The sample fills every box with `sampleValues` and
 * carries a red 样表 mark so that it is never filed.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FormField, Item } from '../../../../../contracts/catalog.js';
import { cjkPdf, wrapText } from '../../../platform/documents/index.js';
import { fieldsOfForm } from './application-form.js';
import { sampleValues } from './sample-values.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const LABEL_W = 160;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.42, 0.42, 0.42);
const RED = rgb(0.75, 0.1, 0.1);
const LINE = rgb(0.3, 0.3, 0.3);

export type FormPdfKind = 'blank' | 'sample';

const DECLARATION =
  '本人（单位）承诺：所填信息及所交材料真实、合法、有效，复印件与原件一致；如有虚假，愿承担相应法律责任，并同意受理机关依法核验。';

function valueText(f: FormField, v: unknown): string {
  if (f.type === 'choice') return (f.options ?? []).map((o) => `${o === v ? '■' : '□'}${o}`).join('  ');
  if (f.type === 'boolean') return v === undefined ? '□是  □否' : v ? '■是  □否' : '□是  ■否';
  if (f.type === 'date') {
    if (typeof v !== 'string') return '        年      月      日';
    const [y, m, d] = v.split('-');
    return `${y}年${Number(m)}月${Number(d)}日`;
  }
  return v === undefined ? '' : String(v);
}

/** The PDF of an item's form: blank to fill in, or the filled-in sample. */
export async function applicationFormPdf(item: Item, kind: FormPdfKind): Promise<Uint8Array> {
  const fields = fieldsOfForm(item.form);
  const values = kind === 'sample' ? sampleValues(fields) : {};
  const title = `${item.name}申请表`;
  const doc = await cjkPdf((d, font) => {
    let page = d.addPage(A4);
    let y = A4[1] - MARGIN;
    const text = (p: PDFPage, s: string, x: number, at: number, size: number, color = INK, f: PDFFont = font) =>
      p.drawText(s, { x, y: at, size, font: f, color });
    const head = (p: PDFPage) => {
      const w = font.widthOfTextAtSize(title, 17);
      text(p, title, (A4[0] - w) / 2, y - 17, 17);
      y -= 30;
      const sub = kind === 'sample' ? '示例样表（仅供参考，请勿提交）' : '空白表格';
      text(p, sub, (A4[0] - font.widthOfTextAtSize(sub, 10)) / 2, y - 10, 10, kind === 'sample' ? RED : GREY);
      y -= 22;
      text(p, `受理机关：${item.department.name}`, MARGIN, y - 9, 9, GREY);
      const code = `事项编码：${item.code}`;
      text(p, code, A4[0] - MARGIN - font.widthOfTextAtSize(code, 9), y - 9, 9, GREY);
      y -= 18;
      if (kind === 'sample') {
        // 样表 mark: a red box at the top right of every page.
        p.drawRectangle({
          x: A4[0] - MARGIN - 58,
          y: A4[1] - MARGIN - 30,
          width: 58,
          height: 26,
          borderColor: RED,
          borderWidth: 1.5,
        });
        text(p, '样表', A4[0] - MARGIN - 47, A4[1] - MARGIN - 24, 16, RED);
      }
    };
    head(page);
    const valueW = A4[0] - 2 * MARGIN - LABEL_W;
    for (const f of fields) {
      const label = `${f.required ? '*' : ''}${f.label}`;
      const labelLines = wrapText(label, LABEL_W - 12, (s) => font.widthOfTextAtSize(s, 10.5));
      const helpLines = f.help ? wrapText(f.help, LABEL_W - 12, (s) => font.widthOfTextAtSize(s, 7.5)) : [];
      const unit = f.unit ?? '';
      const unitW = unit ? font.widthOfTextAtSize(unit, 10) + 8 : 0;
      const value = valueText(f, values[f.key]);
      const valueLines = value ? wrapText(value, valueW - 14 - unitW, (s) => font.widthOfTextAtSize(s, 10)) : [];
      const height = Math.max(
        26,
        labelLines.length * 13 + helpLines.length * 9.5 + 10,
        valueLines.length * 13 + 12,
        f.type === 'text' ? 52 : 0,
      );
      if (y - height < MARGIN + 90) {
        page = d.addPage(A4);
        y = A4[1] - MARGIN;
        head(page);
      }
      page.drawRectangle({
        x: MARGIN,
        y: y - height,
        width: LABEL_W,
        height,
        borderColor: LINE,
        borderWidth: 0.7,
        color: rgb(0.95, 0.95, 0.95),
      });
      page.drawRectangle({
        x: MARGIN + LABEL_W,
        y: y - height,
        width: valueW,
        height,
        borderColor: LINE,
        borderWidth: 0.7,
      });
      let ly = y - 15;
      for (const l of labelLines) {
        text(page, l, MARGIN + 6, ly, 10.5);
        ly -= 13;
      }
      for (const l of helpLines) {
        text(page, l, MARGIN + 6, ly + 2, 7.5, GREY);
        ly -= 9.5;
      }
      let vy = y - 16;
      for (const l of valueLines) {
        text(
          page,
          l,
          MARGIN + LABEL_W + 7,
          vy,
          10,
          kind === 'sample' && f.type !== 'choice' ? rgb(0.05, 0.2, 0.55) : INK,
        );
        vy -= 13;
      }
      if (unit) text(page, unit, A4[0] - MARGIN - unitW + 2, y - 16, 10, GREY);
      y -= height;
    }
    y -= 18;
    for (const l of wrapText(DECLARATION, A4[0] - 2 * MARGIN, (s) => font.widthOfTextAtSize(s, 9.5))) {
      text(page, l, MARGIN, y, 9.5);
      y -= 13;
    }
    y -= 20;
    const signer = kind === 'sample' ? String(values.applicantName ?? '张晓明') : '';
    text(page, `申请人（签名或盖章）：${signer}`, MARGIN, y, 10.5);
    text(page, kind === 'sample' ? '日期：2026年12月1日' : '日期：        年      月      日', A4[0] / 2 + 40, y, 10.5);
    text(page, '标 * 的为必填项。也可登录通办平台在线填报，信息将自动校验。', MARGIN, MARGIN - 10, 8, GREY);
  });
  doc.setTitle(kind === 'sample' ? `${title}（示例样表）` : `${title}（空白表格）`);
  return doc.save();
}
