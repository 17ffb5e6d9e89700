import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { casesApi as api } from '../../cases';
import { FeesList } from '../../cases';
import { useCaseStep } from '../../cases';
import { ProblemAlert } from '../../../ui/ProblemAlert';

/** One settle step on a due fee: 确认缴费 with the 缴款书 number (window), or 减免 with a reason (head). */
function SettleForm({
  caseId,
  fee,
  kind,
  onDone,
}: {
  caseId: string;
  fee: api.Fee;
  kind: api.FeeStep['kind'];
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const step = useCaseStep((s: api.FeeStep) => api.settleFee(caseId, fee.id, s));
  const paid = kind === 'paid';
  const label = paid ? t('cases.fees.recordPaid') : t('cases.fees.waive');
  return (
    <Form
      layout="inline"
      className="tb-inline-form"
      requiredMark={false}
      aria-label={`${label} ${fee.name}`}
      onFinish={(v: { value: string }) =>
        step.mutate(paid ? { kind: 'paid', paymentRef: v.value.trim() } : { kind: 'waive', reason: v.value.trim() }, {
          onSuccess: () => onDone(t('cases.fees.settledDone', { action: label, name: fee.name })),
        })
      }
    >
      {step.isError ? <ProblemAlert error={step.error} /> : null}
      <Form.Item
        name="value"
        label={paid ? t('cases.fees.paymentRef') : t('cases.fees.waiveReason')}
        rules={
          paid
            ? [{ required: true, pattern: /^[A-Za-z0-9-]{6,40}$/, message: t('cases.fees.paymentRefInvalid') }]
            : [{ required: true, whitespace: true, message: t('cases.workbench.required') }, { max: 500 }]
        }
      >
        <Input maxLength={paid ? 40 : 500} spellCheck={false} />
      </Form.Item>
      <Button htmlType="submit" danger={!paid} loading={step.isPending} autoInsertSpace={false}>
        {label}
      </Button>
    </Form>
  );
}

function SetFeeForm({ caseId, onDone }: { caseId: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; basis?: string; amount: number }>();
  const set = useCaseStep((fee: { name: string; basis: string; amountFen: number }) => api.setFee(caseId, fee));
  return (
    <details className="tb-fee-set">
      <summary>{t('cases.fees.set')}</summary>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-label={t('cases.fees.set')}
        onFinish={(v) =>
          set.mutate(
            { name: v.name.trim(), basis: v.basis?.trim() ?? '', amountFen: Math.round(v.amount * 100) },
            {
              onSuccess: () => {
                form.resetFields();
                onDone(t('cases.fees.setDone', { name: v.name.trim() }));
              },
            },
          )
        }
      >
        {set.isError ? <ProblemAlert error={set.error} /> : null}
        <Form.Item
          name="name"
          label={t('cases.fees.name')}
          rules={[{ required: true, whitespace: true, message: t('cases.workbench.required') }, { max: 200 }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('cases.fees.amountYuan')}
          rules={[
            { required: true, type: 'number', min: 0.01, max: 1_000_000, message: t('cases.fees.amountInvalid') },
          ]}
        >
          <InputNumber min={0.01} max={1_000_000} precision={2} step={1} />
        </Form.Item>
        <Form.Item name="basis" label={t('cases.fees.basis')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={set.isPending} autoInsertSpace={false}>
          {t('cases.fees.set')}
        </Button>
      </Form>
    </details>
  );
}

/** 收费 on the workbench: the fees, a new one (approver, head, window), payment (window) and waiver (head). */
export function FeeWork({ caseId, roles, onDone }: { caseId: string; roles: string[]; onDone: (m: string) => void }) {
  const window = roles.includes('window_clerk');
  const head = roles.includes('department_head');
  const canSet = window || head || roles.includes('approver');
  return (
    <>
      <FeesList
        caseId={caseId}
        actions={(fee) =>
          fee.status === 'due' ? (
            <>
              {window ? <SettleForm caseId={caseId} fee={fee} kind="paid" onDone={onDone} /> : null}
              {head ? <SettleForm caseId={caseId} fee={fee} kind="waive" onDone={onDone} /> : null}
            </>
          ) : null
        }
      />
      {canSet ? <SetFeeForm caseId={caseId} onDone={onDone} /> : null}
    </>
  );
}
