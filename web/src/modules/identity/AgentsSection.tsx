import { Button, Checkbox, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { AGENT_SCOPES, type Agent, type AgentScope, type EnterpriseLink } from './api';
import { applyFieldErrors } from '../../ui/problems';
import { useAgents, useGrantAgent, useRevokeAgent } from './queries';
import { formatDate } from '../../ui/format';
import { idNumberShapeOk } from './validation';

interface GrantValues {
  idNumber: string;
  name: string;
  scopes: AgentScope[];
  expiresOn: string;
}

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function AgentRow({
  agent,
  enterpriseId,
  onRevoked,
}: {
  agent: Agent;
  enterpriseId: string;
  onRevoked: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeAgent(enterpriseId);
  const en = i18n.resolvedLanguage === 'en';
  return (
    <li className="tb-agent">
      <div className="tb-agent__main">
        <span className="tb-agent__name">{agent.name}</span>
        <span className={agent.active ? 'tb-badge tb-badge--green' : 'tb-badge tb-badge--gray'}>
          {agent.active ? t('identity.agents.status.active') : t('identity.agents.status.inactive')}
        </span>
        <span className="tb-muted tb-small">{t(`identity.me.role.${agent.role}`)}</span>
      </div>
      <div className="tb-agent__meta tb-small">
        <span>
          {t('identity.me.scopes')}
          {t('app.colon')}
          {agent.scopes
            .map((s) => (AGENT_SCOPES.includes(s as AgentScope) ? t(`identity.agents.scope.${s as AgentScope}`) : s))
            .join(t('app.listSep'))}
        </span>
        <span>
          {agent.expiresAt
            ? t('identity.me.validUntil', { date: formatDate(agent.expiresAt, en) })
            : t('identity.agents.noExpiry')}
        </span>
        <span>{t('identity.agents.grantedAt', { date: formatDate(agent.grantedAt, en) })}</span>
      </div>
      {agent.active && agent.role === 'agent' ? (
        <div className="tb-agent__actions">
          <Popconfirm
            title={t('identity.agents.revokeConfirm', { name: agent.name })}
            okText={t('identity.agents.revoke')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke.mutateAsync(agent.id).then(() => onRevoked(agent.name))}
          >
            <Button danger loading={revoke.isPending}>
              {t('identity.agents.revoke')}
              <span className="sr-only"> {agent.name}</span>
            </Button>
          </Popconfirm>
          {revoke.isError ? <ProblemAlert error={revoke.error} /> : null}
        </div>
      ) : null}
    </li>
  );
}

/** 经办人管理 for one enterprise the person represents: the agents, authorising one, revoking. */
export function AgentsSection({ enterprise }: { enterprise: EnterpriseLink }) {
  const { t } = useTranslation();
  const agents = useAgents(enterprise.enterpriseId);
  const grant = useGrantAgent(enterprise.enterpriseId);
  const [form] = Form.useForm<GrantValues>();
  const [announcement, setAnnouncement] = useState('');
  const headingId = `agents-${enterprise.enterpriseId}`;
  const today = new Date();
  const min = isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1));
  const max = isoDay(new Date(today.getFullYear() + 3, today.getMonth(), today.getDate() - 1));

  const submit = async (v: GrantValues) => {
    try {
      // Valid through the chosen day, in the person's own time zone.
      await grant.mutateAsync({
        idNumber: v.idNumber.trim().toUpperCase(),
        name: v.name.trim(),
        scopes: v.scopes,
        expiresAt: new Date(`${v.expiresOn}T23:59:59`).toISOString(),
      });
      form.resetFields();
      setAnnouncement(t('identity.agents.granted'));
    } catch (e) {
      applyFieldErrors(form, e, { expiresAt: 'expiresOn' });
    }
  };

  return (
    <section className="tb-panel tb-account-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('identity.agents.title', { name: enterprise.name })}</h2>
      <p className="tb-muted">{t('identity.agents.intro')}</p>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {agents.isPending ? (
        <PageLoading rows={2} />
      ) : agents.isError ? (
        <ProblemAlert error={agents.error} onRetry={() => void agents.refetch()} />
      ) : agents.data.length === 0 ? (
        <p>{t('identity.agents.empty')}</p>
      ) : (
        <ul className="tb-agents" aria-label={t('identity.agents.list')}>
          {agents.data.map((a) => (
            <AgentRow
              key={a.id}
              agent={a}
              enterpriseId={enterprise.enterpriseId}
              onRevoked={() => setAnnouncement(t('identity.agents.revoked'))}
            />
          ))}
        </ul>
      )}
      <h3 className="tb-account-subhead">{t('identity.agents.grantTitle')}</h3>
      <p className="tb-muted tb-small">{t('identity.agents.grantHelp')}</p>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        initialValues={{ scopes: ['apply', 'track'] }}
        aria-label={t('identity.agents.grantTitle')}
      >
        {grant.isError ? <ProblemAlert error={grant.error} /> : null}
        <div className="tb-form-grid">
          <Form.Item
            name="name"
            label={t('identity.fields.name')}
            rules={[{ required: true, whitespace: true, max: 50, message: t('identity.validation.name') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('identity.fields.idNumber')}
            normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
            rules={[
              { required: true, message: t('identity.validation.idNumber') },
              {
                validator: (_, v: string | undefined) =>
                  !v || idNumberShapeOk(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('identity.validation.idNumber'))),
              },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} maxLength={18} className="tb-code-input" />
          </Form.Item>
        </div>
        <Form.Item
          name="scopes"
          label={t('identity.me.scopes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('identity.agents.scopesRequired') }]}
        >
          <Checkbox.Group options={AGENT_SCOPES.map((s) => ({ value: s, label: t(`identity.agents.scope.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('identity.agents.expiresAt')}
          rules={[
            {
              required: true,
              validator: (_, v: string | undefined) =>
                v && v >= min && v <= max
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('identity.agents.expiresAtRequired'))),
            },
          ]}
        >
          <Input type="date" min={min} max={max} className="tb-date-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={grant.isPending} autoInsertSpace={false}>
          {t('identity.agents.grant')}
        </Button>
      </Form>
    </section>
  );
}
