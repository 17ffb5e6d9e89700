import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Announcement } from '../../../ui/Announcement';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDepartments } from '../../catalog';
import type { StaffMe } from '../../identity';
import { useLicenseTypes } from '../../licenses';
import * as api from './api';

const STEPS: Record<string, api.StatusStep[]> = { valid: ['suspend', 'revoke'], suspended: ['reinstate', 'revoke'] };

/** 直接签发: a type this staff member's departments may issue, to a holder by ID number or credit code. */
function IssueForm({ me, onDone }: { me: StaffMe; onDone: (m: string) => void }) {
  const { t } = useTranslation('licenseWork');
  const types = useLicenseTypes();
  const departments = useDepartments(me.regionCode);
  const [form] = Form.useForm<Record<string, string>>();
  const typeCode = Form.useWatch('typeCode', form);
  const type = types.data?.find((x) => x.code === typeCode);
  const mine = (departments.data ?? []).filter(
    (d) =>
      d.regionCode.startsWith(me.regionCode) &&
      me.departmentIds.includes(d.id) &&
      (!type || d.category === type.category),
  );
  const issue = useMutation({
    mutationFn: (v: Record<string, string>) =>
      api.issueLicense({
        typeCode: v.typeCode!,
        departmentId: v.departmentId!,
        holder: {
          kind: type!.holderKind === 'enterprise' ? 'enterprise' : 'person',
          id: v.holderId!.trim().toUpperCase(),
          name: v.holderName!.trim(),
        },
        data: Object.fromEntries(
          type!.fields.flatMap((f) => (v[`field_${f.key}`]?.trim() ? [[f.key, v[`field_${f.key}`]!.trim()]] : [])),
        ),
      }),
    onSuccess: (r) => {
      form.resetFields();
      onDone(t('issued', { number: r.number }));
    },
  });
  return (
    <section className="tb-panel" aria-labelledby="licence-issue">
      <h2 id="licence-issue">{t('issueTitle')}</h2>
      <p className="tb-muted">{t('issueHelp')}</p>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-labelledby="licence-issue"
        onFinish={(v) => issue.mutate(v)}
      >
        {issue.isError ? <ProblemAlert error={issue.error} /> : null}
        <Form.Item name="typeCode" label={t('type')} rules={[{ required: true, message: t('typeRequired') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={types.isPending}
            options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
            onChange={() => form.setFieldValue('departmentId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t('department')}
          rules={[{ required: true, message: t('departmentRequired') }]}
        >
          <Select options={mine.map((d) => ({ value: d.id, label: d.name }))} loading={departments.isPending} />
        </Form.Item>
        <Form.Item
          name="holderId"
          label={t('holderId')}
          rules={[{ required: true, pattern: /^[0-9A-Za-z]{18}$/, message: t('holderIdRequired') }]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="holderName"
          label={t('holderName')}
          rules={[{ required: true, whitespace: true, message: t('holderNameRequired') }, { max: 200 }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        {type?.fields.map((f) => (
          <Form.Item key={f.key} name={`field_${f.key}`} label={f.label} rules={[{ max: 500 }]}>
            <Input maxLength={500} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={issue.isPending} autoInsertSpace={false}>
          {t('issue')}
        </Button>
      </Form>
    </section>
  );
}

/** 注销 / 中止 / 恢复 a licence of this department, found by its number. */
function ManageLicence({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useTranslation('licenseWork');
  const { t: tm } = useTranslation();
  const [number, setNumber] = useState('');
  const [asked, setAsked] = useState('');
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const found = useQuery({
    queryKey: ['licenses', 'issued', asked],
    queryFn: ({ signal }) => api.findIssued(asked, signal),
    enabled: asked.length > 0,
    retry: false,
  });
  const step = useMutation({
    mutationFn: (s: api.StatusStep) => api.changeLicenseStatus(found.data!.id, s, reason.trim()),
    onSuccess: (r) => {
      setReason('');
      onDone(t('changed', { number: asked, status: tm(`licenses.status.${r.status as 'valid'}`) }));
      void queryClient.invalidateQueries({ queryKey: ['licenses', 'issued', asked] });
    },
  });
  const l = found.data;
  return (
    <section className="tb-panel" aria-labelledby="licence-manage">
      <h2 id="licence-manage">{t('manageTitle')}</h2>
      <form
        className="tb-walk-in__search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(number.trim());
        }}
      >
        <Input
          aria-label={t('number')}
          placeholder={t('number')}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
        <Button htmlType="submit" autoInsertSpace={false}>
          {t('find')}
        </Button>
      </form>
      {found.isError ? <ProblemAlert error={found.error} /> : null}
      {l ? (
        <div className="tb-licence-work">
          <p>
            <strong>{l.typeName}</strong> <span className="tb-code">{l.number}</span> · {t('holder')} {l.holderName} ·{' '}
            {t('issuer')} {l.issuer} · {t('status')} {tm(`licenses.status.${l.status as 'valid'}`)}
          </p>
          {STEPS[l.status] ? (
            <>
              <Input.TextArea
                aria-label={t('reason')}
                placeholder={t('reason')}
                rows={2}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              {step.isError ? <ProblemAlert error={step.error} /> : null}
              <p className="tb-inline-links">
                {STEPS[l.status]!.map((s) => (
                  <Button
                    key={s}
                    danger={s === 'revoke'}
                    disabled={!reason.trim()}
                    loading={step.isPending && step.variables === s}
                    onClick={() => step.mutate(s)}
                    autoInsertSpace={false}
                  >
                    {t(s)}
                  </Button>
                ))}
              </p>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** 证照管理 for approvers and department heads: issue directly, and revoke, suspend or reinstate. */
export function LicenceWorkTab({ me }: { me: StaffMe }) {
  const [done, setDone] = useState('');
  return (
    <>
      <Announcement>{done}</Announcement>
      <IssueForm me={me} onDone={setDone} />
      <ManageLicence onDone={setDone} />
    </>
  );
}
