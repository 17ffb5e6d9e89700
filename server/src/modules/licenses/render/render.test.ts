import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf as renderLicencePdf, renderPng } from './render.js';
import { renderPdf } from '../../../test/render-pdf.js';
import type { HolderView } from '../present.js';

const MANAGER_ID = '520102198801010012';

/** A 食品经营许可证 with a long name, address and scope, and a 食品安全管理人员 who is not the holder. */
const licence = {
  id: 'l-1',
  number: 'JY15201020000123',
  version: 1,
  type: { code: 'FOOD_LICENSE', name: '食品经营许可证' },
  issuer: { departmentId: 'd-1', name: '贵阳市云岩区市场监督管理局', creditCode: '11520103MB1234567X' },
  issuedAt: new Date('2026-11-20T02:00:00Z'),
  validFrom: '2026-11-20',
  validUntil: '2031-11-19',
  status: 'valid',
  holder: {
    kind: 'enterprise',
    id: '91520103MA6DXXXX1K',
    name: '贵州省贵阳市云岩区黔味轩老字号特色风味餐饮管理服务有限责任公司中华北路分店',
  },
  data: {
    operatorName: '贵州省贵阳市云岩区黔味轩老字号特色风味餐饮管理服务有限责任公司中华北路分店',
    premises:
      '贵州省贵阳市云岩区中华北路街道办事处中华北路与延安中路交叉口东南角贵阳国际金融中心二期商务区第三栋第一层至第三层101-305号商铺',
    format: '餐饮服务经营者（中型餐馆）',
    items:
      '热食类食品制售；冷食类食品制售（含烧卤熟肉）；生食类食品制售（不含生食水产品）；糕点类食品制售（不含裱花蛋糕）；自制饮品制售',
    safetyManager: '王小明',
    safetyManagerId: MANAGER_ID,
  },
  statusReason: null,
  previousNumber: null,
  signature: { alg: 'Ed25519', kid: 'ed-1', value: 'x'.repeat(86) },
  verificationUrl: 'https://tongban.example/licenses/verify?number=JY15201020000123&signature=abc',
} as unknown as HolderView;

describe('licence faces', { timeout: 30_000 }, () => {
  it('print a third person’s ID number masked, and render in poppler and MuPDF with long names wrapped', async () => {
    const r = await renderPdf(await renderLicencePdf(licence), { name: 'licence-food-long' });
    expect(r.errors).toEqual([]);
    const text = r.text.replace(/\s+/g, '');
    expect(text).toContain('食品经营许可证');
    expect(text).not.toContain(MANAGER_ID);
    expect(text).toContain('520102********0012');
    // Wrapped, not cut: every character of the long address is on the page.
    expect(text).toContain(String(licence.data.premises));
    expect(r.ink({ x: 60, y: 752, width: 475, height: 40 }).mupdf).toBeGreaterThan(0.05);
  });

  it('as an image too, with no value running past its column into the QR code', async () => {
    const png = await renderPng(licence);
    const out = process.env.RENDER_DIR ?? path.join(os.tmpdir(), 'tongban-documents');
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, 'licence-food-long-image.png'), png);
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
  });
});
