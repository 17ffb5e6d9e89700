import { Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemError } from '../../app/http';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { normaliseCode, qrUrl } from './api';
import { useDisplayName } from '../../ui/useDisplayName';
import { EventList, Fact, ProgressSteps, StatusBadge } from './CaseBits';
import { useEnglish } from '../../ui/useEnglish';
import { shortDate } from '../../ui/format';
import { useTracking } from './queries';
import type { CaseStatus } from './api';
import { BundleTrack } from './forms';
import './cases.css';

/** 全程一码: anyone with the code sees the progress and the QR code, never the applicant. */
function TrackResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const en = useEnglish();
  const name = useDisplayName();
  const tracking = useTracking(code);
  if (tracking.isPending) return <PageLoading rows={4} />;
  if (tracking.isError) {
    const missing = tracking.error instanceof ProblemError && tracking.error.status === 404;
    return missing ? (
      <p className="tb-panel tb-case-missing" role="alert">
        {t('cases.track.notFound')}
      </p>
    ) : (
      <ProblemAlert error={tracking.error} onRetry={() => void tracking.refetch()} />
    );
  }
  const d = tracking.data;
  // 一件事: the bundle's one code shows every case inside it.
  if (d.kind === 'bundle')
    return (
      <div className="tb-track-result">
        <BundleTrack bundle={d} statusBadge={(s) => <StatusBadge status={s as CaseStatus} />} />
        {d.bundleId ? <Link to="/me/cases">{t('cases.track.openCase')}</Link> : null}
      </div>
    );
  return (
    <div className="tb-track-result">
      <section className="tb-panel tb-case-section" aria-labelledby="track-result">
        <h2 id="track-result">
          {d.itemName} <StatusBadge status={d.status} />
        </h2>
        <ProgressSteps status={d.status} />
        <dl className="tb-facts">
          <Fact label={t('cases.fields.trackingCode')}>
            <span className="tb-code">{d.trackingCode}</span>
          </Fact>
          <Fact label={t('cases.fields.status')}>{name('caseStatus', d.status)}</Fact>
          <Fact label={t('cases.fields.submittedAt')}>{shortDate(d.submittedOn, en)}</Fact>
          {d.acceptedOn ? <Fact label={t('cases.fields.acceptedOn')}>{shortDate(d.acceptedOn, en)}</Fact> : null}
          {d.dueOn ? <Fact label={t('cases.fields.dueOn')}>{shortDate(d.dueOn, en)}</Fact> : null}
          {d.decidedOn ? <Fact label={t('cases.fields.decidedAt')}>{shortDate(d.decidedOn, en)}</Fact> : null}
        </dl>
        {d.caseId ? <Link to={`/me/cases/${d.caseId}`}>{t('cases.track.openCase')}</Link> : null}
      </section>
      <section className="tb-panel tb-case-section" aria-labelledby="track-steps">
        <h2 id="track-steps">{t('cases.track.steps')}</h2>
        <EventList events={d.steps.map((s) => ({ at: s.on, type: s.step }))} />
      </section>
      <section className="tb-panel tb-case-section tb-track-qr" aria-labelledby="track-qr">
        <h2 id="track-qr">{t('cases.track.qr')}</h2>
        <img
          src={qrUrl(d.trackingCode)}
          alt={t('cases.track.qrAlt', { code: d.trackingCode })}
          width={180}
          height={180}
        />
        <p className="tb-muted tb-small">{t('cases.track.qrHelp')}</p>
      </section>
    </div>
  );
}

export function TrackPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  useDocumentTitle(code ? `${t('cases.track.title')} ${code}` : t('cases.track.title'));
  useEffect(() => form.setFieldsValue({ code: code ?? '' }), [code, form]);
  return (
    <div className="tb-container tb-page tb-cases">
      <header className="tb-page-header">
        <h1>{t('cases.track.title')}</h1>
        <p className="tb-muted">{t('cases.track.intro')}</p>
      </header>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        className="tb-panel tb-track-form"
        role="search"
        aria-label={t('cases.track.title')}
        onFinish={(v) => void navigate(`/track/${encodeURIComponent(normaliseCode(v.code))}`)}
      >
        <Form.Item
          name="code"
          label={t('cases.track.code')}
          extra={t('cases.track.codeHelp')}
          rules={[{ required: true, whitespace: true, message: t('cases.track.codeInvalid') }, { max: 20 }]}
        >
          <Input size="large" className="tb-code-input" autoComplete="off" spellCheck={false} maxLength={20} />
        </Form.Item>
        <Button autoInsertSpace={false} type="primary" size="large" htmlType="submit">
          {t('cases.track.submit')}
        </Button>
      </Form>
      <div aria-live="polite">{code ? <TrackResult code={code} /> : null}</div>
    </div>
  );
}

export default TrackPage;
