/**
 * 新建政策: a policy officer makes a policy without a programmer — its words, whom it is for, how it
 * is given, conditions from the fact catalogue, amounts by region, the effective date and legal
 * basis, and test cases. Saved as draft version 1, its test cases run at once (the answer lists
 * them); the draft can be dry-run per county here, then submitted and reviewed on the policy's page.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Table } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Announcement } from '../../ui/Announcement';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../../ui/useEnglish';
import { createPolicy, dryRunDraft, factCatalogue, type FactView, type NewPolicyBody } from './api';
import { ConditionsField, ExamplesField, type ConditionValues, type Region } from './RuleFields';
import './policynew.css';

const EVENTS = [
  'birth',
  'death',
  'marriage',
  'divorce',
  'relocation',
  'enterprise_established',
  'enterprise_cancelled',
] as const;

interface ExampleValues {
  name: string;
  on: string;
  facts: Record<string, string | number | null | undefined>;
  eligible: boolean;
  amount?: number | null;
}
interface Values {
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  subject: 'person' | 'enterprise';
  mode: 'automatic' | 'offer';
  period: 'once' | 'year' | 'month';
  triggers: string[];
  when: ConditionValues[];
  amounts: Record<string, number | null | undefined>;
  effectiveFrom: string;
  legalBasis: string;
  examples: ExampleValues[];
}

/** The form as the API's body; a region condition gets its words in both languages. */
function bodyOf(
  v: Values,
  facts: readonly FactView[],
  zh: TFunction<'policynew'>,
  en: TFunction<'policynew'>,
): NewPolicyBody {
  const when = v.when.map((c) => {
    const fact = facts.find((f) => f.fact === c.fact)!;
    if (fact.kind === 'region') {
      const r = c.region as Region;
      const label = {
        zh: zh('within', { fact: fact.label.zh, region: zh(`regions.${r}`) }),
        en: en('within', { fact: fact.label.en, region: en(`regions.${r}`) }),
      };
      return { fact: 'region' as const, op: 'within' as const, regions: [r], label };
    }
    if (fact.kind === 'enum') return { fact: fact.fact, op: c.op as 'in' | 'notIn', values: c.values ?? [] };
    return { fact: fact.fact, op: c.op as 'gte', value: c.value ?? 0 };
  });
  const amounts = Object.fromEntries(Object.entries(v.amounts ?? {}).filter(([, a]) => typeof a === 'number'));
  return {
    name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
    summary: { zh: v.summaryZh.trim(), en: v.summaryEn.trim() },
    subject: v.subject,
    mode: v.mode,
    period: v.period,
    triggers: (v.triggers ?? []) as NewPolicyBody['triggers'],
    beneficiary: 'self',
    version: {
      effectiveFrom: v.effectiveFrom,
      legalBasis: v.legalBasis.trim(),
      when,
      params: { amount: amounts as Record<string, number> },
      amount: 'amount',
      examples: (v.examples ?? []).map((e) => ({
        name: e.name.trim(),
        on: e.on,
        facts: Object.fromEntries(Object.entries(e.facts ?? {}).filter(([, x]) => x != null && x !== '')) as Record<
          string,
          string | number
        >,
        expect: { eligible: e.eligible, ...(typeof e.amount === 'number' ? { amount: e.amount } : {}) },
      })),
    },
  };
}

function Results({
  code,
  examples,
}: {
  code: string;
  examples: { name: string; passed: boolean; actual: { zh: string; en: string } }[];
}) {
  const { t } = useTranslation('policynew');
  const en = useEnglish();
  const dry = useMutation({ mutationFn: () => dryRunDraft(code, 1) });
  return (
    <section className="tb-policynew__section tb-panel" aria-labelledby="pn-results">
      <h2 id="pn-results">{t('results')}</h2>
      <ul>
        {examples.map((e) => (
          <li key={e.name}>
            {t('result', {
              name: e.name,
              outcome: e.passed ? t('passed') : t('failed', { actual: en ? e.actual.en : e.actual.zh }),
            })}
          </li>
        ))}
      </ul>
      <div className="tb-policynew__inline">
        <Button loading={dry.isPending} onClick={() => dry.mutate()}>
          {t('dryRun')}
        </Button>
        <Link to={`/admin/policies/${code}`}>{t('next')}</Link>
      </div>
      {dry.error ? <ProblemAlert error={dry.error} /> : null}
      {dry.data ? (
        <>
          <p>{t('dryRunResult', dry.data)}</p>
          <Table
            rowKey={(r) => r.region.zh}
            size="small"
            pagination={false}
            dataSource={dry.data.regions}
            columns={[
              { title: t('county'), render: (_, r) => (en ? r.region.en : r.region.zh) },
              { title: t('countEligible'), align: 'right', dataIndex: 'eligible' },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

export default function NewPolicyPage() {
  const { t, i18n } = useTranslation('policynew');
  useDocumentTitle(t('title'));
  const [form] = Form.useForm<Values>();
  const subject = (Form.useWatch('subject', form) ?? 'person') as Values['subject'];
  const catalogue = useQuery({ queryKey: ['policynew', 'facts'], queryFn: ({ signal }) => factCatalogue(signal) });
  const facts = catalogue.data?.[subject] ?? [];
  const save = useMutation({
    mutationFn: (v: Values) =>
      createPolicy(
        bodyOf(
          v,
          facts,
          i18n.getFixedT('zh-CN', 'policynew') as TFunction<'policynew'>,
          i18n.getFixedT('en', 'policynew') as TFunction<'policynew'>,
        ),
      ),
  });
  if (catalogue.isPending) return <PageLoading />;
  return (
    <>
      <header className="tb-page-header">
        <p>
          <Link to="/admin/policies">{t('back')}</Link>
        </p>
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
      </header>
      {catalogue.isError ? <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} /> : null}
      {save.data ? <Announcement>{t('saved', { name: form.getFieldValue('nameZh') as string })}</Announcement> : null}
      {save.data ? <Results code={save.data.code} examples={save.data.examples} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ subject: 'person', mode: 'automatic', period: 'once', triggers: [], when: [{}], examples: [] }}
        onFinish={(v) => save.mutate(v)}
        className="tb-policynew__form"
      >
        <section className="tb-policynew__section tb-panel" aria-labelledby="pn-basics">
          <h2 id="pn-basics">{t('basics')}</h2>
          <Form.Item name="nameZh" label={t('nameZh')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('nameEn')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="summaryZh" label={t('summaryZh')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="summaryEn" label={t('summaryEn')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="subject" label={t('subject')}>
            <Radio.Group
              options={(['person', 'enterprise'] as const).map((s) => ({ value: s, label: t(`subjects.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="mode" label={t('mode')}>
            <Radio.Group
              options={(['automatic', 'offer'] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t('period')}>
            <Select
              options={(['once', 'year', 'month'] as const).map((p) => ({ value: p, label: t(`periods.${p}`) }))}
            />
          </Form.Item>
          <Form.Item name="triggers" label={t('triggers')}>
            <Checkbox.Group options={EVENTS.map((e) => ({ value: e, label: t(`events.${e}`) }))} />
          </Form.Item>
        </section>
        <section className="tb-policynew__section tb-panel" aria-labelledby="pn-conditions">
          <h2 id="pn-conditions">{t('conditions')}</h2>
          <ConditionsField facts={facts} />
        </section>
        <section className="tb-policynew__section tb-panel" aria-labelledby="pn-amounts">
          <h2 id="pn-amounts">{t('amounts')}</h2>
          <p>{t('amountHint')}</p>
          {(['52', '5201', '5226'] as const).map((r) => (
            <Form.Item
              key={r}
              name={['amounts', r]}
              label={t('amountIn', { region: t(`regions.${r}`) })}
              rules={r === '52' ? [{ required: true }] : []}
            >
              <InputNumber min={0} step={100} />
            </Form.Item>
          ))}
        </section>
        <section className="tb-policynew__section tb-panel" aria-labelledby="pn-rule">
          <h2 id="pn-rule">{t('rule')}</h2>
          <Form.Item name="effectiveFrom" label={t('effectiveFrom')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('legalBasis')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </section>
        <section className="tb-policynew__section tb-panel" aria-labelledby="pn-examples">
          <h2 id="pn-examples">{t('examples')}</h2>
          <ExamplesField facts={facts} />
        </section>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!!save.data}>
          {t('save')}
        </Button>
      </Form>
    </>
  );
}
