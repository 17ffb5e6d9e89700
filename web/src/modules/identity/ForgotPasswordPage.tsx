import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { resetPassword } from './api';
import { NewPasswordFields } from './NewPasswordFields';
import { applyFieldErrors } from '../../ui/problems';
import { SmsCodeButton } from './SmsCodeButton';
import { maskPhone } from './useFinishSignIn';
import { PHONE, SMS_CODE } from './validation';
import './identity.css';
import { ProblemAlert } from '../../ui/ProblemAlert';

interface Values {
  phone: string;
  smsCode: string;
  password: string;
  confirm: string;
}

/** 找回密码: a code texted to the registered mobile number, then a new password; every earlier session ends. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const [done, setDone] = useState(false);
  const password = Form.useWatch('password', form) ?? '';
  const phone = Form.useWatch('phone', form) ?? '';
  useDocumentTitle(t('identity.forgot.title'));

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      await resetPassword({ phone: v.phone.trim(), smsCode: v.smsCode.trim(), password: v.password });
      setDone(true);
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e);
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
          <h1>{t('identity.forgot.title')}</h1>
          <p className="tb-muted">{t('identity.forgot.intro')}</p>
        </header>
        {done ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('identity.forgot.done')}
            description={<Link to="/login">{t('identity.forgot.signIn')}</Link>}
          />
        ) : (
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => void submit(v)}
            className="tb-auth-form"
            aria-label={t('identity.forgot.title')}
            scrollToFirstError={{ focus: true }}
          >
            {error ? <ProblemAlert error={error} /> : null}
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
                  purpose="reset-password"
                  getPhone={getPhone}
                  onSent={(p) => {
                    setError(undefined);
                    setSentTo(p);
                  }}
                  onError={setError}
                />
              </Space.Compact>
            </Form.Item>
            <NewPasswordFields password={password} account={[phone]} accountFields={['phone']} />
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              {t('identity.forgot.submit')}
            </Button>
          </Form>
        )}
        <p className="tb-auth__alt tb-muted tb-small">{t('identity.forgot.staff')}</p>
      </div>
    </div>
  );
}

export default ForgotPasswordPage;
