import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { casesApi as api } from '../../cases';
import { DeliveryFacts } from '../../cases';
import { useCaseStep, useDelivery } from '../../cases';
import { ProblemAlert } from '../../../ui/ProblemAlert';

/** 打印面单: the full address, read on purpose (the server audits it), shown once for the label. */
function Label({ c }: { c: api.CaseDetail }) {
  const { t } = useTranslation();
  const label = useMutation({ mutationFn: () => api.getDelivery(c.id, true) });
  const d = label.data;
  return (
    <div className="tb-case-action">
      <Button onClick={() => label.mutate()} loading={label.isPending} autoInsertSpace={false}>
        {t('cases.delivery.printLabel')}
      </Button>{' '}
      <span className="tb-muted tb-small">{t('cases.delivery.labelAudited')}</span>
      {label.isError ? <ProblemAlert error={label.error} /> : null}
      {d ? (
        <div className="tb-delivery-label" data-testid="delivery-label">
          <h3>{t('cases.delivery.label')}</h3>
          <p>
            {d.recipient} <span className="tb-code">{d.phone}</span>
          </p>
          <p>{d.address}</p>
          <p className="tb-muted tb-small">
            {c.trackingCode} · {c.itemName}
          </p>
          <Button size="small" onClick={() => window.print()} autoInsertSpace={false}>
            {t('cases.delivery.print')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function DispatchForm({ caseId, onDone }: { caseId: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const step = useCaseStep((s: api.DeliveryStep) => api.deliveryStep(caseId, s));
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      aria-label={t('cases.delivery.dispatch')}
      initialValues={{ carrier: 'EMS' }}
      onFinish={(v: { carrier: string; trackingNumber: string }) =>
        step.mutate(
          { kind: 'dispatch', carrier: v.carrier.trim(), trackingNumber: v.trackingNumber.trim() },
          { onSuccess: () => onDone(t('cases.delivery.dispatched', { number: v.trackingNumber.trim() })) },
        )
      }
    >
      {step.isError ? <ProblemAlert error={step.error} /> : null}
      <Form.Item
        name="carrier"
        label={t('cases.delivery.carrier')}
        rules={[{ required: true, whitespace: true, message: t('cases.workbench.required') }, { max: 50 }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="trackingNumber"
        label={t('cases.delivery.trackingNumber')}
        rules={[{ required: true, pattern: /^[A-Za-z0-9-]{6,40}$/, message: t('cases.delivery.trackingInvalid') }]}
      >
        <Input maxLength={40} spellCheck={false} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.isPending} autoInsertSpace={false}>
        {t('cases.delivery.dispatch')}
      </Button>
    </Form>
  );
}

function CompleteButton({
  caseId,
  kind,
  onDone,
}: {
  caseId: string;
  kind: 'delivered' | 'collected';
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const step = useCaseStep((s: api.DeliveryStep) => api.deliveryStep(caseId, s));
  const label = t(`cases.delivery.mark.${kind}`);
  return (
    <div className="tb-case-action">
      {step.isError ? <ProblemAlert error={step.error} /> : null}
      <Button
        type="primary"
        onClick={() =>
          step.mutate({ kind }, { onSuccess: () => onDone(t('cases.delivery.marked', { action: label })) })
        }
        loading={step.isPending}
        autoInsertSpace={false}
      >
        {label}
      </Button>
    </div>
  );
}

/** 送达 on the workbench: masked to staff; the window prints the label, dispatches, marks delivered or collected. */
export function DeliveryWork({
  c,
  isWindow,
  onDone,
}: {
  c: api.CaseDetail;
  isWindow: boolean;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const delivery = useDelivery(c.id);
  if (delivery.isPending) return null;
  if (delivery.isError) return <ProblemAlert error={delivery.error} />;
  const d = delivery.data;
  if (!d) return <p>{t('cases.delivery.notChosenStaff')}</p>;
  const decided = api.DECIDED.includes(c.status);
  return (
    <>
      <dl className="tb-facts">
        <DeliveryFacts d={d} />
      </dl>
      {isWindow && d.method === 'post' && d.status !== 'delivered' ? <Label c={c} /> : null}
      {isWindow && decided && d.method === 'post' && d.status === 'pending' ? (
        <DispatchForm caseId={c.id} onDone={onDone} />
      ) : null}
      {isWindow && d.method === 'post' && d.status === 'dispatched' ? (
        <CompleteButton caseId={c.id} kind="delivered" onDone={onDone} />
      ) : null}
      {isWindow && decided && d.method === 'pickup' && d.status === 'pending' ? (
        <CompleteButton caseId={c.id} kind="collected" onDone={onDone} />
      ) : null}
    </>
  );
}
