import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordRules } from './validation';

/** The password rules, each ticked as it is met (announced politely, not on every key). */
function PasswordRules({ id, password, account }: { id: string; password: string; account: string[] }) {
  const { t } = useTranslation();
  const rules = passwordRules(password);
  const noAccount = !account.some((a) => a && password.toLowerCase().includes(a.toLowerCase()));
  const items: [string, boolean][] = [
    [t('identity.register.ruleLength'), rules.length],
    [t('identity.register.ruleLettersDigits'), rules.lettersAndDigits],
    [t('identity.register.ruleNoAccount'), password.length > 0 && noAccount],
  ];
  return (
    <div id={id} className="tb-rules">
      <span className="tb-rules__title">{t('identity.register.passwordRulesTitle')}</span>
      <ul className="tb-rules__list">
        {items.map(([label, met]) => (
          <li key={label} className={met ? 'is-met' : undefined}>
            {met ? <CheckCircleFilled aria-hidden="true" /> : <MinusCircleOutlined aria-hidden="true" />} {label}
            <span className="sr-only">
              （{met ? t('identity.register.ruleMet') : t('identity.register.ruleNotMet')}）
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A new password and its confirmation, with the rules shown as they are met: 8–64 characters,
 * letters and digits, and none of the account's identifiers (`accountFields` of the same form).
 */
export function NewPasswordFields({
  password,
  account,
  accountFields,
}: {
  password: string;
  account: string[];
  accountFields: string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="password"
        label={t('identity.fields.password')}
        extra={<PasswordRules id="password-rules" password={password} account={account} />}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) => {
              const value = v ?? '';
              const r = passwordRules(value);
              const ids = accountFields.map((f) => getFieldValue(f) as string | undefined);
              const containsAccount = ids.some((a) => a && value.toLowerCase().includes(a.toLowerCase()));
              return r.length && r.lettersAndDigits && !containsAccount
                ? Promise.resolve()
                : Promise.reject(new Error(t('identity.validation.passwordRules')));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" size="large" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('identity.fields.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('identity.validation.confirmPassword') },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('identity.validation.confirmPassword'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" size="large" maxLength={64} />
      </Form.Item>
    </>
  );
}
