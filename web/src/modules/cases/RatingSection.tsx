import { Button, Form, Input, Radio } from 'antd';
import { Announcement } from '../../ui/Announcement';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../ui/Fact';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import * as api from './api';
import { useEnglish } from '../../ui/useEnglish';
import { dateTime, shortDate } from '../../ui/format';
import { useCaseStep, useRating } from './queries';

function LevelPicker({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="level" label={label} rules={[{ required: true, message: t('cases.rating.pick') }]}>
      <Radio.Group
        className="tb-rating-levels"
        options={api.RATING_LEVELS.map((l) => ({ value: l, label: t(`cases.rating.levels.${l}`) }))}
      />
    </Form.Item>
  );
}

function RateForm({ caseId, onDone }: { caseId: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const rate = useCaseStep((v: { level: number; comment: string }) => api.rateCase(caseId, v));
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      aria-label={t('cases.rating.rate')}
      onFinish={(v: { level: number; comment?: string }) =>
        rate.mutate(
          { level: v.level, comment: v.comment?.trim() ?? '' },
          { onSuccess: () => onDone(t('cases.rating.thanks')) },
        )
      }
    >
      <p className="tb-muted">{t('cases.rating.help')}</p>
      {rate.isError ? <ProblemAlert error={rate.error} /> : null}
      <LevelPicker label={t('cases.rating.level')} />
      <Form.Item name="comment" label={t('cases.rating.comment')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={rate.isPending} autoInsertSpace={false}>
        {t('cases.rating.submit')}
      </Button>
    </Form>
  );
}

function FollowUpForm({ caseId, onDone }: { caseId: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const rate = useCaseStep((level: number) => api.rateFollowUp(caseId, level));
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      aria-label={t('cases.rating.followUp')}
      onFinish={(v: { level: number }) =>
        rate.mutate(v.level, { onSuccess: () => onDone(t('cases.rating.followUpThanks')) })
      }
    >
      {rate.isError ? <ProblemAlert error={rate.error} /> : null}
      <LevelPicker label={t('cases.rating.followUp')} />
      <Button type="primary" htmlType="submit" loading={rate.isPending} autoInsertSpace={false}>
        {t('cases.rating.submitFollowUp')}
      </Button>
    </Form>
  );
}

function Rectification({
  r,
  caseId,
  onDone,
}: {
  r: NonNullable<api.Rating['rectification']>;
  caseId: string;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const en = useEnglish();
  return (
    <div className="tb-case-action">
      <h3>{t('cases.rating.rectificationTitle')}</h3>
      <dl className="tb-facts">
        <Fact label={t('cases.rectification.status')}>{t(`cases.rectification.states.${r.status}`)}</Fact>
        {r.status === 'open' || r.status === 'called_back' ? (
          <Fact label={t('cases.rectification.rectifyDue')}>{shortDate(r.rectifyDue, en)}</Fact>
        ) : null}
        {r.resolution ? (
          <Fact label={t('cases.rectification.resolution')}>
            {t(`cases.rectification.resolutions.${r.resolution}`)}
          </Fact>
        ) : null}
        {r.resolutionNote ? <Fact label={t('cases.rectification.note')}>{r.resolutionNote}</Fact> : null}
        {r.resolvedAt ? <Fact label={t('cases.rectification.resolvedAt')}>{dateTime(r.resolvedAt, en)}</Fact> : null}
        {r.followUpLevel ? (
          <Fact label={t('cases.rating.followUp')}>
            {t(`cases.rating.levels.${r.followUpLevel as api.RatingLevel}`)}
          </Fact>
        ) : null}
      </dl>
      {r.status === 'resolved' && !r.followUpLevel ? <FollowUpForm caseId={caseId} onDone={onDone} /> : null}
    </div>
  );
}

/** 好差评: once decided, the applicant rates the case; a bad review shows its rectification and, once resolved, asks how it went. */
export function RatingSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const en = useEnglish();
  const rating = useRating(caseId, true);
  const [done, setDone] = useState('');
  return (
    <section className="tb-panel tb-case-section" aria-labelledby="case-rating">
      <h2 id="case-rating">{t('cases.rating.title')}</h2>
      <Announcement>{done}</Announcement>
      {rating.isPending ? (
        <PageLoading rows={2} />
      ) : rating.isError ? (
        <ProblemAlert error={rating.error} onRetry={() => void rating.refetch()} />
      ) : !rating.data ? (
        <RateForm caseId={caseId} onDone={setDone} />
      ) : (
        <>
          <dl className="tb-facts">
            <Fact label={t('cases.rating.level')}>
              <strong>{t(`cases.rating.levels.${rating.data.level}`)}</strong>
            </Fact>
            {rating.data.comment ? <Fact label={t('cases.rating.said')}>{rating.data.comment}</Fact> : null}
            <Fact label={t('cases.rating.ratedAt')}>{dateTime(rating.data.ratedAt, en)}</Fact>
          </dl>
          {rating.data.rectification ? (
            <Rectification r={rating.data.rectification} caseId={caseId} onDone={setDone} />
          ) : null}
        </>
      )}
    </section>
  );
}
