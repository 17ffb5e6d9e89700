import { Button, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnglish } from '../../../ui/useEnglish';
import { dateTime } from '../../../ui/format';
import type { FormValues } from './api';
import { formData, type FormField } from './formFields';
import { useSaveDraft } from './queries';
import { SchemaField } from './SchemaField';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { PrefilledField, PrefillPanel } from '../forms';

interface Props {
  itemCode: string;
  fields: FormField[];
  values: FormValues;
  /** When the values shown came from a saved draft. */
  restoredFrom?: string;
  /** Field errors the server named (`form.<key>`), and the problem that carried them. */
  serverErrors: { fields: Record<string, string[]>; error: unknown } | undefined;
  onNext: (values: FormValues) => void;
}

/** Step 1 · 填写表单: the item's application form, checked here as the server will check it; drafts saved on demand and on leaving the step. */
export function FormStep({ itemCode, fields, values, restoredFrom, serverErrors, onNext }: Props) {
  const { t } = useTranslation();
  const en = useEnglish();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveDraft(itemCode);
  const [savedAt, setSavedAt] = useState<string>();
  /** Fields filled from the registries with consent (预填): shown masked until changed. */
  const [prefilled, setPrefilled] = useState(new Map<string, unknown>());

  useEffect(() => {
    if (serverErrors) form.setFields(Object.entries(serverErrors.fields).map(([name, errors]) => ({ name, errors })));
  }, [serverErrors, form]);

  const saveDraft = () =>
    save.mutate(formData(fields, form.getFieldsValue(true) as FormValues), {
      onSuccess: (r) => setSavedAt(r.updatedAt),
    });
  const next = (v: FormValues) => {
    const data = formData(fields, v);
    save.mutate(data);
    onNext(data);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={values}
      onFinish={next}
      scrollToFirstError={{ focus: true }}
      aria-labelledby="apply-step-title"
      className="tb-apply-form"
    >
      {serverErrors ? <ProblemAlert error={serverErrors.error} /> : null}
      {restoredFrom ? <p className="tb-muted">{t('apply.form.restored', { at: dateTime(restoredFrom, en) })}</p> : null}
      <PrefillPanel
        target={{ itemCode }}
        keys={fields.map((f) => f.key)}
        onFilled={(v) => {
          form.setFieldsValue(v);
          setPrefilled(new Map(Object.entries(v)));
        }}
      />
      {fields.length === 0 ? (
        <p>{t('apply.form.noFields')}</p>
      ) : (
        fields.map((f) =>
          prefilled.has(f.key) ? (
            <PrefilledField
              key={f.key}
              name={f.key}
              label={f.label}
              value={prefilled.get(f.key)}
              onChange={() => setPrefilled((m) => new Map([...m].filter(([k]) => k !== f.key)))}
            />
          ) : (
            <SchemaField key={f.key} f={f} />
          ),
        )
      )}
      <p role="status" className="tb-muted tb-small">
        {savedAt ? t('apply.form.draftSaved', { at: dateTime(savedAt, en) }) : ''}
      </p>
      {save.isError ? <ProblemAlert error={save.error} title={t('apply.form.draftFailed')} /> : null}
      <div className="tb-apply-buttons">
        <Button autoInsertSpace={false} onClick={saveDraft} loading={save.isPending}>
          {t('apply.form.saveDraft')}
        </Button>
        <Button autoInsertSpace={false} type="primary" htmlType="submit">
          {t('apply.next')}
        </Button>
      </div>
    </Form>
  );
}
