import { Button, Form, Input, Space, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Tabs } from '../../ui/Tabs';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { requestStepUpCode, signIn } from './api';
import { applyFieldErrors, problemCode, problemOf } from '../../ui/problems';
import { SmsCodeButton } from './SmsCodeButton';
import { maskPhone, useFinishSignIn } from './useFinishSignIn';
import { PHONE, SMS_CODE } from './validation';
import './identity.css';
import { ProblemAlert } from '../../ui/ProblemAlert';

type Method = 'password' | 'sms';

/** 登录过于频繁: how long to wait — never a lock. */
function Throttled({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const seconds = Math.max(1, Number(problemOf(error)?.retryAfterSeconds ?? 1));
  return (
    <ProblemAlert error={error} title={t('identity.login.throttledTitle')}>
      <p className="tb-problem__text">{t('identity.login.throttled', { seconds })}</p>
      <p className="tb-problem__text">{t('identity.login.throttledHelp')}</p>
    </ProblemAlert>
  );
}

function SignInProblem({ error }: { error: unknown }) {
  if (!error) return null;
  if (problemCode(error) === 'IDENTITY.SIGN_IN_THROTTLED') return <Throttled error={error} />;
  return <ProblemAlert error={error} />;
}

interface PasswordValues {
  account: string;
  password: string;
  totp?: string;
  stepUpCode?: string;
  newPassword?: string;
}

/** What the server asked for besides the password: a TOTP code (staff), an SMS code after failures (persons), a new password (expired). */
type Extra = 'totp' | 'step-up' | 'new-password';
const PERSON_ACCOUNT = /^(1[3-9]\d{9}|\d{17}[\dXx])$/;

function PasswordForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordValues>();
  const finish = useFinishSignIn();
  const [error, setError] = useState<unknown>();
  const [extras, setExtras] = useState<ReadonlySet<Extra>>(new Set());
  const [notice, setNotice] = useState<Extra>();
  const [codeSent, setCodeSent] = useState(false);
  const [staffStepUp, setStaffStepUp] = useState(false);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<InputRef>(null);
  const need = (e: Extra) => extras.has(e);

  useEffect(() => {
    if (notice === 'totp') totpRef.current?.focus();
  }, [notice]);

  const ask = (extra: Extra) => {
    setExtras((s) => new Set([...s, extra]));
    setNotice(extra);
  };

  const submit = async (values: PasswordValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const signed = await signIn({
        method: 'password',
        account: values.account.trim(),
        password: values.password,
        ...(need('totp') && values.totp ? { totp: values.totp } : {}),
        ...(need('step-up') && values.stepUpCode ? { stepUpCode: values.stepUpCode } : {}),
        ...(need('new-password') && values.newPassword ? { newPassword: values.newPassword } : {}),
      });
      finish(signed.me);
    } catch (e) {
      const code = problemCode(e);
      if (code === 'IDENTITY.TOTP_REQUIRED') ask('totp');
      else if (code === 'IDENTITY.STEP_UP_REQUIRED') {
        const person = PERSON_ACCOUNT.test(values.account.trim());
        setStaffStepUp(!person);
        ask(person ? 'step-up' : 'totp');
      } else if (code === 'IDENTITY.PASSWORD_EXPIRED') ask('new-password');
      else {
        setError(e);
        applyFieldErrors(form, e);
        if (code === 'IDENTITY.BAD_TOTP') form.setFieldValue('totp', '');
      }
    } finally {
      setBusy(false);
    }
  };

  const getAccount = async () => {
    try {
      return ((await form.validateFields(['account'])) as Pick<PasswordValues, 'account'>).account.trim();
    } catch {
      return undefined;
    }
  };

  const noticeText: Record<Extra, [string, string]> = {
    totp: staffStepUp
      ? [t('identity.login.stepUpTitle'), t('identity.login.stepUpStaff')]
      : [t('identity.login.totpRequired'), ''],
    'step-up': [t('identity.login.stepUpTitle'), t('identity.login.stepUpPerson')],
    'new-password': [t('identity.login.expiredTitle'), t('identity.login.expired')],
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} className="tb-auth-form">
      {notice && !error ? (
        <ProblemAlert error={undefined} type="info" title={noticeText[notice][0]}>
          {noticeText[notice][1] ? <p className="tb-problem__text">{noticeText[notice][1]}</p> : null}
        </ProblemAlert>
      ) : null}
      <SignInProblem error={error} />
      <Form.Item
        name="account"
        label={t('identity.fields.account')}
        extra={t('identity.login.accountHelp')}
        rules={[{ required: true, whitespace: true, message: t('identity.validation.account') }]}
      >
        <Input autoComplete="username" autoCapitalize="off" spellCheck={false} size="large" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('identity.fields.password')}
        rules={[{ required: true, message: t('identity.validation.password') }]}
      >
        <Input.Password autoComplete="current-password" size="large" />
      </Form.Item>
      {need('totp') ? (
        <Form.Item
          name="totp"
          label={t('identity.fields.totp')}
          extra={t('identity.login.totpHelp')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('identity.validation.totp') }]}
        >
          <Input
            ref={totpRef}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            size="large"
            className="tb-code-input"
          />
        </Form.Item>
      ) : null}
      {need('step-up') ? (
        <Form.Item
          label={t('identity.login.stepUpCode')}
          required
          extra={codeSent ? <span role="status">{t('identity.login.stepUpSent')}</span> : undefined}
        >
          <Space.Compact block>
            <Form.Item
              name="stepUpCode"
              noStyle
              rules={[{ required: true, pattern: SMS_CODE, message: t('identity.validation.smsCode') }]}
            >
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                size="large"
                aria-label={t('identity.login.stepUpCode')}
                className="tb-code-input"
              />
            </Form.Item>
            <SmsCodeButton
              purpose="sign-in"
              request={requestStepUpCode}
              getPhone={getAccount}
              onSent={() => {
                setError(undefined);
                setCodeSent(true);
              }}
              onError={setError}
            />
          </Space.Compact>
        </Form.Item>
      ) : null}
      {need('new-password') ? (
        <Form.Item
          name="newPassword"
          label={t('identity.login.newPassword')}
          rules={[{ required: true, message: t('identity.validation.password') }]}
        >
          <Input.Password autoComplete="new-password" size="large" />
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
      <Form.Item
        name="phone"
        label={t('identity.fields.phone')}
        rules={[{ required: true, pattern: PHONE, message: t('identity.validation.phone') }]}
      >
        <Input inputMode="tel" autoComplete="tel-national" maxLength={11} size="large" />
      </Form.Item>
      <Form.Item
        label={t('identity.fields.smsCode')}
        required
        extra={sentTo ? <span role="status">{t('identity.sms.sent', { phone: maskPhone(sentTo) })}</span> : undefined}
      >
        <Space.Compact block>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: SMS_CODE, message: t('identity.validation.smsCode') }]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              size="large"
              aria-label={t('identity.fields.smsCode')}
              className="tb-code-input"
            />
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
