/** Small pieces shared by the applicant's, the public and the workbench case pages. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Fact } from '../../ui/Fact';
import { ProblemError } from '../../app/http';
import { useDisplayName } from '../../ui/useDisplayName';
import { useEnglish } from '../../ui/useEnglish';
import type { CaseDetail, CaseEvent, CaseStatus } from './api';
import { deadlineTone, DUE_NEAR_DAYS, DUE_SOON_DAYS, progressIndex, PROGRESS_STEPS, STATUS_TONE } from './model';
import { dateTime, shortDate } from '../../ui/format';
import './cases.css';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const name = useDisplayName();
  return <Badge tone={STATUS_TONE[status] ?? 'gray'}>{name('caseStatus', status)}</Badge>;
}

/** Working days left, coloured by urgency; the words say it too, so colour is never the only cue. */
export function DeadlineBadge({ days }: { days: number | null | undefined }) {
  const { t } = useTranslation();
  if (days === null || days === undefined) return <span className="tb-muted">—</span>;
  const tone = deadlineTone(days);
  const text =
    days < 0
      ? t('cases.deadline.overdue', { count: -days })
      : days === 0
        ? t('cases.deadline.today')
        : t('cases.deadline.left', { count: days });
  return (
    <span className={`tb-deadline tb-deadline--${tone}`} data-tone={tone}>
      {text}
    </span>
  );
}

export function DeadlineLegend() {
  const { t } = useTranslation();
  return (
    <p className="tb-muted tb-small">{t('cases.deadline.legend', { soon: DUE_SOON_DAYS, near: DUE_NEAR_DAYS })}</p>
  );
}

export { Fact } from '../../ui/Fact';

/** The usual path of a case as an ordered list, the current step marked for screen readers too. */
export function ProgressSteps({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const name = useDisplayName();
  const current = progressIndex(status);
  const ended = ['refused', 'not_accepted', 'withdrawn', 'terminated'].includes(status);
  return (
    <ol className="tb-case-steps" aria-label={t('cases.progress.label')}>
      {PROGRESS_STEPS.map((step, i) => {
        const state =
          i < current || (i === current && current === PROGRESS_STEPS.length - 1)
            ? 'done'
            : i === current
              ? 'current'
              : 'todo';
        return (
          <li
            key={step}
            className={`tb-case-steps__step is-${state}${ended && i === current ? ' is-ended' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="tb-case-steps__dot" aria-hidden="true">
              {i + 1}
            </span>
            <span>
              {i === current && step === 'decided' ? name('caseStatus', status) : t(`cases.progress.${step}`)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

type ListedEvent = Pick<CaseEvent, 'at' | 'type'> & Partial<Pick<CaseEvent, 'by' | 'to' | 'taskId' | 'detail'>>;

/** 办理记录: each step by its name (never its key), who took it, and what it concerned (`detailOf`). */
export function EventList<E extends ListedEvent>({
  events,
  showActor = false,
  detailOf,
}: {
  events: E[];
  showActor?: boolean;
  detailOf?: (e: E) => string | null;
}) {
  const en = useEnglish();
  const name = useDisplayName();
  return (
    <ol className="tb-case-events">
      {events.map((e, i) => {
        const detail = detailOf?.(e);
        return (
          <li key={`${e.at}-${i}`}>
            <time dateTime={e.at}>{/^\d{4}-\d{2}-\d{2}$/.test(e.at) ? shortDate(e.at, en) : dateTime(e.at, en)}</time>
            <span className="tb-case-events__what">{name('caseEvent', e.type)}</span>
            {showActor && e.by ? <span className="tb-muted tb-small">{name('actorKind', e.by)}</span> : null}
            {detail ? <span className="tb-case-events__detail">{detail}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A 409 from a step: someone else moved first (or the case moved on). */
export function isConflict(error: unknown): boolean {
  return (
    error instanceof ProblemError &&
    error.status === 409 &&
    ['CASES.TASK_CHANGED', 'CASES.TASK_CLAIMED', 'CASES.ILLEGAL_TRANSITION'].includes(error.problem.code)
  );
}

/** One case in a list: its item (a link), status and tracking code; the list adds its own facts and actions. */
export function CaseCard({
  to,
  itemName,
  status,
  trackingCode,
  facts,
  children,
}: {
  to: string;
  itemName: string;
  status: CaseStatus;
  trackingCode: string;
  facts: ReactNode;
  children?: ReactNode;
}) {
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
export function CaseClockFacts({
  d,
}: {
  d: Pick<CaseDetail, 'submittedAt' | 'acceptedOn' | 'stage' | 'dueOn' | 'remainingWorkingDays'>;
}) {
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
