import type { TFunction } from 'i18next';
import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { setLanguage, type Language } from '../../ui/language';
import { Fact } from '../../ui/Fact';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useChoice } from '../../ui/useChoice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { formatDate } from '../../ui/format';
import { useRegions } from '../catalog';
import { AGENT_SCOPES, type AgentScope, type PersonMe, type StaffMe } from './api';
import { AgentsSection } from './AgentsSection';
import { applyFieldErrors } from '../../ui/problems';
import { useClaimEnterprise, useMe, useSetActingFor, useSetPreferredLanguage, useSignOut } from './queries';
import './identity.css';

const LEVELS = ['1', '2', '3'] as const;
const STAFF_ROLES = [
  'window_clerk',
  'approver',
  'department_head',
  'supervisor',
  'catalog_admin',
  'catalog_reviewer',
  'data_admin',
  'system_admin',
  'registrar',
] as const;
type StaffRole = (typeof STAFF_ROLES)[number];

function scopeNames(scopes: string[], t: TFunction): string {
  return scopes
    .map((s) => (AGENT_SCOPES.includes(s as AgentScope) ? t(`identity.agents.scope.${s as AgentScope}`) : s))
    .join(t('app.listSep'));
}

function Basics({ me }: { me: PersonMe }) {
  const { t } = useTranslation();
  return (
    <section className="tb-panel tb-account-section" aria-labelledby="account-basics">
      <h2 id="account-basics">{t('identity.me.basics')}</h2>
      <dl className="tb-facts">
        <Fact label={t('identity.fields.name')}>{me.name}</Fact>
        <Fact label={t('identity.fields.idNumber')}>
          <span className="tb-code" data-testid="masked-id">
            {me.idNumber}
          </span>
        </Fact>
        <Fact label={t('identity.fields.phone')}>
          <span className="tb-code">{me.phone}</span>
        </Fact>
        <Fact label={t('identity.me.realNameLevel')}>
          <span className="tb-badge tb-badge--blue">{t('identity.me.levelShort', { level: me.realNameLevel })}</span>{' '}
          {t(`identity.me.levels.${me.realNameLevel}`)}
        </Fact>
      </dl>
      <p className="tb-muted tb-small">{t('identity.me.maskedNote')}</p>
      <details className="tb-levels">
        <summary>{t('identity.me.levelsTitle')}</summary>
        <ul>
          {LEVELS.map((l) => (
            <li
              key={l}
              aria-current={String(me.realNameLevel) === l ? 'true' : undefined}
              className={String(me.realNameLevel) === l ? 'is-current' : undefined}
            >
              {t(`identity.me.levels.${l}`)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** Where the person's own records live: cases, licences, and who used their data. */
function MyServices() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('complaints');
  const { t: tn } = useTranslation('notify');
  const { t: tp } = useTranslation('proactive');
  return (
    <nav className="tb-panel tb-account-section" aria-labelledby="account-services">
      <h2 id="account-services">{t('identity.me.services')}</h2>
      <ul className="tb-inline-links">
        <li>
          <Link to="/me/cases">{t('cases.nav.myCases')}</Link>
        </li>
        <li>
          <Link to="/me/licenses">{t('licenses.nav.wallet')}</Link>
        </li>
        <li>
          <Link to="/me/data-uses">{t('licenses.nav.dataUses')}</Link>
        </li>
        <li>
          <Link to="/me/complaints">{tc('title')}</Link>
        </li>
        <li>
          <Link to="/me/inbox">{tn('inbox.title')}</Link>
        </li>
        <li>
          <Link to="/me/notifications">{tn('prefs.title')}</Link>
        </li>
        <li>
          <Link to="/me/benefits">{tp('nav')}</Link>
        </li>
      </ul>
    </nav>
  );
}

function LanguagePreference({ me }: { me: PersonMe }) {
  const { t } = useTranslation();
  const save = useSetPreferredLanguage();
  const [saved, setSaved] = useState('');
  const choice = useChoice(me.language);
  const change = async (language: Language) => {
    setSaved('');
    choice.choose(language);
    await setLanguage(language);
    await save.mutateAsync(language).then(
      () => setSaved(t('identity.me.languageSaved')),
      () => choice.drop(),
    );
  };
  return (
    <section className="tb-panel tb-account-section" aria-labelledby="account-language">
      <h2 id="account-language">{t('identity.me.language')}</h2>
      <p className="tb-muted" id="account-language-help">
        {t('identity.me.languageHelp')}
      </p>
      <Radio.Group
        aria-labelledby="account-language"
        aria-describedby="account-language-help"
        value={choice.shown}
        onChange={(e) => void change(e.target.value as Language)}
        options={[
          { value: 'zh-CN', label: <span lang="zh-CN">简体中文</span> },
          { value: 'en', label: <span lang="en">English</span> },
        ]}
      />
      <p className="sr-only" role="status">
        {saved}
      </p>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
    </section>
  );
}

function ActingFor({ me }: { me: PersonMe }) {
  const { t, i18n } = useTranslation();
  const switchTo = useSetActingFor();
  const [announcement, setAnnouncement] = useState('');
  const en = i18n.resolvedLanguage === 'en';
  const current = me.actingFor?.enterpriseId ?? 'self';
  const choice = useChoice(current);
  const who = (id: string) =>
    id === 'self'
      ? t('identity.me.myself', { name: me.name })
      : t('identity.me.actingForEnterprise', { name: me.enterprises.find((e) => e.enterpriseId === id)?.name ?? '' });

  const change = (id: string) => {
    setAnnouncement('');
    choice.choose(id);
    switchTo.mutate(id === 'self' ? null : id, {
      onSuccess: () => setAnnouncement(t('identity.me.switched', { who: who(id) })),
      onError: () => choice.drop(),
    });
  };

  return (
    <section className="tb-panel tb-account-section" aria-labelledby="account-acting">
      <h2 id="account-acting">{t('identity.me.actingFor')}</h2>
      <p className="tb-muted" id="account-acting-help">
        {t('identity.me.actingForHelp')}
      </p>
      <p className="tb-acting-now">
        {t('identity.me.actingNow')}
        {t('app.colon')}
        <strong>{who(current)}</strong>
      </p>
      {me.enterprises.length === 0 ? (
        <p>{t('identity.me.noEnterprises')}</p>
      ) : (
        <Radio.Group
          className="tb-acting-options"
          aria-labelledby="account-acting"
          aria-describedby="account-acting-help"
          value={choice.shown}
          disabled={switchTo.isPending}
          onChange={(e) => change(e.target.value as string)}
        >
          <Radio value="self">{t('identity.me.myself', { name: me.name })}</Radio>
          {me.enterprises.map((e) => (
            <Radio key={e.enterpriseId} value={e.enterpriseId}>
              <span className="tb-acting-option">
                <span>
                  {e.name} <span className="tb-badge tb-badge--gray">{t(`identity.me.role.${e.role}`)}</span>
                </span>
                <span className="tb-muted tb-small">
                  {t('identity.me.scopes')}
                  {t('app.colon')}
                  {scopeNames(e.scopes, t)}
                  {e.expiresAt ? ` · ${t('identity.me.validUntil', { date: formatDate(e.expiresAt, en) })}` : ''}
                </span>
              </span>
            </Radio>
          ))}
        </Radio.Group>
      )}
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {switchTo.isError ? <ProblemAlert error={switchTo.error} /> : null}
    </section>
  );
}

function ClaimEnterprise() {
  const { t } = useTranslation();
  const claim = useClaimEnterprise();
  const [form] = Form.useForm<{ creditCode: string }>();
  const [done, setDone] = useState('');
  const submit = async ({ creditCode }: { creditCode: string }) => {
    setDone('');
    try {
      const r = await claim.mutateAsync(creditCode.trim().toUpperCase());
      form.resetFields();
      setDone(t('identity.me.claimed', { name: r.name }));
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };
  return (
    <details className="tb-panel tb-account-section tb-claim">
      <summary>{t('identity.me.claimTitle')}</summary>
      <p className="tb-muted">{t('identity.me.claimHelp')}</p>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        aria-label={t('identity.me.claimTitle')}
      >
        {claim.isError ? <ProblemAlert error={claim.error} /> : null}
        <Form.Item
          name="creditCode"
          label={t('identity.me.creditCode')}
          normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
          rules={[
            { required: true, pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('identity.me.creditCodeInvalid') },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} maxLength={18} className="tb-code-input" />
        </Form.Item>
        <Button htmlType="submit" loading={claim.isPending} autoInsertSpace={false}>
          {t('identity.me.claim')}
        </Button>
      </Form>
      <p role="status" className="tb-text-green">
        {done}
      </p>
    </details>
  );
}

/** The region's name from the catalogue's division table (its parent's children); the code while unknown. */
function RegionName({ code }: { code: string }) {
  const parent = code.length > 2 ? code.slice(0, code.length <= 6 ? code.length - 2 : code.length - 3) : undefined;
  const regions = useRegions(parent);
  const name = regions.data?.find((r) => r.code === code)?.name;
  return (
    <>
      {name ? `${name} ` : null}
      <span className="tb-code tb-muted">{code}</span>
    </>
  );
}

function StaffAccount({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  return (
    <section className="tb-panel tb-account-section" aria-labelledby="account-staff">
      <h2 id="account-staff">{t('identity.me.staffTitle')}</h2>
      <dl className="tb-facts">
        <Fact label={t('identity.fields.name')}>{me.name}</Fact>
        <Fact label={t('identity.me.username')}>
          <span className="tb-code">{me.username}</span>
        </Fact>
        <Fact label={t('identity.me.roles')}>
          <ul className="tb-inline-list">
            {me.roles.map((r) => (
              <li key={r} className="tb-badge tb-badge--blue">
                {STAFF_ROLES.includes(r as StaffRole) ? t(`identity.staffRole.${r as StaffRole}`) : r}
              </li>
            ))}
          </ul>
        </Fact>
        <Fact label={t('identity.me.region')}>
          <RegionName code={me.regionCode} />
        </Fact>
        {me.departmentIds.length > 0 ? (
          <Fact label={t('identity.me.departments')}>
            {t('identity.me.departmentCount', { count: me.departmentIds.length })}
          </Fact>
        ) : null}
        <Fact label={t('identity.me.totp')}>
          {me.totpEnrolled ? t('identity.me.totpOn') : t('identity.me.totpOff')}
        </Fact>
      </dl>
    </section>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <section className="tb-panel tb-account-section tb-signout">
      <p className="tb-muted">{t('identity.me.signOutHelp')}</p>
      <Button
        size="large"
        loading={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
      >
        {t('identity.signOut')}
      </Button>
    </section>
  );
}

export function MePage() {
  const { t } = useTranslation();
  const { t: tn } = useTranslation('notify');
  const me = useMe();
  useDocumentTitle(t('identity.me.title'));
  if (me.isPending) {
    return (
      <div className="tb-container tb-page">
        <PageLoading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="tb-container tb-page">
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data.kind === 'anonymous') return <Navigate to={`/login?returnTo=${encodeURIComponent('/me')}`} replace />;
  const data = me.data;
  return (
    <div className="tb-container tb-page tb-account">
      <header className="tb-page-header">
        <h1>{t('identity.me.title')}</h1>
      </header>
      {data.kind === 'person' ? (
        <>
          <Basics me={data} />
          <MyServices />
          <ActingFor me={data} />
          {data.enterprises
            .filter((e) => e.role === 'legal_representative')
            .map((e) => (
              <AgentsSection key={e.enterpriseId} enterprise={e} />
            ))}
          <ClaimEnterprise />
          <LanguagePreference me={data} />
        </>
      ) : (
        <>
          <StaffAccount me={data} />
          <p className="tb-panel tb-account-section">
            <Link to="/me/notifications">{tn('prefs.title')}</Link>
          </p>
        </>
      )}
      <SignOut />
    </div>
  );
}

export default MePage;
