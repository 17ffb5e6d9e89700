/** The question reader and the grounding check, without a database. */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../contracts/catalog.js';
import { classifyAspects } from './aspects.js';
import { composeAspect } from './compose.js';
import { ungroundedFacts, ungroundedLines } from './grounding.js';
import { maskQuestion, readQuestion, RegionNames } from './question.js';

const regions = new RegionNames([
  { code: '52', name: '贵州省' },
  { code: '5201', name: '贵阳市' },
  { code: '520102', name: '南明区' },
  { code: '5226', name: '黔东南苗族侗族自治州' },
  { code: '522631', name: '黎平县' },
]);

describe('aspects', () => {
  it('finds the aspects in the order asked and cuts their words from what is searched', () => {
    expect(classifyAspects('孩子上户口在哪办，要多久？')).toMatchObject({ aspects: ['placeTime', 'timeLimit'] });
    expect(classifyAspects('开饭店要带什么材料？').aspects).toEqual(['materials']);
    expect(classifyAspects('开饭店要带什么材料？').rest).not.toContain('材料');
    expect(classifyAspects('补办身份证要多少钱').aspects).toEqual(['fees']);
    expect(classifyAspects('能网上办吗').aspects).toEqual(['online']);
    expect(classifyAspects('要跑几次').aspects).toEqual(['visits']);
    expect(classifyAspects('咨询电话是多少').aspects).toEqual(['phone']);
    expect(classifyAspects('能全省通办吗').aspects).toEqual(['provinceWide']);
    expect(classifyAspects('驾照丢了怎么办').aspects).toEqual(['process']);
    expect(classifyAspects('我想开饭店').aspects).toEqual([]);
  });
});

describe('reading a question', () => {
  it('takes the region named, whole or short, and leaves the service', () => {
    const q = readQuestion('南明给孩子上户口在哪里办？', regions);
    expect(q.region).toEqual({ code: '520102', name: '南明区' });
    expect(q.service).toBe('给孩子上户口');
    expect(readQuestion('黔东南开饭店电话', regions).region?.code).toBe('5226');
  });

  it('leaves nothing of a follow-up, so the conversation item is meant', () => {
    expect(readQuestion('那要多少钱？', regions).service).toBe('');
    expect(readQuestion('能网上办吗', regions).service).toBe('');
    expect(readQuestion('那要跑几次呢', regions).service).toBe('');
  });

  it('knows a question about the person own cases', () => {
    expect(readQuestion('我的申请到哪一步了', regions).myCases).toBe(true);
  });

  it('masks long digit runs before a question is kept', () => {
    expect(maskQuestion('我的身份证520102199001011234丢了')).toBe('我的身份证******************丢了');
  });
});

const guide = {
  code: 'X1',
  name: '食品经营许可（新办）',
  fees: [],
  materials: [
    {
      name: '营业执照',
      originals: 1,
      copies: 0,
      necessity: 'required',
      basis: '',
      issuer: '',
      paperSpec: 'A4',
      form: 'either',
      source: 'applicant',
      instructions: '',
      acceptanceStandard: '',
    },
  ],
  promisedLimitDays: 5,
  legalLimitDays: 10,
  deliveryMethods: ['online'],
  handlingForms: ['1', '2'],
  onlineDepth: [1, 2, 3, 4],
} as unknown as Item;

describe('grounding', () => {
  it('passes an answer composed from the guide and names a line it does not hold', () => {
    const materials = composeAspect(guide, 'materials');
    expect(ungroundedLines([materials.lead, ...materials.lines], guide)).toEqual([]);
    const timeLimit = composeAspect(guide, 'timeLimit');
    expect(ungroundedLines([timeLimit.lead], guide)).toEqual([]);
    const invented = '「食品经营许可（新办）」法定办结时限10个工作日，承诺3个工作日内办结。';
    expect(ungroundedLines([invented], guide)).toEqual([invented]);
    expect(ungroundedLines(['营业执照：原件1份，复印件0份', '卫生许可证：原件1份，复印件0份'], guide)).toEqual([
      '卫生许可证：原件1份，复印件0份',
    ]);
    expect(ungroundedLines(['办理「食品经营许可（新办）」需要准备以下材料：另外请带户口本'], guide)).toHaveLength(1);
  });

  it('holds a free rephrasing to the numbers and quoted names of the guide', () => {
    expect(ungroundedFacts('一般5个工作日就能办好，最长10个工作日。', guide)).toEqual([]);
    expect(ungroundedFacts('收费200元，3天办好，还要带「卫生许可证」。', guide)).toEqual(['200', '3', '卫生许可证']);
  });
});
