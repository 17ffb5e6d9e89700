import { Button, Checkbox, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentLanguage } from '../../ui/language';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { register } from './api';
import { applyFieldErrors, problemCode } from '../../ui/problems';
import { SmsCodeButton } from './SmsCodeButton';
import { maskPhone, useFinishSignIn } from './useFinishSignIn';
import { NewPasswordFields } from './NewPasswordFields';
import { idNumberShapeOk, PHONE, SMS_CODE } from './validation';
import './identity.css';
import { ProblemAlert } from '../../ui/ProblemAlert';

interface Values {
  name: string;
  idNumber: string;
  phone: string;
  smsCode: string;
  password: string;
  confirm: string;
  consent: boolean;
}

function RegistrationProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (!error) return null;
  const code = problemCode(error);
  if (code === 'IDENTITY.REGISTRY_MISMATCH') {
    return (
      <ProblemAlert error={error} title={t('identity.register.mismatchTitle')}>
        <p className="tb-problem__text">{t('identity.register.mismatch')}</p>
      </ProblemAlert>
    );
  }
  if (code === 'IDENTITY.ALREADY_REGISTERED') {
    const returnTo = params.get('returnTo');
    return (
      <ProblemAlert error={error} type="warning" title={t('identity.register.alreadyTitle')}>
        <p className="tb-problem__text">
          {t('identity.register.already')}{' '}
          <Link to={returnTo ? `/login?returnTo=${encodeURIComponent(returnTo)}` : '/login'}>
            {t('identity.register.goSignIn')}
          </Link>
        </p>
      </ProblemAlert>
    );
  }
  return <ProblemAlert error={error} />;
}

export function RegisterPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const finish = useFinishSignIn();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const password = Form.useWatch('password', form) ?? '';
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const phone = Form.useWatch('phone', form) ?? '';
  useDocumentTitle(t('identity.register.title'));
  const returnTo = params.get('returnTo');

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const signed = await register({
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: v.phone.trim(),
        smsCode: v.smsCode.trim(),
        password: v.password,
        language: currentLanguage(),
      });
      finish(signed.me);
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e);
      if (problemCode(e) === 'IDENTITY.PHONE_TAKEN')
        form.setFields([{ name: 'phone', errors: [(e as Error).message] }]);
    } finally {
      setBusy(false);
    }
  };

  const getPhone = async () => {
    try {
      return ((await form.validateFields(['phone'])) as Pick<Values, 'phone'>).phone.trim();
    } catch {
      return undefined;
    }
  };

  return (
    <div className="tb-container tb-page tb-auth">
      <div className="tb-panel tb-auth__panel">
        <header className="tb-page-header">
          <h1>{t('identity.register.title')}</h1>
          <p className="tb-muted">{t('identity.register.intro')}</p>
        </header>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
          className="tb-auth-form"
          aria-label={t('identity.register.title')}
          scrollToFirstError={{ focus: true }}
        >
          <RegistrationProblem error={error} />
          <Form.Item
            name="name"
            label={t('identity.fields.name')}
            rules={[{ required: true, whitespace: true, max: 50, message: t('identity.validation.name') }]}
          >
            <Input autoComplete="name" size="large" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('identity.fields.idNumber')}
            extra={t('identity.register.idNumberHelp')}
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
            <Input autoComplete="off" spellCheck={false} maxLength={18} size="large" className="tb-code-input" />
          </Form.Item>
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
            extra={
              sentTo ? <span role="status">{t('identity.sms.sent', { phone: maskPhone(sentTo) })}</span> : undefined
            }
          >
            <Space.Compact block>
              <Form.Item
                name="smsCode"
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
                purpose="register"
                getPhone={getPhone}
                onSent={(p) => {
                  setError(undefined);
                  setSentTo(p);
                }}
                onError={setError}
              />
            </Space.Compact>
          </Form.Item>
          <NewPasswordFields password={password} account={[idNumber, phone]} accountFields={['idNumber', 'phone']} />
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v: boolean | undefined) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('identity.validation.consent'))),
              },
            ]}
          >
            <Checkbox>
              {t('identity.register.consent')}{' '}
              <Link to="/privacy" target="_blank" rel="noopener">
                {t('identity.privacyLink')}
                <span className="sr-only">{t('identity.opensInNewWindow')}</span>
              </Link>
            </Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('identity.register.submit')}
          </Button>
        </Form>
        <p className="tb-auth__alt">
          {t('identity.register.haveAccount')}{' '}
          <Link to={returnTo ? `/login?returnTo=${encodeURIComponent(returnTo)}` : '/login'}>
            {t('identity.signIn')}
          </Link>
        </p>
      </div>
    </div>
  );
}

export default RegisterPage;
