import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi as api } from '../../cases';
import { isConflict } from '../../cases';
import { OneTimeNotice, type NoticeFacts } from './OneTimeNotice';
import { useCaseStep } from '../../cases';
import { ProblemAlert } from '../../../ui/ProblemAlert';

type Mode = 'accept' | 'reject' | 'supplement' | null;
export type WindowCaseFacts = Pick<
  api.WindowCase,
  'id' | 'trackingCode' | 'itemName' | 'applicantName' | 'submittedAt' | 'status'
>;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * 一窗受理 on one case: accept, refuse with its legal basis, or ask once for everything missing —
 * the notice shown as it is being written and, once sent, ready to print.
 */
export function WindowActions({ c, onDone }: { c: WindowCaseFacts; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<NoticeFacts | null>(null);
  const [supplementForm] = Form.useForm<{ items: string[]; note?: string }>();
  const items = (Form.useWatch('items', supplementForm) ?? []).map((s) => (s ?? '').trim()).filter(Boolean);
  const note = (Form.useWatch('note', supplementForm) ?? '').trim();
  const accept = useCaseStep((note: string) => api.accept(c.id, note));
  const reject = useCaseStep((v: { legalBasis: string; explanation: string }) => api.rejectCase(c.id, v));
  const supplement = useCaseStep((v: { items: string[]; note: string }) => api.requestSupplement(c.id, v));
  const active =
    mode === 'accept' ? accept : mode === 'reject' ? reject : mode === 'supplement' ? supplement : undefined;
  const label = `${c.itemName} ${c.trackingCode}`;

  if (notice) return <OneTimeNotice facts={notice} id={`notice-${c.id}`} />;
  if (c.status !== 'submitted') return null;

  const toggle = (m: Mode) => setMode((cur) => (cur === m ? null : m));
  return (
    <div className="tb-window-actions">
      <div className="tb-window-actions__buttons" role="group" aria-label={t('cases.task.windowActions')}>
        <Button
          autoInsertSpace={false}
          type={mode === 'accept' ? 'primary' : 'default'}
          aria-expanded={mode === 'accept'}
          onClick={() => toggle('accept')}
        >
          {t('cases.workbench.accept')}
          <span className="sr-only">{label}</span>
        </Button>
        <Button autoInsertSpace={false} aria-expanded={mode === 'reject'} onClick={() => toggle('reject')}>
          {t('cases.workbench.reject')}
          <span className="sr-only">{label}</span>
        </Button>
        <Button autoInsertSpace={false} aria-expanded={mode === 'supplement'} onClick={() => toggle('supplement')}>
          {t('cases.workbench.supplement')}
          <span className="sr-only">{label}</span>
        </Button>
      </div>
      {active?.isError ? (
        <ProblemAlert
          error={active.error}
          title={isConflict(active.error) ? t('cases.task.conflictRefreshed') : undefined}
        />
      ) : null}
      {mode === 'accept' ? (
        <Form
          layout="vertical"
          requiredMark={false}
          aria-label={`${t('cases.workbench.accept')} ${label}`}
          onFinish={(v: { note?: string }) =>
            accept.mutate(v.note?.trim() ?? '', {
              onSuccess: () => onDone(t('cases.workbench.accepted', { code: c.trackingCode })),
            })
          }
        >
          <Form.Item name="note" label={t('cases.workbench.acceptNote')}>
            <Input maxLength={1000} />
          </Form.Item>
          <Button autoInsertSpace={false} type="primary" htmlType="submit" loading={accept.isPending}>
            {t('cases.workbench.accept')}
          </Button>
        </Form>
      ) : null}
      {mode === 'reject' ? (
        <Form
          layout="vertical"
          requiredMark={false}
          aria-label={`${t('cases.workbench.rejectTitle')} ${label}`}
          onFinish={(v: { legalBasis: string; explanation: string }) =>
            reject.mutate(
              { legalBasis: v.legalBasis.trim(), explanation: v.explanation.trim() },
              { onSuccess: () => onDone(t('cases.workbench.rejected', { code: c.trackingCode })) },
            )
          }
        >
          <Form.Item
            name="legalBasis"
            label={t('cases.workbench.legalBasis')}
            extra={t('cases.workbench.legalBasisHelp')}
            rules={[{ required: true, whitespace: true, message: t('cases.workbench.required') }, { max: 500 }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name="explanation"
            label={t('cases.workbench.explanation')}
            rules={[{ required: true, whitespace: true, message: t('cases.workbench.required') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button autoInsertSpace={false} danger htmlType="submit" loading={reject.isPending}>
            {t('cases.workbench.reject')}
          </Button>
        </Form>
      ) : null}
      {mode === 'supplement' ? (
        <Form
          form={supplementForm}
          layout="vertical"
          requiredMark={false}
          initialValues={{ items: [''] }}
          aria-label={`${t('cases.workbench.supplementTitle')} ${label}`}
          onFinish={(v) => {
            const list = v.items.map((s) => s.trim()).filter(Boolean);
            const text = v.note?.trim() ?? '';
            supplement.mutate(
              { items: list, note: text },
              {
                onSuccess: () => {
                  setNotice({
                    applicantName: c.applicantName,
                    itemName: c.itemName,
                    trackingCode: c.trackingCode,
                    submittedAt: c.submittedAt,
                    items: list,
                    note: text,
                    issuedOn: today(),
                  });
                  onDone(t('cases.workbench.supplementSent', { code: c.trackingCode }));
                },
              },
            );
          }}
        >
          <fieldset className="tb-fieldset">
            <legend>{t('cases.workbench.supplementItems')}</legend>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, i) => (
                    <div key={field.key} className="tb-supplement-item">
                      <Form.Item
                        name={field.name}
                        label={t('cases.workbench.supplementItem', { n: i + 1 })}
                        rules={[
                          { required: true, whitespace: true, message: t('cases.workbench.required') },
                          { max: 200 },
                        ]}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                      {fields.length > 1 ? (
                        <Button
                          autoInsertSpace={false}
                          type="text"
                          icon={<MinusCircleOutlined aria-hidden="true" />}
                          aria-label={t('cases.workbench.removeItem', { n: i + 1 })}
                          onClick={() => remove(field.name)}
                        />
                      ) : null}
                    </div>
                  ))}
                  <Button
                    autoInsertSpace={false}
                    type="dashed"
                    icon={<PlusOutlined aria-hidden="true" />}
                    onClick={() => add('')}
                    disabled={fields.length >= 50}
                  >
                    {t('cases.workbench.addItem')}
                  </Button>
                </>
              )}
            </Form.List>
          </fieldset>
          <Form.Item name="note" label={t('cases.workbench.supplementNote')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {items.length ? (
            <OneTimeNotice
              facts={{
                applicantName: c.applicantName,
                itemName: c.itemName,
                trackingCode: c.trackingCode,
                submittedAt: c.submittedAt,
                items,
                note,
                issuedOn: today(),
              }}
            />
          ) : null}
          <Button autoInsertSpace={false} type="primary" htmlType="submit" loading={supplement.isPending}>
            {t('cases.workbench.supplement')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
