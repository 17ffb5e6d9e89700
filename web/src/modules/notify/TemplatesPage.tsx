import { Button, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Announcement } from '../../ui/Announcement';
import { Badge } from '../../ui/Badge';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { applyFieldProblems, fieldProblems } from '../../ui/problems';
import { useEnglish } from '../../ui/useEnglish';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import type { Template, TemplateText } from './api';
import { useResetTemplate, useSaveTemplate, useTemplates } from './queries';
import { fill, unknownVariables } from './template-text';
import './notify.css';

/** What the editor did, as the key of its announcement (which then follows a language switch). */
type Done = 'templates.saved' | 'templates.resetDone' | null;

const VARS = [
  'code',
  'itemName',
  'trackingCode',
  'decision',
  'decisionNo',
  'reference',
  'subject',
  'dueAt',
  'rectifyDue',
] as const;
type VarName = (typeof VARS)[number];
const known = (v: string): v is VarName => (VARS as readonly string[]).includes(v);

function useTemplateWords() {
  const { t } = useTranslation('notify');
  const en = useEnglish();
  return {
    name: (x: Template) => (en ? x.name.en : x.name.zh),
    channel: (x: Template) => t(`prefs.channel.${x.channel}`),
    locale: (x: Template) => t(`templates.locales.${x.locale}`),
    variable: (v: string) => (known(v) ? t(`templates.variable.${v}`) : v),
    sample: (v: string) => (known(v) ? t(`templates.sample.${v}`) : v),
  };
}

/** The editor of one template: subject and body, the variables it may use, a preview with sample values. */
function Editor({ template, onClose }: { template: Template; onClose: (done: Done) => void }) {
  const { t } = useTranslation('notify');
  const words = useTemplateWords();
  const [form] = Form.useForm<TemplateText>();
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const title = Form.useWatch('title', form) ?? template.title;
  const body = Form.useWatch('body', form) ?? template.body;
  const key = { kind: template.kind, channel: template.channel, locale: template.locale };
  const samples = Object.fromEntries(template.variables.map((v) => [v, words.sample(v)]));
  const checkVariables = (_: unknown, value: string | undefined) => {
    const unknown = unknownVariables(value ?? '', template.variables);
    return unknown.length
      ? Promise.reject(new Error(t('templates.unknownVariable', { names: unknown.join(', ') })))
      : Promise.resolve();
  };
  return (
    <section className="tb-panel tb-template-editor" aria-labelledby="template-editor">
      <h2 id="template-editor">
        {t('templates.editTitle', {
          name: words.name(template),
          channel: words.channel(template),
          locale: words.locale(template),
        })}
      </h2>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ title: template.title, body: template.body }}
        onFinish={(v) =>
          save.mutate(
            { key, text: { title: v.title.trim(), body: v.body.trim() } },
            {
              onSuccess: () => onClose('templates.saved'),
              onError: (e) => applyFieldProblems(form, fieldProblems(e)),
            },
          )
        }
      >
        {save.isError ? <ProblemAlert error={save.error} /> : null}
        {reset.isError ? <ProblemAlert error={reset.error} /> : null}
        <Form.Item
          name="title"
          label={t('templates.subject')}
          rules={[{ required: true, whitespace: true }, { validator: checkVariables }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('templates.body')}
          rules={[{ required: true, whitespace: true }, { validator: checkVariables }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <div className="tb-template-editor__vars">
          <h3>{t('templates.variables')}</h3>
          <p className="tb-muted tb-small">
            {t('templates.variablesHelp', { example: `{{${template.variables[0] ?? 'name'}}}` })}
          </p>
          <dl className="tb-facts">
            {template.variables.map((v) => (
              <div key={v}>
                <dt>
                  <code>{`{{${v}}}`}</code>
                </dt>
                <dd>{words.variable(v)}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="tb-template-preview" aria-labelledby="template-preview">
          <h3 id="template-preview">{t('templates.preview')}</h3>
          <p className="tb-template-preview__title">{fill(title, samples)}</p>
          <p className="tb-template-preview__body">{fill(body, samples)}</p>
        </div>
        <div className="tb-template-editor__actions">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('templates.save')}
          </Button>
          {template.customised ? (
            <Button
              loading={reset.isPending}
              onClick={() => reset.mutate(key, { onSuccess: () => onClose('templates.resetDone') })}
            >
              {t('templates.reset')}
            </Button>
          ) : null}
          <Button onClick={() => onClose(null)}>{t('templates.cancel')}</Button>
        </div>
      </Form>
    </section>
  );
}

/** 消息模板 in 管理后台 (system administrators): every template by kind, channel and language. */
export function TemplatesPage() {
  const { t } = useTranslation('notify');
  const words = useTemplateWords();
  const templates = useTemplates();
  const [kind, setKind] = useState<string | undefined>();
  const [editing, setEditing] = useState<Template | null>(null);
  const [done, setDone] = useState<Done>(null);
  useDocumentTitle(t('templates.title'));
  const rows = (templates.data ?? []).filter((x) => !kind || x.kind === kind);
  const kinds = [...new Map((templates.data ?? []).map((x) => [x.kind, x])).values()];
  const columns: TableColumnsType<Template> = [
    {
      title: t('templates.kind'),
      key: 'kind',
      render: (_, x) => (
        <span>
          {words.name(x)} {x.urgent ? <Badge tone="orange">{t('templates.urgent')}</Badge> : null}
        </span>
      ),
    },
    { title: t('templates.channel'), key: 'channel', render: (_, x) => words.channel(x) },
    { title: t('templates.locale'), key: 'locale', render: (_, x) => words.locale(x) },
    { title: t('templates.subject'), dataIndex: 'title' },
    {
      title: t('templates.state'),
      key: 'state',
      render: (_, x) =>
        x.customised ? (
          <Badge tone="blue">{t('templates.customised')}</Badge>
        ) : (
          <Badge tone="gray">{t('templates.default')}</Badge>
        ),
    },
    {
      title: t('templates.edit'),
      key: 'edit',
      render: (_, x) => (
        <Button
          size="small"
          aria-label={`${t('templates.edit')} ${words.name(x)} ${words.channel(x)} ${words.locale(x)}`}
          onClick={() => {
            setDone(null);
            setEditing(x);
          }}
        >
          {t('templates.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <header className="tb-page-header tb-admin__header">
        <h1>{t('templates.title')}</h1>
        <p className="tb-admin__lead">{t('templates.lead')}</p>
      </header>
      <Announcement>{done ? t(done) : ''}</Announcement>
      {editing ? (
        <Editor
          key={`${editing.kind}/${editing.channel}/${editing.locale}`}
          template={editing}
          onClose={(result) => {
            setEditing(null);
            setDone(result);
          }}
        />
      ) : null}
      {templates.isError ? <ProblemAlert error={templates.error} onRetry={() => void templates.refetch()} /> : null}
      <Select
        className="tb-templates__filter"
        aria-label={t('templates.filterKind')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('templates.allKinds')}
        value={kind}
        onChange={setKind}
        options={kinds.map((x) => ({ value: x.kind, label: words.name(x) }))}
      />
      <Table<Template>
        rowKey={(x) => `${x.kind}/${x.channel}/${x.locale}`}
        size="small"
        loading={templates.isPending}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
      />
    </>
  );
}

export default TemplatesPage;
