import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { createDepartment, listDepartments, updateDepartment, type Department, type DepartmentInput } from '../api';
import { hasAnyRole } from '../sections';
import { PageHeader, useStaff } from '../bits';
import { DEPARTMENT_CATEGORIES } from '../../../../../contracts/display-names';
import { useDisplayName } from '../../../ui/useDisplayName';
import { RegionName } from '../../catalog';

const EDITORS = ['catalog_admin', 'system_admin'];

/** A new department (every field), or the editable fields of one (name, short name, address, phone). */
function DepartmentForm({
  editing,
  regionCode,
  onDone,
}: {
  editing: Department | null;
  regionCode: string;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation('admin');
  const name = useDisplayName();
  const [form] = Form.useForm<DepartmentInput>();
  const queryClient = useQueryClient();
  // A new target (or none: a new department) starts from its own values, not the last form's.
  useEffect(() => form.resetFields(), [editing, form]);
  const save = useMutation({
    mutationFn: async (v: DepartmentInput): Promise<void> => {
      if (editing)
        await updateDepartment(editing.id, {
          name: v.name,
          shortName: v.shortName,
          address: v.address,
          phone: v.phone,
        });
      else await createDepartment(v);
    },
    onSuccess: (_, v) => {
      onDone(t(editing ? 'departments.saved' : 'departments.created', { name: v.name }));
      if (!editing) form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['admin', 'departments'] });
    },
  });
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <section className="tb-panel" aria-labelledby="dept-form">
      <h2 id="dept-form">{editing ? t('departments.editTitle', { name: editing.name }) : t('departments.addTitle')}</h2>
      <Form
        key={editing?.id ?? 'new'}
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-labelledby="dept-form"
        initialValues={editing ?? { regionCode }}
        onFinish={(v) => save.mutate(v)}
      >
        {save.isError ? <ProblemAlert error={save.error} /> : null}
        <Form.Item name="name" label={t('departments.name')} rules={required(t('departments.required'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('departments.shortName')} rules={required(t('departments.required'))}>
          <Input maxLength={50} />
        </Form.Item>
        {editing ? null : (
          <>
            <Form.Item
              name="key"
              label={t('departments.key')}
              rules={[{ required: true, pattern: /^[a-z0-9-]{2,40}$/, message: t('departments.keyFormat') }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="category" label={t('departments.category')} rules={required(t('departments.required'))}>
              <Select
                showSearch
                optionFilterProp="label"
                options={DEPARTMENT_CATEGORIES.map((value) => ({ value, label: name('departmentCategory', value) }))}
              />
            </Form.Item>
            <Form.Item name="regionCode" label={t('departments.region')} rules={required(t('departments.required'))}>
              <Input maxLength={12} />
            </Form.Item>
            <Form.Item
              name="creditCode"
              label={t('departments.creditCode')}
              rules={required(t('departments.required'))}
            >
              <Input maxLength={18} />
            </Form.Item>
          </>
        )}
        <Form.Item name="address" label={t('departments.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('departments.phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} autoInsertSpace={false}>
          {t('departments.save')}
        </Button>
      </Form>
    </section>
  );
}

/** 部门: the departments of my region; catalogue and system administrators add and edit them. */
export function DepartmentsPage() {
  const { t } = useTranslation('admin');
  const name = useDisplayName();
  const me = useStaff();
  useDocumentTitle(t('departments.title'));
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Department | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const canEdit = hasAnyRole(me.roles, EDITORS);
  const departments = useQuery({
    queryKey: ['admin', 'departments', me.regionCode],
    queryFn: ({ signal }) => listDepartments(me.regionCode, signal),
    staleTime: 300_000,
  });
  const shown = (departments.data ?? []).filter(
    (d) => !q || d.name.includes(q) || d.shortName.includes(q) || d.creditCode.includes(q.toUpperCase()),
  );
  const columns: TableColumnsType<Department> = [
    { title: t('departments.name'), dataIndex: 'name' },
    { title: t('departments.region'), dataIndex: 'regionCode', render: (code: string) => <RegionName code={code} /> },
    {
      title: t('departments.category'),
      dataIndex: 'category',
      render: (code: string) => name('departmentCategory', code),
    },
    {
      title: t('departments.creditCode'),
      dataIndex: 'creditCode',
      render: (v: string) => <span className="tb-admin-code">{v}</span>,
    },
    { title: t('departments.phone'), dataIndex: 'phone' },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, d: Department) => (
              <Button size="small" onClick={() => setEditing(d)} autoInsertSpace={false}>
                {t('departments.edit')}
                <span className="sr-only">{d.name}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('departments.title')}>
        <p className="tb-admin__lead">{t('departments.lead')}</p>
      </PageHeader>
      <p role="status" aria-live="polite" className="tb-admin-announce">
        {announcement}
      </p>
      <div className="tb-admin-inline">
        <label htmlFor="tb-admin-dept-filter">{t('departments.filter')}</label>
        <Input
          id="tb-admin-dept-filter"
          value={q}
          onChange={(e) => setQ(e.target.value.trim())}
          className="tb-admin-grow"
        />
      </div>
      {departments.isError ? (
        <ProblemAlert error={departments.error} onRetry={() => void departments.refetch()} />
      ) : null}
      <Table<Department>
        rowKey="id"
        size="small"
        loading={departments.isPending}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 800 }}
      />
      {canEdit ? (
        <DepartmentForm
          editing={editing}
          regionCode={me.regionCode}
          onDone={(m) => {
            setAnnouncement(m);
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}

export default DepartmentsPage;
