import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import type { StaffMe } from '../identity';
import { useMe } from '../identity';
import { casesApi as api } from '../cases';
import { CaseClockFacts, DeadlineBadge, DeadlineLegend, StatusBadge } from '../cases';
import { Fact } from '../../ui/Fact';
import { useEnglish } from '../../ui/useEnglish';
import { DecisionLink } from '../cases';
import { AcceptanceReceiptLink } from '../cases';
import { DeliveryWork } from './case/DeliveryWork';
import { FeeWork } from './case/FeeWork';
import { MaterialsSection } from '../cases';
import { SupplementReview } from './window/SupplementReview';
import { shortDate } from '../../ui/format';
import { useCase, useCaseStep } from '../cases';
import { TaskActions } from './case/TaskActions';
import { WindowActions } from './window/WindowActions';
import { CaseEvents, taskLabel } from '../cases';
import { CaseLicences } from '../cases';
import { AutoDecision, FormView } from '../cases';
import { useDisplayName } from '../../ui/useDisplayName';
import './workbench.css';

function CaseWork({ id, me }: { id: string; me: StaffMe }) {
  const { t } = useTranslation();
  const en = useEnglish();
  const name = useDisplayName();
  const c = useCase(id);
  const [announcement, setAnnouncement] = useState('');
  const resume = useCaseStep(() => api.resume(id));
  useDocumentTitle(c.data ? `${c.data.itemName} · ${t('cases.task.title')}` : t('cases.task.title'));
  if (c.isPending) return <PageLoading />;
  if (c.isError) return <ProblemAlert error={c.error} onRetry={() => void c.refetch()} />;
  const d = c.data;
  const approver = me.roles.includes('approver') || me.roles.includes('department_head');
  const openTasks = d.tasks.filter((x) => x.status === 'open');
  return (
    <>
      <header className="tb-page-header">
        <p>
          <Link to="/workbench">{t('cases.task.back')}</Link>
        </p>
        <h1>{d.itemName}</h1>
        <p>
          <StatusBadge status={d.status} /> <span className="tb-code">{d.trackingCode}</span>{' '}
          <Button autoInsertSpace={false} size="small" onClick={() => void c.refetch()} loading={c.isFetching}>
            {t('cases.workbench.refresh')}
          </Button>
        </p>
      </header>
      <p role="status" aria-live="polite" className="tb-text-green tb-announce">
        {announcement}
      </p>
      <section className="tb-panel tb-case-section" aria-labelledby="work-facts">
        <h2 id="work-facts">{t('cases.detail.facts')}</h2>
        <dl className="tb-facts">
          <Fact label={t('cases.fields.applicant')}>
            {d.applicantName}
            {d.actingForEnterprise ? ` (${t('cases.fields.actingForEnterprise')})` : ''}
          </Fact>
          <CaseClockFacts d={d} />
          <AcceptanceReceiptLink c={d} />
          {d.decisionNote ? <Fact label={t('cases.fields.decisionNote')}>{d.decisionNote}</Fact> : null}
        </dl>
      </section>
      <AutoDecision c={d} staff />
      {/* 免申即享: filed by the system from the registries — no form was filled, no material is owed. */}
      {d.filedBySystem ? null : <FormView fields={d.formFields} form={d.form} headingId="work-form" masked />}
      {me.roles.includes('window_clerk') && d.status === 'submitted' ? (
        <section className="tb-panel tb-case-section" aria-labelledby="work-window">
          <h2 id="work-window">{t('cases.task.windowActions')}</h2>
          <WindowActions c={d} onDone={setAnnouncement} />
        </section>
      ) : null}
      <section className="tb-panel tb-case-section" aria-labelledby="work-tasks">
        <h2 id="work-tasks">{t('cases.task.tasks')}</h2>
        <DeadlineLegend />
        {d.status === 'suspended' && approver ? (
          <div className="tb-case-action">
            {resume.isError ? <ProblemAlert error={resume.error} /> : null}
            <Button
              autoInsertSpace={false}
              onClick={() =>
                resume.mutate(undefined, {
                  onSuccess: (r) => setAnnouncement(t('cases.task.resumed', { date: shortDate(r.dueOn, en) })),
                })
              }
              loading={resume.isPending}
            >
              {t('cases.task.resume')}
            </Button>
          </div>
        ) : null}
        {d.tasks.length === 0 ? <p>{t('cases.task.noOpen')}</p> : null}
        <ul className="tb-task-list">
          {d.tasks.map((task) => (
            <li key={task.id} className={`tb-task-item${task.status === 'open' ? ' is-open' : ''}`}>
              <div className="tb-case-card__head">
                <h3>{taskLabel(task)}</h3>
                <span>
                  {task.status === 'open' ? (
                    <DeadlineBadge days={task.remainingWorkingDays} />
                  ) : (
                    name('taskStatus', task.status)
                  )}
                </span>
              </div>
              <p className="tb-muted tb-small">
                {t('cases.fields.taskDue')}
                {t('app.colon')}
                {shortDate(task.dueOn, en)}
                {task.opinion ? (
                  <>
                    {' · '}
                    {t('cases.fields.opinion')}
                    {t('app.colon')}
                    {task.opinion}
                  </>
                ) : null}
              </p>
              {task.status === 'open' && approver && d.status === 'in_progress' ? (
                <TaskActions task={task} onDone={setAnnouncement} busy={c.isFetching} />
              ) : null}
            </li>
          ))}
        </ul>
        {openTasks.length === 0 && d.tasks.length > 0 ? <p className="tb-muted">{t('cases.task.noOpen')}</p> : null}
      </section>
      <section className="tb-panel tb-case-section" aria-labelledby="work-results">
        <h2 id="work-results">{t('cases.results.title')}</h2>
        <dl className="tb-facts">
          <DecisionLink c={d} />
          <CaseLicences c={d} forApplicant={false} />
        </dl>
        <div className="tb-case-action">
          <h3>{t('cases.fees.title')}</h3>
          <FeeWork caseId={d.id} roles={me.roles} onDone={setAnnouncement} />
        </div>
        <div className="tb-case-action">
          <h3>{t('cases.delivery.title')}</h3>
          <DeliveryWork c={d} isWindow={me.roles.includes('window_clerk')} onDone={setAnnouncement} />
        </div>
      </section>
      {d.filedBySystem ? null : (
        <>
          <SupplementReview c={d} isHead={me.roles.includes('department_head')} onDone={setAnnouncement} />
          <MaterialsSection caseId={d.id} headingId="work-materials" />
        </>
      )}
      <section className="tb-panel tb-case-section" aria-labelledby="work-history">
        <h2 id="work-history">{t('cases.detail.history')}</h2>
        <CaseEvents c={d} staff />
      </section>
    </>
  );
}

export function WorkbenchCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  let body;
  if (me.isPending) body = <PageLoading />;
  else if (me.isError) body = <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  else if (me.data.kind === 'anonymous')
    return <Navigate to={`/login?returnTo=${encodeURIComponent(`/workbench/cases/${id}`)}`} replace />;
  else if (me.data.kind === 'person') return <Navigate to={`/me/cases/${id}`} replace />;
  else body = <CaseWork id={id} me={me.data} />;
  return (
    <div className="tb-container tb-page tb-cases tb-workbench">{body ?? <p>{t('cases.workbench.staffOnly')}</p>}</div>
  );
}

export default WorkbenchCasePage;
