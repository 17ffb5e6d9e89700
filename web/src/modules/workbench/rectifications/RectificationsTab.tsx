import { Button, Form, Input, Radio } from 'antd';
import { Announcement } from '../../../ui/Announcement';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui/Badge';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { casesApi as api } from '../../cases';
import { useEnglish } from '../../../ui/useEnglish';
import { dateTime, shortDate } from '../../../ui/format';
import { useCaseStep, useRectifications } from '../../cases';

/** A due date, flagged when overdue (in words as well as colour). */
function Due({ on, overdue }: { on: string; overdue: boolean }) {
  const { t } = useTranslation();
  const en = useEnglish();
  return (
    <>
      {shortDate(on, en)} {overdue ? <Badge tone="red">{t('cases.rectification.overdue')}</Badge> : null}
    </>
  );
}

/** 回访 (open) or 整改 (called back): each names the version it saw; a 409 means someone else moved first. */
function StepForm({ r, onDone }: { r: api.Rectification; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string; resolution?: api.Resolution }>();
  const step = useCaseStep((s: api.RectificationStep) => api.rectificationStep(r.id, s));
  const callBack = r.status === 'open';
  const label = callBack ? t('cases.rectification.callBack') : t('cases.rectification.resolve');
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      aria-label={`${label} ${r.trackingCode}`}
      initialValues={{ resolution: 'immediate' }}
      onFinish={(v) =>
        step.mutate(
          callBack
            ? { kind: 'call-back', version: r.version, note: v.note.trim() }
            : { kind: 'resolve', version: r.version, resolution: v.resolution!, note: v.note.trim() },
          {
            onSuccess: () => onDone(t('cases.rectification.done', { action: label, code: r.trackingCode })),
          },
        )
      }
    >
      {step.isError ? <ProblemAlert error={step.error} /> : null}
      {callBack ? null : (
        <Form.Item name="resolution" label={t('cases.rectification.resolution')}>
          <Radio.Group
            options={api.RESOLUTIONS.map((x) => ({ value: x, label: t(`cases.rectification.resolutions.${x}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={callBack ? t('cases.rectification.callBackNote') : t('cases.rectification.note')}
        rules={[
          { required: true, whitespace: true, message: t('cases.workbench.required') },
          { max: callBack ? 1000 : 2000 },
        ]}
      >
        <Input.TextArea rows={2} maxLength={callBack ? 1000 : 2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.isPending} autoInsertSpace={false}>
        {label}
      </Button>
    </Form>
  );
}

/** 差评整改: bad reviews in my scope, most urgent first, with overdue return visits and rectifications flagged. */
export function RectificationsTab() {
  const { t } = useTranslation();
  const en = useEnglish();
  const list = useRectifications();
  const [done, setDone] = useState('');
  if (list.isPending) return <PageLoading rows={4} />;
  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Announcement>{done}</Announcement>
      <p className="tb-queue-bar">
        <span>{t('cases.workbench.count', { count: list.data.length })}</span>
        <Button autoInsertSpace={false} size="small" onClick={() => void list.refetch()} loading={list.isFetching}>
          {t('cases.workbench.refresh')}
        </Button>
      </p>
      {list.data.length === 0 ? (
        <p>{t('cases.rectification.empty')}</p>
      ) : (
        <ul className="tb-case-list" aria-label={t('cases.rectification.list')}>
          {list.data.map((r) => (
            <li
              key={r.id}
              className={`tb-panel tb-case-card${r.callBackOverdue || r.rectifyOverdue ? ' tb-task-card--overdue' : ''}`}
            >
              <div className="tb-case-card__head">
                <Link to={`/workbench/cases/${r.caseId}`} className="tb-case-card__name">
                  {r.itemName}
                </Link>
                <Badge tone={r.status === 'resolved' ? 'green' : r.status === 'withdrawn' ? 'gray' : 'orange'}>
                  {t(`cases.rectification.states.${r.status}`)}
                </Badge>
              </div>
              <dl className="tb-case-card__facts">
                <div>
                  <dt>{t('cases.fields.trackingCode')}</dt>
                  <dd className="tb-code">{r.trackingCode}</dd>
                </div>
                <div>
                  <dt>{t('cases.rating.level')}</dt>
                  <dd>{t(`cases.rating.levels.${r.level}`)}</dd>
                </div>
                <div>
                  <dt>{t('cases.rating.ratedAt')}</dt>
                  <dd>{dateTime(r.ratedAt, en)}</dd>
                </div>
                {r.status === 'open' ? (
                  <div>
                    <dt>{t('cases.rectification.callBackDue')}</dt>
                    <dd>
                      <Due on={r.callBackDue} overdue={r.callBackOverdue} />
                    </dd>
                  </div>
                ) : null}
                {r.status === 'open' || r.status === 'called_back' ? (
                  <div>
                    <dt>{t('cases.rectification.rectifyDue')}</dt>
                    <dd>
                      <Due on={r.rectifyDue} overdue={r.rectifyOverdue} />
                    </dd>
                  </div>
                ) : null}
              </dl>
              {r.comment ? <blockquote className="tb-rating-comment">{r.comment}</blockquote> : null}
              {r.status === 'open' || r.status === 'called_back' ? <StepForm r={r} onDone={setDone} /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
