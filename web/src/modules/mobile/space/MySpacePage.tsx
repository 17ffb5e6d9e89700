import {
  BellOutlined,
  CheckCircleOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  PayCircleOutlined,
  ProfileOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { yuan } from '../../../ui/format';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useMe } from '../../identity';
import { getMySummary, type MySummary } from './api';

const SPACE = '/me/space';

function Need({ to, icon, title, item }: { to: string; icon: ReactNode; title: string; item: string }) {
  return (
    <li>
      <Link to={to} className="tb-need">
        <span className="tb-need__icon" aria-hidden="true">
          {icon}
        </span>
        <span className="tb-need__text">
          <strong>{title}</strong>
          <span>{item}</span>
        </span>
      </Link>
    </li>
  );
}

function Needs({ s }: { s: MySummary }) {
  const { t } = useTranslation('mobile');
  const needs = [
    ...s.supplements.map((c) => (
      <Need
        key={`s${c.id}`}
        to={`/me/cases/${c.id}`}
        icon={<UploadOutlined />}
        title={t('space.supplement')}
        item={c.itemName}
      />
    )),
    ...s.feesDue.map((c) => (
      <Need
        key={`f${c.id}`}
        to={`/me/cases/${c.id}`}
        icon={<PayCircleOutlined />}
        title={t('space.fee', { amount: yuan(c.dueFen) })}
        item={c.itemName}
      />
    )),
    ...s.resultsReady.map((c) => (
      <Need
        key={`r${c.id}`}
        to={`/me/cases/${c.id}`}
        icon={<CheckCircleOutlined />}
        title={t('space.result')}
        item={c.itemName}
      />
    )),
  ];
  return (
    <section className="tb-space__section" aria-labelledby="space-needs">
      <h2 id="space-needs">{t('space.needsYou')}</h2>
      {needs.length ? <ul className="tb-needs">{needs}</ul> : <p>{t('space.nothingNeeded')}</p>}
      {s.inProgress ? (
        <p className="tb-muted">
          <Link to="/me/cases">{t('space.inProgress', { count: s.inProgress })}</Link>
        </p>
      ) : null}
    </section>
  );
}

function Messages({ s }: { s: MySummary }) {
  const { t } = useTranslation('mobile');
  return (
    <section className="tb-space__section" aria-labelledby="space-messages">
      <h2 id="space-messages">
        <BellOutlined aria-hidden="true" /> {t('space.messages')}
      </h2>
      {s.messages.unread ? (
        <>
          <p>{t('space.unread', { count: s.messages.unread })}</p>
          <ul className="tb-bullets">
            {s.messages.latest.map((m) => (
              <li key={m.id}>{m.link?.startsWith('/') ? <Link to={m.link}>{m.title}</Link> : m.title}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('space.noMessages')}</p>
      )}
    </section>
  );
}

function Shortcuts() {
  const { t } = useTranslation('mobile');
  const links = [
    { to: '/me/cases', icon: <ProfileOutlined />, label: t('space.myCases') },
    { to: '/me/licenses', icon: <IdcardOutlined />, label: t('space.licences') },
    { to: '/track', icon: <FileSearchOutlined />, label: t('space.track') },
    { to: '/me', icon: <UserOutlined />, label: t('space.account') },
  ];
  return (
    <section className="tb-space__section" aria-labelledby="space-shortcuts">
      <h2 id="space-shortcuts">{t('space.shortcuts')}</h2>
      <ul className="tb-shortcuts">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>
              <span aria-hidden="true">{l.icon}</span>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 我的空间: what needs the signed-in person first, then their messages and the services they use most. */
export default function MySpacePage() {
  const { t } = useTranslation('mobile');
  const me = useMe();
  const person = me.data?.kind === 'person';
  const summary = useQuery({
    queryKey: ['mobile', 'summary'],
    queryFn: ({ signal }) => getMySummary(signal),
    enabled: person,
    staleTime: 0,
  });
  useDocumentTitle(t('space.title'));
  if (me.isError) return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (me.isPending) return <PageLoading />;
  if (me.data.kind === 'staff') return <Navigate to="/workbench" replace />;
  if (me.data.kind !== 'person') return <Navigate to={`/login?returnTo=${encodeURIComponent(SPACE)}`} replace />;
  return (
    <div className="tb-container tb-page tb-space">
      <h1>{t('space.title')}</h1>
      <p className="tb-space__greeting">{t('space.greeting', { name: me.data.name })}</p>
      {summary.isPending ? <PageLoading /> : null}
      {summary.isError ? <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.data ? (
        <>
          <Needs s={summary.data} />
          <Messages s={summary.data} />
        </>
      ) : null}
      <Shortcuts />
    </div>
  );
}
