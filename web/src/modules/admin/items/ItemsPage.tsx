import { useQuery } from '@tanstack/react-query';
import { Button, Radio, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { listAdminItems, type AdminItemRow, type ItemStatus } from '../api';
import { formatDateTime, PageHeader, StatusTag } from '../bits';
import { useEnglish } from '../../../ui/useEnglish';

const PAGE_SIZE = 50;
const FILTERS: (ItemStatus | 'all')[] = ['all', 'draft', 'in_review', 'published', 'retired'];

/** 事项管理: the items in my scope, newest change first, by the status of their latest version. */
export function ItemsPage() {
  const { t } = useTranslation('admin');
  const en = useEnglish();
  useDocumentTitle(t('items.title'));
  const [status, setStatus] = useState<ItemStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const items = useQuery({
    queryKey: ['admin', 'items', status, page],
    queryFn: ({ signal }) =>
      listAdminItems({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE }, signal),
    staleTime: 0,
  });

  const columns: TableColumnsType<AdminItemRow> = [
    {
      title: t('items.name'),
      dataIndex: 'name',
      render: (_, row) => (
        <>
          <Link to={`/admin/items/${row.code}`}>{row.name}</Link>
          <div className="tb-admin-code">{row.code}</div>
        </>
      ),
    },
    { title: t('items.department'), dataIndex: 'departmentName' },
    {
      title: t('items.status'),
      dataIndex: 'status',
      render: (_, row) => (
        <>
          <StatusTag status={row.status} />
          {row.publishedVersion !== null && row.status !== 'published' ? (
            <div className="tb-admin-muted">{t('items.publishedVersion', { version: row.publishedVersion })}</div>
          ) : null}
        </>
      ),
    },
    { title: t('items.version'), dataIndex: 'version', align: 'right' },
    { title: t('items.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v, en) },
  ];

  return (
    <>
      <PageHeader title={t('items.title')}>
        <p className="tb-admin__lead">{t('items.lead')}</p>
      </PageHeader>
      <Radio.Group
        aria-label={t('items.filter')}
        className="tb-admin-filter"
        optionType="button"
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as ItemStatus | 'all');
          setPage(1);
        }}
        options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('items.all') : t(`status.${f}`) }))}
      />
      {items.isError ? <ProblemAlert error={items.error} onRetry={() => void items.refetch()} /> : null}
      <Table<AdminItemRow>
        rowKey="code"
        size="middle"
        loading={items.isPending}
        columns={columns}
        dataSource={items.data ?? []}
        pagination={false}
        aria-label={t('items.title')}
        scroll={{ x: 720 }}
      />
      <nav className="tb-admin-pager" aria-label={t('pager.label')}>
        <Button disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
          {t('pager.previous')}
        </Button>
        <span>{t('pager.page', { page })}</span>
        <Button disabled={(items.data?.length ?? 0) < PAGE_SIZE} onClick={() => setPage((p) => p + 1)}>
          {t('pager.next')}
        </Button>
      </nav>
    </>
  );
}

export default ItemsPage;
