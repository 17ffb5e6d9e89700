/**
 * 起草 → 提交审核 → 审核: a new version starts from the latest one (same conditions; the officer sets
 * the effective date, the legal basis and the amounts by region); a draft is saved, submitted (its
 * examples run on the server), then approved or sent back by another officer.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Announcement } from '../../ui/Announcement';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useEnglish } from '../../ui/useEnglish';
import { saveDraft, versionStep, type PolicyAdminDetail, type PolicyDraftBody, type VersionStep } from './api';

type Version = PolicyAdminDetail['versions'][number];
interface Values {
  effectiveFrom: string;
  legalBasis: string;
  amounts: Record<string, number>;
}

/** The rule of `base` with the form's date, legal basis and amounts. */
function bodyOf(base: Version, v: Values): PolicyDraftBody {
  const { rule } = base;
  const params = { ...rule.params };
  if (typeof rule.amount === 'string')
    params[rule.amount] = { ...params[rule.amount], ...Object.fromEntries(Object.entries(v.amounts)) };
  return {
    ...rule,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: null,
    legalBasis: v.legalBasis.trim(),
    params,
    amount: typeof rule.amount === 'number' ? (v.amounts[''] ?? rule.amount) : rule.amount,
    examples: [],
  };
}

export function DraftPanel({ policy }: { policy: PolicyAdminDetail }) {
  const { t } = useTranslation('policyadmin');
  const en = useEnglish();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<{ key: 'saved' | 'submitted' | 'approved' | 'rejected'; n: number } | null>(null);
  const pending = policy.versions.find((v) => v.status === 'draft' || v.status === 'in_review');
  const base = pending?.status === 'draft' ? pending : policy.versions.find((v) => v.status === 'published');
  const refresh = () => client.invalidateQueries({ queryKey: ['policyadmin'] });
  const save = useMutation({
    mutationFn: (v: Values) => saveDraft(policy.code, bodyOf(base!, v), pending?.version),
    onSuccess: async (r) => {
      setDone({ key: 'saved', n: r.version });
      await refresh();
    },
  });
  const step = useMutation({
    mutationFn: (s: VersionStep) => versionStep(policy.code, pending!.version, s),
    onSuccess: async (r, s) => {
      setDone({ key: s === 'submit' ? 'submitted' : s === 'approve' ? 'approved' : 'rejected', n: r.version });
      await refresh();
    },
  });
  const error = save.error ?? step.error;
  return (
    <section className="tb-policyadmin__section tb-panel" aria-labelledby="pa-draft">
      <h2 id="pa-draft">
        {pending ? t('draft.pending', { n: pending.version, status: t(`status.${pending.status}`) }) : t('draft.title')}
      </h2>
      {done && !error ? <Announcement>{t(`draft.${done.key}`, { n: done.n })}</Announcement> : null}
      {error ? <ProblemAlert error={error} /> : null}
      {pending?.status === 'in_review' ? (
        <div className="tb-policyadmin__inline">
          <Button type="primary" loading={step.isPending} onClick={() => step.mutate('approve')}>
            {t('draft.approve')}
          </Button>
          <Button loading={step.isPending} onClick={() => step.mutate('reject')}>
            {t('draft.reject')}
          </Button>
        </div>
      ) : base ? (
        <Form<Values>
          key={`${base.version}-${base.status}`}
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{
            effectiveFrom: pending ? base.effectiveFrom : '',
            legalBasis: base.legalBasis,
            amounts: Object.fromEntries(base.amounts.map((a) => [a.code, a.amount])),
          }}
          onFinish={(v) => save.mutate(v)}
        >
          <p>{t(pending ? 'draft.editTitle' : 'draft.lead', { n: base.version })}</p>
          <Form.Item name="effectiveFrom" label={t('draft.effectiveFrom')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('draft.legalBasis')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          {base.amounts.map((a) => (
            <Form.Item
              key={a.code}
              name={['amounts', a.code]}
              label={t('draft.amountIn', { region: en ? a.region.en : a.region.zh })}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} step={100} />
            </Form.Item>
          ))}
          <div className="tb-policyadmin__inline">
            <Button htmlType="submit" loading={save.isPending}>
              {t('draft.save')}
            </Button>
            {pending ? (
              <Button type="primary" loading={step.isPending} onClick={() => step.mutate('submit')}>
                {t('draft.submit')}
              </Button>
            ) : null}
          </div>
        </Form>
      ) : null}
    </section>
  );
}
