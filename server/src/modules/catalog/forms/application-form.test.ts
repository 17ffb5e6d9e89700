import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../../../contracts/catalog.js';
import { makeIdNumber } from '../../../platform/validators/index.js';
import { jsonSchemaOf, validateApplicationForm } from './application-form.js';

const fields: FormField[] = [
  { key: 'shopName', label: '经营者名称', type: 'string', required: true, max: 50 },
  { key: 'area', label: '经营场所面积', type: 'number', required: true, min: 1, max: 100000 },
  { key: 'kind', label: '主体业态', type: 'choice', required: true, options: ['餐饮服务经营者', '单位食堂'] },
  { key: 'openOn', label: '拟开业日期', type: 'date', required: false },
  { key: 'manager', label: '食品安全管理人员身份证号', type: 'idNumber', required: true },
  { key: 'phone', label: '联系电话', type: 'phone', required: true },
];
const good = {
  shopName: '黔味小吃',
  area: 60,
  kind: '餐饮服务经营者',
  openOn: '2026-12-01',
  manager: makeIdNumber('520103', '1990-05-01', 17),
  phone: '13812345678',
};

describe('application forms', () => {
  it('produces a closed JSON Schema with the required fields', () => {
    const schema = jsonSchemaOf(fields) as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { format?: string }>;
    };
    expect(schema.required).toEqual(['shopName', 'area', 'kind', 'manager', 'phone']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.manager!.format).toBe('id-number');
  });

  it('accepts a good form and names every problem of a bad one', () => {
    expect(validateApplicationForm(fields, good)).toEqual([]);
    const errors = validateApplicationForm(fields, {
      ...good,
      area: 0,
      kind: '酒吧',
      openOn: '2026-02-30',
      manager: good.manager.slice(0, 17) + (good.manager[17] === '0' ? '1' : '0'),
      phone: undefined,
      extra: 1,
    });
    expect(errors.map((e) => e.field).sort()).toEqual([
      'form.area',
      'form.extra',
      'form.kind',
      'form.manager',
      'form.openOn',
      'form.phone',
    ]);
    expect(errors.find((e) => e.field === 'form.phone')!.message.zh).toContain('联系电话');
  });

  it('accepts any valid ID number and refuses it with any other check character', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2005 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(...'0123456789X'),
        (y, m, d, seq, other) => {
          const id = makeIdNumber('520103', `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, seq);
          expect(validateApplicationForm(fields, { ...good, manager: id })).toEqual([]);
          if (other !== id[17])
            expect(
              validateApplicationForm(fields, { ...good, manager: id.slice(0, 17) + other }).map((e) => e.field),
            ).toEqual(['form.manager']);
        },
      ),
    );
  });

  it('takes remarks only when the item has no form, naming every undeclared field', () => {
    expect(validateApplicationForm([], {})).toEqual([]);
    expect(validateApplicationForm([], { remarks: '下午到窗口' })).toEqual([]);
    const errors = validateApplicationForm([], { whatever: true, idNumber: '520103199005010017', remarks: 1 });
    expect(errors.map((e) => [e.field, e.code]).sort()).toEqual([
      ['form.idNumber', 'CASES.FORM_UNKNOWN_FIELD'],
      ['form.remarks', 'CASES.FORM_INVALID'],
      ['form.whatever', 'CASES.FORM_UNKNOWN_FIELD'],
    ]);
  });
});
