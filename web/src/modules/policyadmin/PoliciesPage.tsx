/** 政策管理: every policy with its mode, the version in force, a version waiting, and its reach in my region. */
import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../../ui/useEnglish';
import { listPolicies, type PolicyAdminList } from './api';
import './policyadmin.css';

type Row = PolicyAdminList['policies'][number];

export default function PoliciesPage() {
  const { t } = useTranslation('policyadmin');
  const en = useEnglish();
  useDocumentTitle(t('title'));
  const list = useQuery({ queryKey: ['policyadmin', 'list'], queryFn: ({ signal }) => listPolicies(signal) });
  return (
    <>
      <header className="tb-page-header">
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
        <Link to="/admin/policies/new">{t('newPolicy')}</Link>
      </header>
      {list.isError ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Row>
        className="tb-policyadmin__table"
        rowKey="code"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.policies ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('list.name'),
            render: (_, p) => <Link to={`/admin/policies/${p.code}`}>{en ? p.name.en : p.name.zh}</Link>,
          },
          { title: t('list.mode'), render: (_, p) => `${t(`mode.${p.mode}`)} · ${t(`subject.${p.subject}`)}` },
          {
            title: t('list.inForce'),
            render: (_, p) => (p.versionInForce ? t('list.version', { n: p.versionInForce }) : t('list.none')),
          },
          {
            title: t('list.pending'),
            render: (_, p) =>
              p.pending ? `${t('list.version', { n: p.pending.version })} ${t(`status.${p.pending.status}`)}` : '—',
          },
          { title: t('list.told'), align: 'right', render: (_, p) => p.reach.told },
          { title: t('list.granted'), align: 'right', render: (_, p) => p.reach.granted },
        ]}
      />
    </>
  );
}
