import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { maskValue } from '../mask';

/**
 * A field filled from the registries: the value is kept in the form and shown masked (脱敏); the
 * person may change it, which turns it back into an ordinary input.
 */
export function PrefilledField({
  name,
  label,
  value,
  onChange,
}: {
  name: string;
  label: string;
  value: unknown;
  onChange: () => void;
}) {
  const { t } = useTranslation('forms');
  const masked = maskValue(name, value);
  return (
    <Form.Item label={label} className="tb-prefilled">
      <Form.Item name={name} hidden noStyle>
        <input type="hidden" />
      </Form.Item>
      <span className="tb-prefilled__value" data-field={name}>
        {masked}
      </span>{' '}
      <span className="tb-muted tb-small">
        {t('prefill.filled')}
        {masked !== String(value) ? t('prefill.hidden') : ''}
      </span>{' '}
      <Button type="link" size="small" autoInsertSpace={false} onClick={onChange}>
        {t('prefill.change')}
      </Button>
    </Form.Item>
  );
}
