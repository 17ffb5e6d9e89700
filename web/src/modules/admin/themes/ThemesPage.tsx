import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Radio, Select, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { getTheme, listThemes, saveTheme, type Theme, type ThemeInput, type ThemeSummary } from '../api';
import { PageHeader, ProblemList, useStaff } from '../bits';
import { applyFieldProblems, fieldProblems, type FieldProblem } from '../../../ui/problems';

type Editing = { slug: string; isNew: boolean };

const inputOf = (theme: Theme): ThemeInput => ({
  slug: theme.slug,
  name: theme.name,
  title: theme.title,
  audience: theme.audience,
  description: theme.description,
  icon: theme.icon,
  sharedFields: theme.sharedFields,
  steps: theme.steps.map((s) => ({ basicCode: s.basicCode, after: s.after, optional: s.optional })),
});

const BLANK: ThemeInput = {
  slug: '',
  name: '',
  title: '',
  audience: 'person',
  description: '',
  icon: 'file',
  sharedFields: [],
  steps: [{ basicCode: '', after: [], optional: false }],
};

function ThemeEditor({
  editing,
  onSaved,
  onCancel,
}: {
  editing: Editing;
  onSaved: (slug: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<ThemeInput>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const theme = useQuery({
    queryKey: ['admin', 'themes', editing.slug],
    queryFn: ({ signal }) => getTheme(editing.slug, signal),
    enabled: !editing.isNew,
    staleTime: 0,
  });
  const initial = editing.isNew ? BLANK : theme.data ? inputOf(theme.data) : undefined;
  useEffect(() => {
    if (initial) form.resetFields();
  }, [theme.data, editing.slug]);
  const save = useMutation({
    mutationFn: saveTheme,
    onSuccess: (r) => {
      setProblems([]);
      onSaved(r.slug);
    },
    onError: (e) => {
      const all = fieldProblems(e, ['body.', 'params.']);
      applyFieldProblems(form, all);
      setProblems(all);
    },
  });
  if (!editing.isNew && theme.isPending) return <PageLoading rows={4} />;
  if (!editing.isNew && theme.isError) return <ProblemAlert error={theme.error} />;
  return (
    <section className="tb-panel" aria-labelledby="tb-admin-theme-editor">
      <h2 id="tb-admin-theme-editor">
        {editing.isNew ? t('themes.new') : t('themes.edit', { name: theme.data?.name ?? '' })}
      </h2>
      {!editing.isNew ? <Alert type="info" showIcon title={t('themes.stepsNote')} /> : null}
      {save.isError && problems.length === 0 ? <ProblemAlert error={save.error} /> : null}
      <ProblemList problems={problems} title={t('guide.problems', { count: problems.length })} />
      <Form<ThemeInput>
        form={form}
        layout="vertical"
        initialValues={initial}
        aria-label={t('themes.formLabel')}
        onFinish={() => save.mutate({ ...(initial ?? BLANK), ...form.getFieldsValue(true) })}
      >
        <div className="tb-admin-grid">
          <Form.Item
            name="slug"
            label={t('themes.slug')}
            rules={[{ required: true, pattern: /^[a-z0-9-]{2,60}$/, message: t('validation.slug') }]}
          >
            <Input disabled={!editing.isNew} maxLength={60} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('themes.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('themes.titleField')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="audience" label={t('themes.audience')}>
            <Radio.Group
              options={(['person', 'enterprise'] as const).map((a) => ({
                value: a,
                label: t(`themes.audiences.${a}`),
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('themes.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <fieldset className="tb-admin-sub">
              <legend>{t('themes.steps')}</legend>
              {fields.map((field, i) => (
                <div key={field.key} className="tb-admin-grid">
                  <Form.Item
                    name={[field.name, 'basicCode']}
                    label={t('themes.basicCode', { n: i + 1 })}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Input maxLength={12} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'after']} label={t('themes.after')}>
                    <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'optional']} valuePropName="checked">
                    <Checkbox>{t('themes.optional')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined aria-hidden="true" />}
                    aria-label={t('themes.removeStep', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              <Button
                icon={<PlusOutlined aria-hidden="true" />}
                onClick={() => add({ basicCode: '', after: [], optional: false })}
              >
                {t('themes.addStep')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <div className="tb-admin-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('themes.save')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </Form>
    </section>
  );
}

/** 主题管理 (一件事): the themes as published; catalogue administrators create and edit them. */
export function ThemesPage() {
  const { t } = useTranslation('admin');
  const me = useStaff();
  useDocumentTitle(t('themes.title'));
  const queryClient = useQueryClient();
  const canEdit = me.roles.includes('catalog_admin');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const themes = useQuery({ queryKey: ['admin', 'themes'], queryFn: ({ signal }) => listThemes(signal), staleTime: 0 });
  const columns: TableColumnsType<ThemeSummary> = [
    { title: t('themes.name'), dataIndex: 'name' },
    { title: t('themes.titleField'), dataIndex: 'title' },
    {
      title: t('themes.audience'),
      dataIndex: 'audience',
      render: (a: ThemeSummary['audience']) => t(`themes.audiences.${a}`),
    },
    { title: t('themes.itemCount'), dataIndex: 'itemCount', align: 'right' },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row: ThemeSummary) => (
              <Button size="small" onClick={() => setEditing({ slug: row.slug, isNew: false })}>
                {t('common.edit')}
                <span className="sr-only">{row.name}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('themes.title')}>
        <p className="tb-admin__lead">{canEdit ? t('themes.lead') : t('themes.readOnly')}</p>
      </PageHeader>
      <p role="status" aria-live="polite" className="tb-admin-announce">
        {announcement}
      </p>
      {canEdit && !editing ? (
        <p>
          <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => setEditing({ slug: '', isNew: true })}>
            {t('themes.new')}
          </Button>
        </p>
      ) : null}
      {editing ? (
        <ThemeEditor
          editing={editing}
          onCancel={() => setEditing(null)}
          onSaved={(slug) => {
            setEditing(null);
            setAnnouncement(t('themes.saved', { slug }));
            void queryClient.invalidateQueries({ queryKey: ['admin', 'themes'] });
          }}
        />
      ) : null}
      {themes.isError ? <ProblemAlert error={themes.error} onRetry={() => void themes.refetch()} /> : null}
      <Table<ThemeSummary>
        rowKey="slug"
        size="middle"
        loading={themes.isPending}
        columns={columns}
        dataSource={themes.data ?? []}
        pagination={false}
        scroll={{ x: 640 }}
      />
    </>
  );
}

export default ThemesPage;
