import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ItemGuide, type ItemGuideInput } from '../../../../contracts/catalog.js';
import { checkGuide } from './guide-rules.js';

const base: ItemGuideInput = {
  basicCode: '000101001000',
  name: '食品经营许可（新办）',
  itemType: '01',
  exerciseLevel: '4',
  implementerNature: '1',
  serviceObjects: ['2'],
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  conditions: ['有与经营的食品品种、数量相适应的经营场所'],
  materials: [
    {
      name: '食品经营许可申请书',
      originals: 1,
      copies: 0,
      form: 'either',
      necessity: 'required',
      source: 'online_form',
    },
  ],
  processSteps: [
    { name: '受理', days: 0 },
    { name: '审查', days: 5 },
    { name: '决定', days: 2 },
  ],
  legalLimitDays: 10,
  promisedLimitDays: 7,
  fees: [],
  venue: '政务服务中心',
  hours: '周一至周五',
  consultPhone: '0851-1',
  complaintPhone: '0851-12345',
  visits: 1,
  visitReason: '现场核查经营场所',
  onlineDepth: [1, 2, 3, 4],
  handlingForms: ['1', '2'],
  provinceWide: false,
  caseKind: '2',
  result: { name: '食品经营许可证', type: 'license' },
  deliveryMethods: ['pickup', 'post'],
};
const guide = (patch: Partial<ItemGuideInput> = {}) => ItemGuide.parse({ ...base, ...patch });
const codes = (g: ReturnType<typeof guide>) => checkGuide(g).map((e) => e.code);

describe('guide invariants', () => {
  it('accepts a consistent guide', () => {
    expect(checkGuide(guide())).toEqual([]);
  });

  it('reports every violation at once', () => {
    const g = guide({
      promisedLimitDays: 12,
      visits: 0,
      visitReason: '',
      deliveryMethods: ['pickup'],
      materials: [{ ...base.materials[0]!, originals: 0 }],
    });
    expect(codes(g)).toEqual(
      expect.arrayContaining([
        'CATALOG.PROMISED_EXCEEDS_LEGAL',
        'CATALOG.MATERIAL_ZERO_COPIES',
        'CATALOG.ZERO_VISIT_NOT_ONLINE',
        'CATALOG.ZERO_VISIT_NO_DELIVERY',
      ]),
    );
  });

  it('flags a promised limit longer than the legal one exactly when it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 }), (legal, promised) => {
        const g = guide({
          legalLimitDays: legal,
          promisedLimitDays: promised,
          processSteps: [{ name: '受理', days: 0 }],
        });
        expect(codes(g).includes('CATALOG.PROMISED_EXCEEDS_LEGAL')).toBe(promised > legal);
      }),
    );
  });

  it('ties 即办件 to a zero promise and 承诺件 to a positive one', () => {
    expect(codes(guide({ caseKind: '1' }))).toContain('CATALOG.IMMEDIATE_WITH_LIMIT');
    expect(codes(guide({ caseKind: '2', promisedLimitDays: 0, processSteps: [{ name: '受理', days: 0 }] }))).toContain(
      'CATALOG.PROMISED_WITHOUT_LIMIT',
    );
  });

  it('requires a license type for materials taken from the e-license library', () => {
    expect(codes(guide({ materials: [{ ...base.materials[0]!, source: 'e_license' }] }))).toContain(
      'CATALOG.LICENSE_TYPE_MISSING',
    );
  });
});
