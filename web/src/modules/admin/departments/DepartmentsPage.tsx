import { useQuery } from '@tanstack/react-query';
import { Alert, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { listDepartments, type Department } from '../api';
import { PageHeader, useStaff } from '../bits';

/** 部门: read only — the platform has no API to manage departments; they come from the catalogue. */
export function DepartmentsPage() {
  const { t } = useTranslation('admin');
  const me = useStaff();
  useDocumentTitle(t('departments.title'));
  const [q, setQ] = useState('');
  const departments = useQuery({ queryKey: ['admin', 'departments', me.regionCode], queryFn: ({ signal }) => listDepartments(me.regionCode, signal), staleTime: 300_000 });
  const shown = (departments.data ?? []).filter((d) => !q || d.name.includes(q) || d.shortName.includes(q) || d.creditCode.includes(q.toUpperCase()));
  const columns: TableColumnsType<Department> = [
    { title: t('departments.name'), dataIndex: 'name' },
    { title: t('departments.region'), dataIndex: 'regionCode' },
    { title: t('departments.category'), dataIndex: 'category' },
    { title: t('departments.creditCode'), dataIndex: 'creditCode', render: (v: string) => <span className="tb-admin-code">{v}</span> },
    { title: t('departments.phone'), dataIndex: 'phone' },
  ];
  return (
    <>
      <PageHeader title={t('departments.title')}>
        <p className="tb-admin__lead">{t('departments.lead')}</p>
      </PageHeader>
      <Alert type="info" showIcon title={t('departments.readOnly')} />
      <div className="tb-admin-inline">
        <label htmlFor="tb-admin-dept-filter">{t('departments.filter')}</label>
        <Input id="tb-admin-dept-filter" value={q} onChange={(e) => setQ(e.target.value.trim())} className="tb-admin-grow" />
      </div>
      {departments.isError ? <ProblemAlert error={departments.error} onRetry={() => void departments.refetch()} /> : null}
      <Table<Department> rowKey="id" size="small" loading={departments.isPending} columns={columns} dataSource={shown} pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 800 }} />
    </>
  );
}

export default DepartmentsPage;
