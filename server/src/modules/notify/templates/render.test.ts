import { describe, expect, it } from 'vitest';
import { localVars, MESSAGE_KINDS } from './catalogue.js';
import { render, variablesOf } from './render.js';

const decided = MESSAGE_KINDS['case-decided'].text['zh-CN'];
const hostile = {
  itemName: '<script>alert(1)</script>【某银行】',
  trackingCode: 'T1\r\nBcc: victim@example.com',
  decision: '准予许可',
  decisionNo: '许〔2026〕000001号',
};

describe('render', () => {
  it('escapes markup in e-mail: the HTML part has no tag of the variables, the subject stays one line', () => {
    const out = render({ title: '结果 {{trackingCode}}', body: decided.body }, hostile, 'email');
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.html).not.toContain('<script>');
    expect(out.title).not.toMatch(/[\r\n]/);
    expect(out.title).toBe('结果 T1 Bcc: victim@example.com');
  });

  it('drops a forged signature and angle brackets from SMS', () => {
    const out = render(decided, hostile, 'sms');
    expect(out.text).not.toMatch(/[【】<>]/);
    expect(out.text).toContain('scriptalert(1)/script某银行');
    expect(out.text).toContain('许〔2026〕000001号');
  });

  it('caps WeChat values at 20 characters and names the variables of a text', () => {
    const out = render({ title: 't', body: '{{itemName}}' }, { itemName: '一'.repeat(30) }, 'wechat');
    expect(out.text).toBe(`${'一'.repeat(19)}…`);
    expect(variablesOf('您好 {{ name }}，{{code}}')).toEqual(['name', 'code']);
  });
});

describe('localVars', () => {
  it('says how many a digest holds in the recipient’s language, and decisions as words', () => {
    expect(localVars({ subject: '食品经营许可', count: '3' }, 'zh-CN').subject).toBe('食品经营许可 等 3 项');
    expect(localVars({ subject: 'Food licence', count: '3' }, 'en').subject).toBe('Food licence and 2 more');
    expect(localVars({ subject: '食品经营许可' }, 'zh-CN').subject).toBe('食品经营许可');
    expect(localVars({ decision: 'approved' }, 'en').decision).toBe('approved');
    expect(localVars({ decision: 'refused' }, 'zh-CN').decision).toBe('不予');
  });

  it('names a policy in the recipient’s language and a benefit’s amount with its unit, or the policy’s standard', () => {
    const granted = { policyName: '生育津贴', policyNameEn: 'maternity allowance', amount: '15680' };
    expect(localVars(granted, 'zh-CN')).toMatchObject({ policyName: '生育津贴', amount: '15,680 元' });
    expect(localVars(granted, 'en')).toMatchObject({ policyName: 'maternity allowance', amount: 'CNY 15,680' });
    expect(localVars({ ...granted, amount: '' }, 'zh-CN').amount).toBe('按政策标准');
    const text = MESSAGE_KINDS['benefit-granted'].text.en;
    expect(render(text, localVars({ ...granted, amount: '' }, 'en'), 'sms').text).toContain(
      '"maternity allowance": it has been granted without an application (as the policy sets)',
    );
  });
});
