import { Button, Checkbox, Form, Input, Popconfirm, Select } from 'antd';
import { Announcement } from '../../ui/Announcement';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useEnglish } from '../../ui/useEnglish';
import { shortDate } from '../../ui/format';
import { useDepartments } from '../catalog';
import { RegionSelector } from '../catalog';
import type { PersonMe } from '../identity';
import type { Consent } from './api';
import { useConsents, useGrantConsent, useLicenseTypes, useRevokeConsent } from './queries';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

interface GrantValues {
  departmentId: string;
  typeCodes: string[];
  purpose: string;
  expiresOn: string;
}

function GrantForm({ holderKind, onDone }: { holderKind: 'person' | 'enterprise'; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [region, setRegion] = useState<string | undefined>();
  const departments = useDepartments(region, Boolean(region));
  const types = useLicenseTypes();
  const grant = useGrantConsent();
  const [form] = Form.useForm<GrantValues>();
  const today = Date.now();
  const required = { required: true, message: t('licenses.consents.required') };
  return (
    <details className="tb-consent-grant">
      <summary>{t('licenses.consents.grantTitle')}</summary>
      <p className="tb-muted tb-small">{t('licenses.consents.grantHelp')}</p>
      {grant.isError ? <ProblemAlert error={grant.error} /> : null}
      <RegionSelector value={region} onChange={setRegion} compact />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-label={t('licenses.consents.grantTitle')}
        initialValues={{ expiresOn: isoDay(today + 30 * DAY), typeCodes: [] }}
        onFinish={(v) =>
          grant.mutate(
            {
              departmentId: v.departmentId,
              typeCodes: v.typeCodes,
              purpose: v.purpose.trim(),
              expiresAt: new Date(`${v.expiresOn}T23:59:59+08:00`).toISOString(),
            },
            {
              onSuccess: () => {
                form.resetFields();
                onDone(t('licenses.consents.granted'));
              },
            },
          )
        }
      >
        <Form.Item name="departmentId" label={t('licenses.consents.department')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!region}
            loading={departments.isFetching}
            placeholder={region ? t('licenses.consents.departmentPick') : t('licenses.consents.regionFirst')}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="typeCodes"
          label={t('licenses.consents.types')}
          rules={[{ ...required, type: 'array', min: 1 }]}
        >
          <Checkbox.Group
            options={(types.data ?? [])
              .filter((x) => x.holderKind === holderKind)
              .map((x) => ({ value: x.code, label: x.name }))}
          />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('licenses.consents.purpose')}
          rules={[{ ...required, whitespace: true }, { max: 500 }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('licenses.consents.expiresOn')}
          rules={[required]}
          extra={t('licenses.consents.expiresHelp')}
        >
          <Input type="date" min={isoDay(today + DAY)} max={isoDay(today + 365 * DAY)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={grant.isPending} autoInsertSpace={false}>
          {t('licenses.consents.grant')}
        </Button>
      </Form>
    </details>
  );
}

function ConsentItem({
  c,
  departmentName,
  typeName,
  onDone,
}: {
  c: Consent;
  departmentName: string;
  typeName: (code: string) => string;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const en = useEnglish();
  const revoke = useRevokeConsent();
  const state = c.revokedAt ? 'revoked' : c.active ? 'active' : 'expired';
  return (
    <li className="tb-use">
      <div className="tb-case-card__head">
        <strong>{departmentName}</strong>
        <Badge tone={state === 'active' ? 'green' : 'gray'}>{t(`licenses.consents.state.${state}`)}</Badge>
      </div>
      <dl className="tb-case-card__facts">
        <div>
          <dt>{t('licenses.consents.types')}</dt>
          <dd>{c.typeCodes.map(typeName).join(t('app.listSep'))}</dd>
        </div>
        <div>
          <dt>{t('licenses.consents.purpose')}</dt>
          <dd>{c.purpose}</dd>
        </div>
        <div>
          <dt>{t('licenses.consents.period')}</dt>
          <dd>
            {t('licenses.validRange', {
              from: shortDate(c.grantedAt, en),
              until: shortDate(c.revokedAt ?? c.expiresAt, en),
            })}
          </dd>
        </div>
      </dl>
      {revoke.isError ? <ProblemAlert error={revoke.error} /> : null}
      {c.active ? (
        <Popconfirm
          title={t('licenses.consents.revokeConfirm')}
          okText={t('licenses.consents.revoke')}
          cancelText={t('cases.workbench.cancel')}
          okButtonProps={{ danger: true, autoInsertSpace: false }}
          onConfirm={() =>
            revoke.mutate(c.id, { onSuccess: () => onDone(t('licenses.consents.revoked', { name: departmentName })) })
          }
        >
          <Button danger size="small" loading={revoke.isPending} autoInsertSpace={false}>
            {t('licenses.consents.revoke')}
            <span className="sr-only">{departmentName}</span>
          </Button>
        </Popconfirm>
      ) : null}
    </li>
  );
}

/** 授权用证: the departments I let use my licences, with revoke, and a new consent. */
export function ConsentsSection({ me }: { me: PersonMe }) {
  const { t } = useTranslation();
  const consents = useConsents();
  const types = useLicenseTypes();
  const departments = useDepartments(undefined, Boolean(consents.data?.length));
  const [done, setDone] = useState('');
  const typeName = (code: string) => types.data?.find((x) => x.code === code)?.name ?? code;
  const departmentName = (id: string) =>
    departments.data?.find((d) => d.id === id)?.name ?? t('licenses.consents.someDepartment');
  return (
    <section className="tb-panel tb-case-section" aria-labelledby="uses-consents">
      <h2 id="uses-consents">{t('licenses.consents.title')}</h2>
      <p className="tb-muted">{t('licenses.consents.intro')}</p>
      <Announcement>{done}</Announcement>
      {consents.isPending ? (
        <PageLoading rows={2} />
      ) : consents.isError ? (
        <ProblemAlert error={consents.error} onRetry={() => void consents.refetch()} />
      ) : consents.data.length === 0 ? (
        <p>{t('licenses.consents.empty')}</p>
      ) : (
        <ul className="tb-case-list" aria-label={t('licenses.consents.title')}>
          {consents.data.map((c) => (
            <ConsentItem
              key={c.id}
              c={c}
              departmentName={departmentName(c.departmentId)}
              typeName={typeName}
              onDone={setDone}
            />
          ))}
        </ul>
      )}
      <GrantForm holderKind={me.actingFor ? 'enterprise' : 'person'} onDone={setDone} />
    </section>
  );
}
