import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { idNumberValid } from '../../../../../contracts/identifiers';
import { sendJson } from '../../../app/http';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { searchItems } from '../../catalog';
import { fieldsOf, formData } from '../../cases';
import { newIdempotencyKey } from '../../cases';
import { useFormSchema } from '../../cases';
import { SchemaField } from '../../cases';
import { CounterMaterials } from './CounterMaterials';

interface Filed {
  caseId: string;
  trackingCode: string;
}

/** The walk-in's application form, once the item is chosen. */
function WalkInForm({ itemCode, onFiled }: { itemCode: string; onFiled: (f: Filed) => void }) {
  const { t } = useTranslation();
  const schema = useFormSchema(itemCode);
  const [key] = useState(newIdempotencyKey);
  const [form] = Form.useForm();
  const fields = schema.data ? fieldsOf(schema.data) : [];
  const file = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      sendJson<Filed>(
        'POST',
        '/api/window/applications',
        {
          idNumber: String(v.walkInIdNumber).trim().toUpperCase(),
          name: String(v.walkInName).trim(),
          itemCode,
          form: formData(fields, v),
          acceptNow: true,
          received: (v.received as number[] | undefined) ?? [],
        },
        { 'idempotency-key': key },
      ),
    onSuccess: onFiled,
  });
  if (schema.isError) return <ProblemAlert error={schema.error} />;
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      aria-label={t('walkIn.form')}
      onFinish={(v) => file.mutate(v)}
    >
      <Form.Item
        name="walkInIdNumber"
        label={t('walkIn.idNumber')}
        rules={[
          { required: true, message: t('walkIn.idNumberRequired') },
          {
            validator: (_, v: unknown) =>
              !v || idNumberValid(String(v))
                ? Promise.resolve()
                : Promise.reject(new Error(t('walkIn.idNumberInvalid'))),
          },
        ]}
      >
        <Input autoComplete="off" maxLength={18} />
      </Form.Item>
      <Form.Item
        name="walkInName"
        label={t('walkIn.name')}
        rules={[{ required: true, whitespace: true, message: t('walkIn.nameRequired') }, { max: 50 }]}
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      {fields.map((f) => (
        <SchemaField key={f.key} f={f} />
      ))}
      <CounterMaterials itemCode={itemCode} />
      {file.isError ? <ProblemAlert error={file.error} /> : null}
      <Button type="primary" htmlType="submit" loading={file.isPending}>
        {t('walkIn.submit')}
      </Button>
    </Form>
  );
}

/**
 * 窗口代录: a clerk enters the application of a resident who walked in — found by ID number and name
 * (the server checks both against the account and audits the look-up) — and accepts it at once.
 */
export function WalkInPanel({ regionCode, onDone }: { regionCode: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const [itemCode, setItemCode] = useState('');
  const [filed, setFiled] = useState<Filed | null>(null);
  const hits = useQuery({
    queryKey: ['walk-in', 'items', regionCode, asked],
    queryFn: ({ signal }) => searchItems({ q: asked, region: regionCode, pageSize: 8 }, signal),
    enabled: asked.length > 0,
  });
  return (
    <section className="tb-panel tb-walk-in" aria-labelledby="walk-in-title">
      <h2 id="walk-in-title">{t('walkIn.title')}</h2>
      <p className="tb-muted">{t('walkIn.help')}</p>
      {filed ? (
        <p role="status">
          {t('walkIn.filed', { code: filed.trackingCode })}{' '}
          <Link to={`/workbench/cases/${filed.caseId}`}>{t('walkIn.open')}</Link>{' '}
          <Button
            type="link"
            onClick={() => {
              setFiled(null);
              setItemCode('');
            }}
          >
            {t('walkIn.another')}
          </Button>
        </p>
      ) : (
        <>
          <form
            className="tb-walk-in__search"
            role="search"
            aria-label={t('walkIn.findItem')}
            onSubmit={(e) => {
              e.preventDefault();
              setAsked(q.trim());
              setItemCode('');
            }}
          >
            <Input
              aria-label={t('walkIn.findItem')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t('walkIn.findPlaceholder')}
            />
            <Button autoInsertSpace={false} htmlType="submit">
              {t('walkIn.find')}
            </Button>
          </form>
          {hits.isError ? <ProblemAlert error={hits.error} /> : null}
          {hits.data ? (
            hits.data.items.length === 0 ? (
              <p>{t('walkIn.noItems')}</p>
            ) : (
              <Radio.Group
                aria-label={t('walkIn.chooseItem')}
                value={itemCode}
                onChange={(e) => setItemCode(e.target.value as string)}
                className="tb-walk-in__items"
              >
                {hits.data.items.map((h) => (
                  <Radio key={h.code} value={h.code}>
                    {h.name} <span className="tb-muted tb-small">{h.department.name}</span>
                  </Radio>
                ))}
              </Radio.Group>
            )
          ) : null}
          {itemCode ? (
            <WalkInForm
              key={itemCode}
              itemCode={itemCode}
              onFiled={(f) => {
                setFiled(f);
                onDone(t('walkIn.filed', { code: f.trackingCode }));
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
