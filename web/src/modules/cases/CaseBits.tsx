/** Small pieces shared by the applicant's, the public and the workbench case pages. */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Fact } from '../../ui/Fact';
import { ProblemError } from '../../app/http';
import { CASE_STATUSES, type CaseDetail, type CaseEvent, type CaseStatus } from './api';
import { dateTime, deadlineTone, DUE_NEAR_DAYS, DUE_SOON_DAYS, progressIndex, PROGRESS_STEPS, shortDate, STATUS_TONE } from './model';

export function useEnglish(): boolean {
  return useTranslation().i18n.resolvedLanguage === 'en';
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status] ?? 'gray'}>{CASE_STATUSES.includes(status) ? t(`cases.status.${status}`) : status}</Badge>;
}

/** Working days left, coloured by urgency; the words say it too, so colour is never the only cue. */
export function DeadlineBadge({ days }: { days: number | null | undefined }) {
  const { t } = useTranslation();
  if (days === null || days === undefined) return <span className="tb-muted">—</span>;
  const tone = deadlineTone(days);
  const text = days < 0 ? t('cases.deadline.overdue', { count: -days }) : days === 0 ? t('cases.deadline.today') : t('cases.deadline.left', { count: days });
  return <span className={`tb-deadline tb-deadline--${tone}`} data-tone={tone}>{text}</span>;
}

export function DeadlineLegend() {
  const { t } = useTranslation();
  return <p className="tb-muted tb-small">{t('cases.deadline.legend', { soon: DUE_SOON_DAYS, near: DUE_NEAR_DAYS })}</p>;
}

export { Fact } from '../../ui/Fact';

/** The usual path of a case as an ordered list, the current step marked for screen readers too. */
export function ProgressSteps({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const current = progressIndex(status);
  const ended = ['refused', 'not_accepted', 'withdrawn'].includes(status);
  return (
    <ol className="tb-case-steps" aria-label={t('cases.progress.label')}>
      {PROGRESS_STEPS.map((step, i) => {
        const state = i < current || (i === current && current === PROGRESS_STEPS.length - 1) ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={step} className={`tb-case-steps__step is-${state}${ended && i === current ? ' is-ended' : ''}`} aria-current={i === current ? 'step' : undefined}>
            <span className="tb-case-steps__dot" aria-hidden="true">
              {i + 1}
            </span>
            <span>{i === current && step === 'decided' ? t(`cases.status.${status}`) : t(`cases.progress.${step}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function eventName(t: TFunction, type: string): string {
  const key = `cases.event.${type}`;
  const name = t(key as 'cases.event.submitted');
  return name === key ? type : name;
}

export function EventList({ events, showActor = false }: { events: (Pick<CaseEvent, 'at' | 'type'> & Partial<Pick<CaseEvent, 'by' | 'to'>>)[]; showActor?: boolean }) {
  const { t } = useTranslation();
  const en = useEnglish();
  return (
    <ol className="tb-case-events">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <time dateTime={e.at}>{/^\d{4}-\d{2}-\d{2}$/.test(e.at) ? shortDate(e.at, en) : dateTime(e.at, en)}</time>
          <span className="tb-case-events__what">{eventName(t, e.type)}</span>
          {showActor && e.by ? <span className="tb-muted tb-small">{t(`cases.actor.${e.by as 'person'}`, { defaultValue: e.by })}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** A 409 from a step: someone else moved first (or the case moved on). */
export function isConflict(error: unknown): boolean {
  return error instanceof ProblemError && error.status === 409 && ['CASES.TASK_CHANGED', 'CASES.TASK_CLAIMED', 'CASES.ILLEGAL_TRANSITION'].includes(error.problem.code);
}

/** One case in a list: its item (a link), status and tracking code; the list adds its own facts and actions. */
export function CaseCard({ to, itemName, status, trackingCode, facts, children }: { to: string; itemName: string; status: CaseStatus; trackingCode: string; facts: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="tb-panel tb-case-card">
      <div className="tb-case-card__head">
        <Link to={to} className="tb-case-card__name">
          {itemName}
        </Link>
        <StatusBadge status={status} />
      </div>
      <dl className="tb-case-card__facts">
        <div>
          <dt>{t('cases.fields.trackingCode')}</dt>
          <dd className="tb-code">{trackingCode}</dd>
        </div>
        {facts}
      </dl>
      {children}
    </li>
  );
}

/** The clock of a case as facts: submitted, accepted, stage, due, days left (for a `<dl>`). */
export function CaseClockFacts({ d }: { d: Pick<CaseDetail, 'submittedAt' | 'acceptedOn' | 'stage' | 'dueOn' | 'remainingWorkingDays'> }) {
  const { t } = useTranslation();
  const en = useEnglish();
  return (
    <>
      <Fact label={t('cases.fields.submittedAt')}>{shortDate(d.submittedAt, en)}</Fact>
      {d.acceptedOn ? <Fact label={t('cases.fields.acceptedOn')}>{shortDate(d.acceptedOn, en)}</Fact> : null}
      {d.stage ? <Fact label={t('cases.fields.stage')}>{d.stage}</Fact> : null}
      {d.dueOn ? <Fact label={t('cases.fields.dueOn')}>{shortDate(d.dueOn, en)}</Fact> : null}
      {d.remainingWorkingDays !== null ? (
        <Fact label={t('cases.fields.daysLeft')}>
          <DeadlineBadge days={d.remainingWorkingDays} />
        </Fact>
      ) : null}
    </>
  );
}
