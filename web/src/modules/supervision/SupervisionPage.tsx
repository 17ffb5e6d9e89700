/**
 * 电子监察 console: a region's open, yellow and red clocks, overdue rate and average time left,
 * drilled down province → city → county → department; charts of cards by department and of the
 * warning trend; each number opens its list; 督办 orders and irregularities below.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Announcement } from '../../ui/Announcement';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMe } from '../identity';
import * as api from './api';
import { DepartmentChart, TrendChart } from './Charts';
import { ClockList, IrregularityList, OrderList } from './Lists';
import { Thresholds } from './Thresholds';
import './supervision.css';

const READERS = ['supervisor', 'department_head'];

function Figure({ label, value, to, tone }: { label: string; value: string; to: string; tone?: 'red' | 'yellow' }) {
  return (
    <Link to={to} className={`tb-sv-figure${tone ? ` tb-sv-figure--${tone}` : ''}`}>
      <span className="tb-sv-figure__value">{value}</span>
      <span className="tb-sv-figure__label">{label}</span>
    </Link>
  );
}

function Console({ roles, scope }: { roles: string[]; scope: string }) {
  const { t } = useTranslation('supervision');
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const state = (params.get('state') ?? undefined) as api.ClockFilter['state'];
  const department = params.get('department') ?? undefined;
  const [announcement, setAnnouncement] = useState('');
  const data = useQuery({
    queryKey: ['supervision', 'overview', region],
    queryFn: ({ signal }) => api.overview(region, signal),
  });
  if (data.isPending) return <PageLoading rows={6} />;
  if (data.isError) return <ProblemAlert error={data.error} onRetry={() => void data.refetch()} />;
  const o = data.data;
  const here = o.region.code;
  const link = (q: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ region: here, ...q })) if (v) p.set(k, v);
    return `?${p.toString()}`;
  };
  const up = here.length > scope.length ? here.slice(0, here.length > 6 ? 6 : here.length - 2) : undefined;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    <>
      <Announcement>{announcement}</Announcement>
      <p className="tb-sv-where">
        <strong>{o.region.name}</strong>
        {up ? (
          <Link to={`?region=${up}`} className="tb-sv-up">
            {t('back')}
          </Link>
        ) : null}
      </p>
      <nav aria-label={t('title')} className="tb-sv-figures">
        <Figure label={t('open')} value={String(o.totals.open)} to={link({})} />
        <Figure label={t('yellow')} value={String(o.totals.yellow)} to={link({ state: 'yellow' })} tone="yellow" />
        <Figure label={t('red')} value={String(o.totals.red)} to={link({ state: 'red' })} tone="red" />
        <Figure label={t('paused')} value={String(o.totals.paused)} to={link({ state: 'paused' })} />
        <Figure label={t('overdueRate')} value={pct(o.totals.overdueRate)} to={link({ state: 'red' })} />
        <Figure
          label={t('avgDaysLeft')}
          value={o.totals.avgDaysLeft === null ? '—' : t('days', { n: o.totals.avgDaysLeft })}
          to={link({ state: 'running' })}
        />
        <Figure label={t('irregularities')} value={String(o.irregularities)} to="#irregularities" />
        <Figure label={t('ordersOpen')} value={String(o.orders.open)} to="#orders" />
        <Figure label={t('ordersOverdue')} value={String(o.orders.overdue)} to="#orders" tone="red" />
      </nav>
      <section aria-labelledby="sv-children" className="tb-sv-section">
        <h2 id="sv-children">{o.childrenAre === 'departments' ? t('departments') : t('drill')}</h2>
        {o.children.length === 0 ? (
          <p>{t('noChildren')}</p>
        ) : (
          <div className="tb-sv-table-wrap">
            <table className="tb-sv-table">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('open')}</th>
                  <th scope="col">{t('yellow')}</th>
                  <th scope="col">{t('red')}</th>
                  <th scope="col">{t('overdueRate')}</th>
                </tr>
              </thead>
              <tbody>
                {o.children.map((c) => {
                  const at =
                    o.childrenAre === 'departments'
                      ? { department: c.code }
                      : { region: c.code, department: undefined };
                  return (
                    <tr key={c.code}>
                      <th scope="row">
                        <Link to={link(at)}>{c.name}</Link>
                      </th>
                      <td>{c.open}</td>
                      <td>
                        <Link to={link({ ...at, state: 'yellow' })} aria-label={`${c.name} ${t('yellow')} ${c.yellow}`}>
                          {c.yellow}
                        </Link>
                      </td>
                      <td>
                        <Link to={link({ ...at, state: 'red' })} aria-label={`${c.name} ${t('red')} ${c.red}`}>
                          {c.red}
                        </Link>
                      </td>
                      <td>{pct(c.overdueRate)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="tb-sv-charts">
        <DepartmentChart data={o.byDepartment} />
        <TrendChart data={o.trend} />
      </div>
      {state || department ? (
        <ClockList
          filter={{ state, region: here, department }}
          canOrder={roles.includes('supervisor')}
          announce={setAnnouncement}
        />
      ) : null}
      <OrderList canAnswer={roles.includes('department_head')} announce={setAnnouncement} />
      <IrregularityList canDismiss={roles.includes('supervisor')} announce={setAnnouncement} />
      <Thresholds announce={setAnnouncement} />
    </>
  );
}

/** A system administrator who reads no console still sets the thresholds here. */
function AdminThresholds() {
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <Announcement>{announcement}</Announcement>
      <Thresholds announce={setAnnouncement} />
    </>
  );
}

export default function SupervisionPage() {
  const { t } = useTranslation('supervision');
  useDocumentTitle(t('title'));
  const me = useMe();
  if (me.isPending) return <PageLoading rows={4} />;
  if (me.isError) return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.kind !== 'staff') return <Navigate to={`/login?returnTo=${encodeURIComponent('/supervision')}`} />;
  const staff = me.data;
  return (
    <div className="tb-container tb-page">
      <header className="tb-page-header">
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
      </header>
      {staff.roles.some((r) => READERS.includes(r)) ? (
        <Console roles={staff.roles} scope={staff.regionCode} />
      ) : staff.roles.includes('system_admin') ? (
        <AdminThresholds />
      ) : (
        <ProblemAlert error={new Error(t('lead'))} />
      )}
    </div>
  );
}
