import { Button } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Tabs } from '../../ui/Tabs';
import { OverduePromises } from './window/OverduePromises';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import type { StaffMe } from '../identity';
import { useMe } from '../identity';
import { AdminLink } from '../admin';
import { InboxPanel } from '../notify';
import { CaseCard, DeadlineBadge, DeadlineLegend } from '../cases';
import { useEnglish } from '../../ui/useEnglish';
import { byUrgency, deadlineTone } from '../cases';
import { dateTime, shortDate } from '../../ui/format';
import { useTaskQueue, useWindowQueue } from '../cases';
import { RectificationsTab } from './rectifications/RectificationsTab';
import { ComplaintsTab } from './complaints/ComplaintsTab';
import { LicenceWorkTab } from './licences/LicenceWorkTab';
import { CallbacksTab } from '../mobile';
import { WindowActions } from './window/WindowActions';
import { WalkInPanel } from './walk-in/WalkInPanel';
import './workbench.css';

type Tab = 'window' | 'tasks' | 'rectifications' | 'complaints' | 'licences' | 'promises' | 'inbox' | 'callbacks';
const TASK_ROLES = ['approver', 'department_head'];
/** Who may see and work on bad-review rectifications (the server's rule). */
const RECTIFICATION_ROLES = ['window_clerk', 'approver', 'department_head', 'supervisor'];
/** Who answers complaints (the server's rule). */
const COMPLAINT_ROLES = ['department_head', 'supervisor'];

function WindowTab({ announce, regionCode }: { announce: (m: string) => void; regionCode: string }) {
  const { t } = useTranslation();
  const en = useEnglish();
  const queue = useWindowQueue(true);
  if (queue.isPending) return <PageLoading rows={4} />;
  if (queue.isError) return <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <>
      <p className="tb-queue-bar">
        <span>{t('cases.workbench.count', { count: queue.data.length })}</span>
        <Button autoInsertSpace={false} size="small" onClick={() => void queue.refetch()} loading={queue.isFetching}>
          {t('cases.workbench.refresh')}
        </Button>
      </p>
      {queue.data.length === 0 ? (
        <p>{t('cases.workbench.windowEmpty')}</p>
      ) : (
        <ul className="tb-case-list" aria-label={t('cases.workbench.windowList')}>
          {queue.data.map((c) => (
            <CaseCard
              key={c.id}
              to={`/workbench/cases/${c.id}`}
              itemName={c.itemName}
              status={c.status}
              trackingCode={c.trackingCode}
              facts={
                <>
                  <div>
                    <dt>{t('cases.fields.applicant')}</dt>
                    <dd>{c.applicantName}</dd>
                  </div>
                  <div>
                    <dt>{t('cases.workbench.submitted')}</dt>
                    <dd>{dateTime(c.submittedAt, en)}</dd>
                  </div>
                </>
              }
            >
              <WindowActions c={c} onDone={announce} />
            </CaseCard>
          ))}
        </ul>
      )}
      <WalkInPanel regionCode={regionCode} onDone={announce} />
    </>
  );
}

function TasksTab() {
  const { t } = useTranslation();
  const en = useEnglish();
  const queue = useTaskQueue(true);
  if (queue.isPending) return <PageLoading rows={4} />;
  if (queue.isError) return <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />;
  const tasks = [...queue.data].sort(byUrgency);
  return (
    <>
      <p className="tb-queue-bar">
        <span>{t('cases.workbench.count', { count: tasks.length })}</span>
        <Button autoInsertSpace={false} size="small" onClick={() => void queue.refetch()} loading={queue.isFetching}>
          {t('cases.workbench.refresh')}
        </Button>
      </p>
      <DeadlineLegend />
      {tasks.length === 0 ? (
        <p>{t('cases.workbench.tasksEmpty')}</p>
      ) : (
        <ol className="tb-case-list" aria-label={t('cases.workbench.tasksList')}>
          {tasks.map((task) => (
            <li
              key={task.id}
              className={`tb-panel tb-case-card tb-task-card tb-task-card--${deadlineTone(task.remainingWorkingDays)}`}
            >
              <div className="tb-case-card__head">
                <Link to={`/workbench/cases/${task.caseId}`} className="tb-case-card__name">
                  {task.itemName}
                </Link>
                <DeadlineBadge days={task.remainingWorkingDays} />
              </div>
              <dl className="tb-case-card__facts">
                <div>
                  <dt>{t('cases.workbench.taskName')}</dt>
                  <dd>{task.name}</dd>
                </div>
                <div>
                  <dt>{t('cases.fields.trackingCode')}</dt>
                  <dd className="tb-code">{task.trackingCode}</dd>
                </div>
                <div>
                  <dt>{t('cases.fields.taskDue')}</dt>
                  <dd>{shortDate(task.dueOn, en)}</dd>
                </div>
                <div>
                  <dt>{t('cases.workbench.itemDue')}</dt>
                  <dd>{shortDate(task.caseDueOn, en)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Workbench({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('complaints');
  const { t: tl } = useTranslation('licenseWork');
  const [params, setParams] = useSearchParams();
  const { t: tp } = useTranslation('completeness');
  const { t: tn } = useTranslation('notify');
  const { t: tm } = useTranslation('mobile');
  const [announcement, setAnnouncement] = useState('');
  const canWindow = me.roles.includes('window_clerk');
  const canTasks = me.roles.some((r) => TASK_ROLES.includes(r));
  const tabs = [
    ...(canWindow
      ? [
          {
            key: 'window' as Tab,
            label: t('cases.workbench.window'),
            panel: <WindowTab announce={setAnnouncement} regionCode={me.regionCode} />,
          },
        ]
      : []),
    ...(canTasks ? [{ key: 'tasks' as Tab, label: t('cases.workbench.tasks'), panel: <TasksTab /> }] : []),
    ...(me.roles.some((r) => RECTIFICATION_ROLES.includes(r))
      ? [{ key: 'rectifications' as Tab, label: t('cases.rectification.tab'), panel: <RectificationsTab /> }]
      : []),
    ...(me.roles.some((r) => COMPLAINT_ROLES.includes(r))
      ? [{ key: 'complaints' as Tab, label: tc('queue'), panel: <ComplaintsTab /> }]
      : []),
    ...(canTasks ? [{ key: 'licences' as Tab, label: tl('tab'), panel: <LicenceWorkTab me={me} /> }] : []),
    ...(me.roles.includes('department_head')
      ? [{ key: 'promises' as Tab, label: tp('promises.tab'), panel: <OverduePromises /> }]
      : []),
    {
      key: 'inbox' as Tab,
      label: tn('inbox.title'),
      panel: (
        <Suspense fallback={<PageLoading rows={3} />}>
          <InboxPanel />
        </Suspense>
      ),
    },
    ...(me.roles.some((r) => r === 'window_clerk' || r === 'supervisor')
      ? [{ key: 'callbacks' as Tab, label: tm('callbacks.tab'), panel: <CallbacksTab /> }]
      : []),
  ];
  const asked = params.get('tab') as Tab | null;
  const active: Tab = tabs.some((x) => x.key === asked) ? asked! : (tabs[0]?.key ?? 'tasks');
  return (
    <>
      <p role="status" aria-live="polite" className="tb-text-green tb-announce">
        {announcement}
      </p>
      {tabs.length === 1 ? <p>{t('cases.workbench.noRole')}</p> : null}
      <Tabs
        label={t('cases.workbench.tabs')}
        tabs={tabs}
        active={active}
        onChange={(key) => {
          setAnnouncement('');
          setParams({ tab: key }, { replace: true });
        }}
      />
    </>
  );
}

export function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('cases.workbench.title'));
  let body;
  if (me.isPending) body = <PageLoading />;
  else if (me.isError) body = <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  else if (me.data.kind === 'anonymous')
    return <Navigate to={`/login?returnTo=${encodeURIComponent('/workbench')}`} replace />;
  else if (me.data.kind !== 'staff') body = <p>{t('cases.workbench.staffOnly')}</p>;
  else body = <Workbench me={me.data} />;
  return (
    <div className="tb-container tb-page tb-cases tb-workbench">
      <header className="tb-page-header">
        <h1>{t('cases.workbench.title')}</h1>
        {me.data?.kind === 'staff' ? <AdminLink roles={me.data.roles} /> : null}
      </header>
      {body}
    </div>
  );
}

export default WorkbenchPage;
