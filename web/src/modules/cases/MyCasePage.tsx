import { Button, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMe } from '../identity';
import * as api from './api';
import { CaseClockFacts, Fact, isConflict, ProgressSteps, StatusBadge } from './CaseBits';
import { useEnglish } from '../../ui/useEnglish';
import { CaseResults } from './CaseResults';
import { CaseMaterialUploads } from './completeness/CaseMaterialUploads';
import { MaterialsSection } from './MaterialsSection';
import { RatingSection } from './RatingSection';
import { WITHDRAWABLE } from './model';
import { shortDate } from '../../ui/format';
import { useCase, useCaseStep } from './queries';
import { CaseEvents } from './view/CaseEvents';
import { CaseLicences } from './view/CaseLicences';
import { FormView } from './view/FormView';
import { AutoDecision } from './view/AutoDecision';
import { useDisplayName } from '../../ui/useDisplayName';
import './cases.css';

function ApplicantActions({ c }: { c: api.CaseDetail }) {
  const { t } = useTranslation();
  const [done, setDone] = useState('');
  const supplement = useCaseStep((note: string) => api.supplement(c.id, note));
  const withdraw = useCaseStep((reason: string) => api.withdraw(c.id, reason));
  const [reason, setReason] = useState('');
  const canSupplement = c.status === 'awaiting_supplement';
  // The window's one-time notice (一次性告知): the latest request for supplements.
  const notice = [...c.events].reverse().find((e) => e.type === 'supplement-requested')?.detail;
  const canWithdraw = WITHDRAWABLE.includes(c.status);
  const error = supplement.error ?? withdraw.error;

  return (
    <section className="tb-panel tb-case-section" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('cases.applicant.actions')}</h2>
      <p role="status" aria-live="polite" className="tb-text-green">
        {done}
      </p>
      {error ? (
        <ProblemAlert error={error} title={isConflict(error) ? t('cases.task.conflictRefreshed') : undefined} />
      ) : null}
      {!canSupplement && !canWithdraw ? <p>{t('cases.applicant.none')}</p> : null}
      {canSupplement ? (
        <div className="tb-case-action">
          <h3>{t('cases.applicant.supplementTitle')}</h3>
          <p>{t('cases.applicant.supplementHelp')}</p>
          {notice?.items?.length ? (
            <div>
              <p>{t('cases.applicant.supplementNoticeItems')}</p>
              <ol>
                {notice.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ol>
              {notice.note ? <p className="tb-muted">{notice.note}</p> : null}
            </div>
          ) : (
            <p className="tb-muted tb-small">{t('cases.applicant.supplementNoticeMissing')}</p>
          )}
          <CaseMaterialUploads caseId={c.id} status={c.status} noticeItems={notice?.items} />
          <Form
            layout="vertical"
            requiredMark={false}
            aria-label={t('cases.applicant.supplementTitle')}
            onFinish={(v: { note?: string }) => {
              setDone('');
              supplement.mutate(v.note?.trim() ?? '', { onSuccess: () => setDone(t('cases.applicant.supplemented')) });
            }}
          >
            <Form.Item name="note" label={t('cases.applicant.supplementNote')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button autoInsertSpace={false} type="primary" htmlType="submit" loading={supplement.isPending}>
              {t('cases.applicant.supplementSubmit')}
            </Button>
          </Form>
        </div>
      ) : null}
      {canWithdraw ? (
        <div className="tb-case-action">
          <h3>{t('cases.applicant.withdrawTitle')}</h3>
          <label className="tb-field">
            <span>{t('cases.applicant.withdrawReason')}</span>
            <Input.TextArea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <Popconfirm
            title={t('cases.applicant.withdrawConfirm')}
            okText={t('cases.applicant.withdrawSubmit')}
            cancelText={t('cases.workbench.cancel')}
            okButtonProps={{ danger: true, autoInsertSpace: false }}
            onConfirm={() => {
              setDone('');
              withdraw.mutate(reason.trim(), { onSuccess: () => setDone(t('cases.applicant.withdrawn')) });
            }}
          >
            <Button autoInsertSpace={false} danger loading={withdraw.isPending}>
              {t('cases.applicant.withdrawSubmit')}
            </Button>
          </Popconfirm>
        </div>
      ) : null}
    </section>
  );
}

function CaseView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('complaints');
  const en = useEnglish();
  const name = useDisplayName();
  const c = useCase(id);
  useDocumentTitle(c.data ? c.data.itemName : t('cases.detail.title'));
  if (c.isPending) return <PageLoading />;
  if (c.isError) return <ProblemAlert error={c.error} onRetry={() => void c.refetch()} />;
  const d = c.data;
  // 免申即享: the system filed it from the registries; there is no form or material to show or owe.
  const system = d.filedBySystem;
  return (
    <>
      <header className="tb-page-header">
        <p>
          <Link to="/me/cases">{t('cases.detail.back')}</Link>
        </p>
        <h1>{d.itemName}</h1>
        <p>
          <StatusBadge status={d.status} /> <span className="tb-code">{d.trackingCode}</span>
        </p>
      </header>
      <ProgressSteps status={d.status} />
      <section className="tb-panel tb-case-section" aria-labelledby="case-facts">
        <h2 id="case-facts">{t('cases.detail.facts')}</h2>
        <dl className="tb-facts">
          <Fact label={t('cases.fields.trackingCode')}>
            <span className="tb-code">{d.trackingCode}</span>{' '}
            <Link to={`/track/${d.trackingCode}`}>{t('cases.detail.trackLink')}</Link>
            {' · '}
            <Link to={`/me/complaints?case=${d.id}&code=${d.trackingCode}`}>{tc('complainLink')}</Link>
          </Fact>
          <Fact label={t('cases.fields.status')}>{name('caseStatus', d.status)}</Fact>
          <CaseClockFacts d={d} />
          {d.decidedAt ? <Fact label={t('cases.fields.decidedAt')}>{shortDate(d.decidedAt, en)}</Fact> : null}
          {d.decisionNote ? <Fact label={t('cases.fields.decisionNote')}>{d.decisionNote}</Fact> : null}
          <CaseLicences c={d} forApplicant />
        </dl>
      </section>
      <ApplicantActions c={d} />
      <AutoDecision c={d} />
      {system ? null : <FormView fields={d.formFields} form={d.form} headingId="case-form" masked={false} />}
      {d.status !== 'awaiting_supplement' && !system ? (
        <CaseMaterialUploads caseId={d.id} status={d.status} asSection />
      ) : null}
      <CaseResults c={d} />
      {api.DECIDED.includes(d.status) ? <RatingSection caseId={d.id} /> : null}
      {system ? null : <MaterialsSection caseId={d.id} headingId="case-materials" />}
      <section className="tb-panel tb-case-section" aria-labelledby="case-history">
        <h2 id="case-history">{t('cases.detail.history')}</h2>
        <CaseEvents c={d} staff={false} />
      </section>
    </>
  );
}

export function MyCasePage() {
  const { id = '' } = useParams();
  const me = useMe();
  if (me.isPending)
    return (
      <div className="tb-container tb-page">
        <PageLoading />
      </div>
    );
  if (me.isError)
    return (
      <div className="tb-container tb-page">
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  if (me.data.kind === 'anonymous')
    return <Navigate to={`/login?returnTo=${encodeURIComponent(`/me/cases/${id}`)}`} replace />;
  if (me.data.kind === 'staff') return <Navigate to={`/workbench/cases/${id}`} replace />;
  return (
    <div className="tb-container tb-page tb-cases">
      <CaseView id={id} />
    </div>
  );
}

export default MyCasePage;
