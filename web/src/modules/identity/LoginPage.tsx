import { Button, Form, Input, Space, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Tabs } from '../../ui/Tabs';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { signIn } from './api';
import { FormProblem } from './FormProblem';
import { applyFieldErrors, problemCode, problemOf } from './problems';
import { SmsCodeButton } from './SmsCodeButton';
import { maskPhone, useFinishSignIn } from './useFinishSignIn';
import { PHONE, SMS_CODE } from './validation';
import './identity.css';

type Method = 'password' | 'sms';

/** 账号已锁定: when the lock ends, as a time of day and in minutes. */
function Lockout({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const seconds = Number(problemOf(error)?.retryAfterSeconds ?? 0);
  const until = new Date(Date.now() + seconds * 1000);
  const time = until.toLocaleTimeString(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit' });
  return (
    <FormProblem error={error} title={t('identity.login.lockedTitle')}>
      <p className="tb-form-problem__text">{t('identity.login.locked', { time, minutes: Math.max(1, Math.ceil(seconds / 60)) })}</p>
      <p className="tb-form-problem__text">{t('identity.login.lockedHelp')}</p>
    </FormProblem>
  );
}

function SignInProblem({ error }: { error: unknown }) {
  if (!error) return null;
  if (problemCode(error) === 'IDENTITY.ACCOUNT_LOCKED') return <Lockout error={error} />;
  return <FormProblem error={error} />;
}

interface PasswordValues {
  account: string;
  password: string;
  totp?: string;
}

function PasswordForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordValues>();
  const finish = useFinishSignIn();
  const [error, setError] = useState<unknown>();
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<InputRef>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const submit = async (values: PasswordValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const signed = await signIn({ method: 'password', account: values.account.trim(), password: values.password, ...(needTotp && values.totp ? { totp: values.totp } : {}) });
      finish(signed.me);
    } catch (e) {
      if (problemCode(e) === 'IDENTITY.TOTP_REQUIRED') {
        setNeedTotp(true);
      } else {
        setError(e);
        applyFieldErrors(form, e);
        if (problemCode(e) === 'IDENTITY.BAD_TOTP') form.setFieldValue('totp', '');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} className="tb-auth-form">
      {needTotp && !error ? <FormProblem error={undefined} type="info" title={t('identity.login.totpRequired')} /> : null}
      <SignInProblem error={error} />
      <Form.Item name="account" label={t('identity.fields.account')} extra={t('identity.login.accountHelp')} rules={[{ required: true, whitespace: true, message: t('identity.validation.account') }]}>
        <Input autoComplete="username" autoCapitalize="off" spellCheck={false} size="large" />
      </Form.Item>
      <Form.Item name="password" label={t('identity.fields.password')} rules={[{ required: true, message: t('identity.validation.password') }]}>
        <Input.Password autoComplete="current-password" size="large" />
      </Form.Item>
      {needTotp ? (
        <Form.Item name="totp" label={t('identity.fields.totp')} extra={t('identity.login.totpHelp')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('identity.validation.totp') }]}>
          <Input ref={totpRef} inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" className="tb-code-input" />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" size="large" block loading={busy} autoInsertSpace={false}>
        {t('identity.login.submit')}
      </Button>
    </Form>
  );
}

interface SmsValues {
  phone: string;
  code: string;
}

function SmsForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SmsValues>();
  const finish = useFinishSignIn();
  const [error, setError] = useState<unknown>();
  const [sentTo, setSentTo] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: SmsValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const signed = await signIn({ method: 'sms', phone: values.phone.trim(), code: values.code.trim() });
      finish(signed.me);
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e, { smsCode: 'code' });
    } finally {
      setBusy(false);
    }
  };

  const getPhone = async () => {
    try {
      return ((await form.validateFields(['phone'])) as Pick<SmsValues, 'phone'>).phone.trim();
    } catch {
      return undefined;
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} className="tb-auth-form">
      <SignInProblem error={error} />
      <p className="tb-muted tb-small">{t('identity.login.smsHelp')}</p>
      <Form.Item name="phone" label={t('identity.fields.phone')} rules={[{ required: true, pattern: PHONE, message: t('identity.validation.phone') }]}>
        <Input inputMode="tel" autoComplete="tel-national" maxLength={11} size="large" />
      </Form.Item>
      <Form.Item label={t('identity.fields.smsCode')} required extra={sentTo ? <span role="status">{t('identity.sms.sent', { phone: maskPhone(sentTo) })}</span> : undefined}>
        <Space.Compact block>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: SMS_CODE, message: t('identity.validation.smsCode') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" aria-label={t('identity.fields.smsCode')} className="tb-code-input" />
          </Form.Item>
          <SmsCodeButton
            purpose="sign-in"
            getPhone={getPhone}
            onSent={(phone) => {
              setError(undefined);
              setSentTo(phone);
            }}
            onError={setError}
          />
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={busy} autoInsertSpace={false}>
        {t('identity.login.submit')}
      </Button>
    </Form>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [method, setMethod] = useState<Method>('password');
  useDocumentTitle(t('identity.login.title'));
  const returnTo = params.get('returnTo');
  const registerHref = returnTo ? `/register?returnTo=${encodeURIComponent(returnTo)}` : '/register';

  return (
    <div className="tb-container tb-page tb-auth">
      <div className="tb-panel tb-auth__panel">
        <header className="tb-page-header">
          <h1>{t('identity.login.title')}</h1>
          <p className="tb-muted">{t('identity.login.intro')}</p>
        </header>
        <Tabs
          label={t('identity.login.methods')}
          active={method}
          onChange={setMethod}
          tabs={[
            { key: 'password', label: t('identity.login.passwordTab'), panel: <PasswordForm /> },
            { key: 'sms', label: t('identity.login.smsTab'), panel: <SmsForm /> },
          ]}
        />
        <p className="tb-auth__alt">
          {t('identity.login.noAccount')} <Link to={registerHref}>{t('identity.login.registerLink')}</Link>
          <span className="tb-dot" aria-hidden="true">
            ·
          </span>
          <Link to="/forgot-password">{t('identity.forgot.link')}</Link>
          <span className="tb-dot" aria-hidden="true">
            ·
          </span>
          <Link to="/privacy">{t('identity.privacyLink')}</Link>
        </p>
      </div>
    </div>
  );
}

export default LoginPage;
