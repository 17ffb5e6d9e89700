/**
 * One policy in the console: its versions with the period each is judged in, the conditions of the
 * version in force in words, its examples run, a dry run per county, its reach in my region, and
 * the draft → review → publish flow.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../../ui/useEnglish';
import { dryRun, getPolicy, policyReach, type PolicyAdminDetail, type PolicyReach } from './api';
import { DraftPanel } from './DraftPanel';
import './policyadmin.css';

type Version = PolicyAdminDetail['versions'][number];
type Example = PolicyAdminDetail['examples'][number];
type Counts = PolicyReach['byCounty'][number];
const say = (en: boolean, x: { zh: string; en: string }) => (en ? x.en : x.zh);

function Versions({ policy }: { policy: PolicyAdminDetail }) {
  const { t } = useTranslation('policyadmin');
  const en = useEnglish();
  const inForce = policy.versions.find((v) => v.inForce);
  return (
    <section className="tb-policyadmin__section" aria-labelledby="pa-versions">
      <h2 id="pa-versions">{t('versions.title')}</h2>
      <Table<Version>
        rowKey="version"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={policy.versions}
        columns={[
          { title: t('versions.version'), render: (_, v) => t('list.version', { n: v.version }) },
          {
            title: t('versions.period'),
            render: (_, v) =>
              v.effectiveTo
                ? t('versions.range', { from: v.effectiveFrom, to: v.effectiveTo })
                : t('versions.from', { from: v.effectiveFrom }),
          },
          {
            title: t('versions.status'),
            render: (_, v) => (
              <>
                {t(`status.${v.status}`)}{' '}
                {v.inForce ? <span className="tb-policyadmin__tag">{t('versions.inForce')}</span> : null}
              </>
            ),
          },
          {
            title: t('versions.amounts'),
            render: (_, v) => v.amounts.map((a) => `${say(en, a.region)} ${a.amount}`).join(en ? '; ' : '；') || '—',
          },
          {
            title: t('versions.people'),
            render: (_, v) =>
              v.source === 'code' ? t('versions.code') : [v.draftedBy, v.reviewedBy].filter(Boolean).join(' / '),
          },
        ]}
      />
      {inForce ? (
        <>
          <h3>{t('versions.conditions')}</h3>
          <ul className="tb-policyadmin__conditions">
            {inForce.conditions.map((c) => (
              <li key={c.zh}>{say(en, c)}</li>
            ))}
          </ul>
          <p>
            {t('versions.legalBasis')}
            {en ? ': ' : '：'}
            {inForce.legalBasis}
          </p>
        </>
      ) : null}
    </section>
  );
}

function Examples({ examples }: { examples: Example[] }) {
  const { t } = useTranslation('policyadmin');
  const en = useEnglish();
  return (
    <section className="tb-policyadmin__section" aria-labelledby="pa-examples">
      <h2 id="pa-examples">{t('examples.title')}</h2>
      <Table<Example>
        rowKey={(e) => `${e.name}-${e.on}`}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={examples}
        columns={[
          { title: t('examples.name'), dataIndex: 'name' },
          { title: t('examples.on'), dataIndex: 'on' },
          { title: t('examples.expected'), render: (_, e) => say(en, e.expected) },
          {
            title: t('examples.result'),
            render: (_, e) =>
              e.passed ? (
                <span className="tb-policyadmin__tag tb-policyadmin__tag--ok">{t('examples.passed')}</span>
              ) : (
                <span className="tb-policyadmin__tag tb-policyadmin__tag--bad">
                  {t('examples.failed', { actual: say(en, e.actual) })}
                </span>
              ),
          },
        ]}
      />
    </section>
  );
}

function DryRunPanel({ code, today }: { code: string; today: string }) {
  const { t } = useTranslation('policyadmin');
  const en = useEnglish();
  const run = useMutation({ mutationFn: (on: string) => dryRun(code, on) });
  return (
    <section className="tb-policyadmin__section" aria-labelledby="pa-dry-run">
      <h2 id="pa-dry-run">{t('dryRun.title')}</h2>
      <p>{t('dryRun.lead')}</p>
      <Form layout="inline" className="tb-policyadmin__inline" onFinish={(v: { on: string }) => run.mutate(v.on)}>
        <Form.Item name="on" label={t('dryRun.on')} initialValue={today}>
          <Input type="date" />
        </Form.Item>
        <Button htmlType="submit" loading={run.isPending}>
          {t('dryRun.run')}
        </Button>
      </Form>
      {run.isError ? <ProblemAlert error={run.error} /> : null}
      {run.data ? (
        <>
          <p role="status">{t('dryRun.result', run.data)}</p>
          <Table
            rowKey={(r) => r.region.zh}
            size="small"
            pagination={false}
            dataSource={run.data.regions}
            columns={[
              { title: t('dryRun.region'), render: (_, r) => say(en, r.region) },
              { title: t('dryRun.eligible'), align: 'right', dataIndex: 'eligible' },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

function Reach({ code }: { code: string }) {
  const { t } = useTranslation('policyadmin');
  const en = useEnglish();
  const reach = useQuery({
    queryKey: ['policyadmin', 'reach', code],
    queryFn: ({ signal }) => policyReach(code, signal),
  });
  if (reach.isError) return <ProblemAlert error={reach.error} />;
  if (!reach.data) return null;
  const r = reach.data;
  const rows: Counts[] = [...r.byCounty, { ...r.total, region: { zh: t('reach.total'), en: t('reach.total') } }];
  const figure = (n: number | null) => (n === null ? '—' : n);
  return (
    <section className="tb-policyadmin__section" aria-labelledby="pa-reach">
      <h2 id="pa-reach">{t('reach.title')}</h2>
      <p>
        {r.judgedOn
          ? t('reach.lead', { region: say(en, r.region), on: r.judgedOn })
          : t('reach.never', { region: say(en, r.region) })}
      </p>
      <Table<Counts>
        rowKey={(c) => c.region.zh}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reach.empty') }}
        dataSource={r.byCounty.length ? rows : []}
        columns={[
          { title: t('reach.region'), render: (_, c) => say(en, c.region) },
          ...(['eligible', 'told', 'applied', 'granted', 'refused', 'declined', 'underReview'] as const).map((k) => ({
            title: t(`reach.${k}`),
            align: 'right' as const,
            render: (_: unknown, c: Counts) => figure(c[k]),
          })),
        ]}
      />
    </section>
  );
}

export default function PolicyPage() {
  const { t } = useTranslation('policyadmin');
  const en = useEnglish();
  const { code = '' } = useParams();
  const policy = useQuery({
    queryKey: ['policyadmin', 'policy', code],
    queryFn: ({ signal }) => getPolicy(code, signal),
  });
  useDocumentTitle(policy.data ? say(en, policy.data.name) : t('title'));
  if (policy.isError) return <ProblemAlert error={policy.error} onRetry={() => void policy.refetch()} />;
  if (!policy.data) return <PageLoading />;
  const p = policy.data;
  return (
    <>
      <p>
        <Link to="/admin/policies">{t('back')}</Link>
      </p>
      <header className="tb-page-header">
        <h1>{say(en, p.name)}</h1>
        <p>
          <span className="tb-policyadmin__tag">{t(`mode.${p.mode}`)}</span> {say(en, p.summary)}
        </p>
      </header>
      <Versions policy={p} />
      <DraftPanel policy={p} />
      <Examples examples={p.examples} />
      <DryRunPanel code={p.code} today={p.on} />
      <Reach code={p.code} />
    </>
  );
}
