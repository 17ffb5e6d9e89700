import { Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi as api } from '../../cases';
import { isConflict } from '../../cases';
import { useCaseStep } from '../../cases';
import { ProblemAlert } from '../../../ui/ProblemAlert';

const DECISIONS = ['approve', 'return', 'refuse', 'suspend', 'extend', 'opinion'] as const;
type Decision = (typeof DECISIONS)[number];
/** 延期: at most ten working days (行政许可法 第四十二条), the server's limit too. */
export const MAX_EXTENSION_DAYS = 10;

interface Values {
  opinion?: string;
  legalBasis?: string;
  kind?: api.SuspendKind;
  reason?: string;
  days?: number;
}

/**
 * The steps on one open task. Each names the task version this page read; when someone else got
 * there first the server answers 409 and the page says so and reads the case again.
 */
/** `busy` while the case is being read again after a step: acting on a stale version would only earn a 409. */
export function TaskActions({
  task,
  onDone,
  busy = false,
}: {
  task: api.CaseTask;
  onDone: (message: string) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision>('approve');
  const [form] = Form.useForm<Values>();
  const step = useCaseStep((action: api.TaskAction) => api.taskStep(task.id, action));
  const name = t(`cases.task.${decision}`);

  const run = (action: api.TaskAction, label: string) => {
    step.mutate(action, {
      onSuccess: () => {
        form.resetFields();
        onDone(t('cases.task.done', { action: `${label} · ${task.name}` }));
      },
      onError: (e) => {
        if (isConflict(e)) onDone(t('cases.task.conflict'));
      },
    });
  };

  const submit = (v: Values) => {
    const version = task.version;
    const opinion = v.opinion?.trim() ?? '';
    switch (decision) {
      case 'approve':
        return run({ kind: 'approve', version, opinion }, name);
      case 'return':
        return run({ kind: 'return', version, opinion }, name);
      case 'refuse':
        return run({ kind: 'refuse', version, opinion, legalBasis: v.legalBasis!.trim() }, name);
      case 'suspend':
        return run({ kind: 'suspend', version, suspendKind: v.kind!, reason: v.reason!.trim() }, name);
      case 'extend':
        return run({ kind: 'extend', version, days: v.days!, reason: v.reason!.trim() }, name);
      case 'opinion':
        return run({ kind: 'opinion', version, text: opinion }, name);
    }
  };

  const required = { required: true, whitespace: true, message: t('cases.workbench.required') };
  const needsOpinion =
    decision === 'approve' || decision === 'return' || decision === 'refuse' || decision === 'opinion';
  return (
    <div className="tb-task-actions">
      {step.isError ? (
        <ProblemAlert
          error={step.error}
          title={isConflict(step.error) ? t('cases.task.conflictRefreshed') : undefined}
        />
      ) : null}
      <Button
        autoInsertSpace={false}
        onClick={() => run({ kind: 'claim', version: task.version }, t('cases.task.claim'))}
        loading={step.isPending && step.variables?.kind === 'claim'}
        disabled={busy}
      >
        {t('cases.task.claim')}
        <span className="sr-only">{task.name}</span>
      </Button>
      <Form
        form={form}
        name={`task-${task.id}`}
        layout="vertical"
        requiredMark={false}
        aria-label={`${t('cases.task.actions')} ${task.name}`}
        onFinish={submit}
        initialValues={{ kind: 'hearing', days: 5 }}
      >
        <Form.Item label={t('cases.task.actions')}>
          <Radio.Group
            optionType="button"
            className="tb-decisions"
            value={decision}
            onChange={(e) => {
              setDecision(e.target.value as Decision);
              form.setFields([
                { name: 'opinion', errors: [] },
                { name: 'legalBasis', errors: [] },
                { name: 'reason', errors: [] },
              ]);
            }}
            options={DECISIONS.map((d) => ({ value: d, label: t(`cases.task.${d}`) }))}
          />
        </Form.Item>
        {needsOpinion ? (
          <Form.Item
            name="opinion"
            label={t('cases.task.opinionText')}
            rules={[{ ...required, message: t('cases.task.opinionRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {decision === 'refuse' ? (
          <Form.Item name="legalBasis" label={t('cases.task.legalBasis')} rules={[required, { max: 500 }]}>
            <Input maxLength={500} />
          </Form.Item>
        ) : null}
        {decision === 'suspend' ? (
          <Form.Item name="kind" label={t('cases.task.kind')} rules={[{ required: true }]}>
            <Select options={api.SUSPEND_KINDS.map((k) => ({ value: k, label: t(`cases.task.kinds.${k}`) }))} />
          </Form.Item>
        ) : null}
        {decision === 'extend' ? (
          <Form.Item
            name="days"
            label={t('cases.task.days')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 1,
                max: MAX_EXTENSION_DAYS,
                message: t('cases.task.daysInvalid'),
              },
            ]}
          >
            <InputNumber min={1} max={MAX_EXTENSION_DAYS} precision={0} />
          </Form.Item>
        ) : null}
        {decision === 'suspend' || decision === 'extend' ? (
          <Form.Item name="reason" label={t('cases.task.reason')} rules={[required, { max: 1000 }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        ) : null}
        <Button
          autoInsertSpace={false}
          type="primary"
          danger={decision === 'refuse'}
          htmlType="submit"
          loading={step.isPending && step.variables?.kind !== 'claim'}
          disabled={busy}
        >
          {name}
        </Button>
      </Form>
    </div>
  );
}
