import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { creditCodeValid, idNumberValid } from '../../../../../contracts/identifiers';
import type { FormField } from './formFields';

const PHONE = /^1[3-9]\d{9}$/;
const REGION = /^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/;
/** Up to this many choices show as radio buttons (all visible at once); more go into a list. */
const RADIO_MAX = 5;

const check = (ok: (v: string) => boolean, message: string): Rule => ({
  validator: (_, v: unknown) =>
    v === undefined || v === null || v === '' || ok(String(v)) ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** The schema's own checks, in the reader's language: required, lengths and ranges, formats and check digits. */
function rulesOf(f: FormField, t: TFunction): Rule[] {
  const label = f.label;
  const rules: Rule[] = [];
  // A rule without a type is a string rule: a number field's required rule must say it is about a number.
  // Text that is not a number ("八十") leaves the number input empty: its message asks for digits.
  if (f.required && f.kind !== 'boolean')
    rules.push({
      required: true,
      ...(f.kind === 'number'
        ? { type: 'number' as const, message: t('apply.validation.number', { label }) }
        : { whitespace: true, message: t('apply.validation.required', { label }) }),
    });
  switch (f.kind) {
    case 'string':
    case 'text':
      if (f.max !== undefined)
        rules.push({ max: f.max, message: t('apply.validation.tooLong', { label, max: f.max }) });
      break;
    case 'number':
      rules.push({
        type: 'number',
        min: f.min,
        max: f.max,
        message: t('apply.validation.range', { label, min: f.min ?? '—', max: f.max ?? '—' }),
      });
      break;
    case 'idNumber':
      rules.push(check((v) => idNumberValid(v), t('apply.validation.idNumber', { label })));
      break;
    case 'creditCode':
      rules.push(check(creditCodeValid, t('apply.validation.creditCode', { label })));
      break;
    case 'phone':
      rules.push(check((v) => PHONE.test(v), t('apply.validation.phone', { label })));
      break;
    case 'region':
      rules.push(check((v) => REGION.test(v), t('apply.validation.region', { label })));
      break;
    default:
      break;
  }
  return rules;
}

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase().replace(/\s/g, '') : v);

/** The input of a field; Form.Item hands it `id`, `value` and `onChange`, which go on to the input itself. */
function Control({ f, ...bound }: { f: FormField } & Record<string, unknown>) {
  const { t } = useTranslation();
  switch (f.kind) {
    case 'text':
      return <Input.TextArea {...bound} rows={3} maxLength={f.max} />;
    case 'number':
      return <InputNumber {...bound} min={f.min} max={f.max} className="tb-apply-number" inputMode="decimal" />;
    case 'choice':
      return (f.options?.length ?? 0) <= RADIO_MAX ? (
        <Radio.Group {...bound} aria-label={f.label} options={f.options} className="tb-apply-choices" />
      ) : (
        <Select
          {...bound}
          options={f.options?.map((o) => ({ value: o, label: o }))}
          placeholder={t('apply.form.choose')}
        />
      );
    case 'boolean':
      return <Checkbox>{t('apply.form.yes')}</Checkbox>;
    case 'date':
      return <DatePicker {...bound} className="tb-apply-date" placeholder={t('apply.form.datePlaceholder')} />;
    case 'idNumber':
    case 'creditCode':
      return <Input {...bound} maxLength={18} autoComplete="off" spellCheck={false} className="tb-code-input" />;
    case 'phone':
      return <Input {...bound} inputMode="tel" autoComplete="tel-national" maxLength={11} />;
    case 'region':
      return <Input {...bound} inputMode="numeric" maxLength={12} />;
    default:
      return <Input {...bound} maxLength={f.max} />;
  }
}

/** One field of the application form, rendered from its schema property. */
export function SchemaField({ f }: { f: FormField }) {
  const { t } = useTranslation();
  const date = f.kind === 'date';
  return (
    <Form.Item
      name={f.key}
      label={f.label}
      required={f.required}
      extra={f.help}
      rules={rulesOf(f, t)}
      validateFirst
      {...(f.kind === 'boolean' ? { valuePropName: 'checked' } : {})}
      {...(f.kind === 'idNumber' || f.kind === 'creditCode' ? { normalize: upper } : {})}
      // Dates travel as YYYY-MM-DD, as the schema's `date` format wants; the picker works with dayjs.
      {...(date
        ? {
            getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
            normalize: (d: Dayjs | null) => d?.format('YYYY-MM-DD'),
          }
        : {})}
    >
      <Control f={f} />
    </Form.Item>
  );
}
