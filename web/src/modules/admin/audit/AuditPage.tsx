import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { listAudit, verifyAudit, type AuditEntry, type AuditQuery } from '../api';
import { formatDateTime, PageHeader } from '../bits';
import { useEnglish } from '../../../ui/useEnglish';
import { DISPLAY_NAMES } from '../../../../../contracts/display-names';
import { useDisplayName } from '../../../ui/useDisplayName';

/** 审计日志: the hash-chained audit log, newest first, filtered by action, actor or target; and its verification. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const en = useEnglish();
  const name = useDisplayName();
  const actions = Object.keys(DISPLAY_NAMES.auditAction.names).map((value) => ({
    value,
    label: name('auditAction', value),
  }));
  useDocumentTitle(t('audit.title'));
  const [filter, setFilter] = useState<Omit<AuditQuery, 'beforeSeq'>>({});
  const [cursor, setCursor] = useState<number[]>([]);
  const beforeSeq = cursor[cursor.length - 1];
  const entries = useQuery({
    queryKey: ['admin', 'audit', filter, beforeSeq],
    queryFn: ({ signal }) => listAudit({ ...filter, beforeSeq }, signal),
    staleTime: 0,
  });
  const verify = useMutation({ mutationFn: verifyAudit });
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', align: 'right' },
    { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v, en) },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => name('auditAction', v) },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) =>
        e.actorName ? `${name('actorKind', e.actorKind)} ${e.actorName}` : name('actorKind', e.actorKind),
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, e) =>
        e.targetType
          ? e.targetName
            ? `${name('auditTarget', e.targetType)} ${e.targetName}`
            : name('auditTarget', e.targetType)
          : '—',
    },
    { title: t('audit.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
  ];
  const last = entries.data?.[entries.data.length - 1];
  return (
    <>
      <PageHeader title={t('audit.title')}>
        <p className="tb-admin__lead">{t('audit.lead')}</p>
      </PageHeader>
      <section className="tb-panel" aria-labelledby="tb-admin-verify">
        <h2 id="tb-admin-verify">{t('audit.verifyTitle')}</h2>
        <Button loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
        {verify.isError ? <ProblemAlert error={verify.error} /> : null}
        {verify.data ? (
          <Alert
            role="status"
            type={verify.data.ok ? 'success' : 'error'}
            showIcon
            title={
              verify.data.ok
                ? t('audit.intact', { count: verify.data.entries })
                : t('audit.broken', { seq: verify.data.firstBadSeq ?? '?', problem: verify.data.problem ?? '' })
            }
          />
        ) : null}
      </section>
      <Form
        layout="inline"
        className="tb-admin-inline"
        aria-label={t('audit.filter')}
        onFinish={(v: { action?: string; actorId?: string; targetId?: string }) => {
          setCursor([]);
          setFilter({
            action: v.action?.trim() || undefined,
            actorId: v.actorId?.trim() || undefined,
            targetId: v.targetId?.trim() || undefined,
          });
        }}
      >
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={actions}
            className="tb-admin-audit-action"
            placeholder={t('audit.anyAction')}
          />
        </Form.Item>
        <Form.Item name="actorId" label={t('audit.actor')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="targetId" label={t('audit.target')}>
          <Input maxLength={64} />
        </Form.Item>
        <Button htmlType="submit">{t('audit.apply')}</Button>
      </Form>
      {entries.isError ? <ProblemAlert error={entries.error} onRetry={() => void entries.refetch()} /> : null}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={entries.isPending}
        columns={columns}
        dataSource={entries.data ?? []}
        pagination={false}
        scroll={{ x: 960 }}
      />
      <nav className="tb-admin-pager" aria-label={t('pager.label')}>
        <Button disabled={cursor.length === 0} onClick={() => setCursor((c) => c.slice(0, -1))}>
          {t('audit.newer')}
        </Button>
        <Button
          disabled={!last || (entries.data?.length ?? 0) < 50}
          onClick={() => last && setCursor((c) => [...c, last.seq])}
        >
          {t('audit.older')}
        </Button>
      </nav>
    </>
  );
}

export default AuditPage;
