/** 督办: a supervisor orders the department concerned to act on a clock's task, case or complaint. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import * as api from './api';

export function OrderDialog({
  clock,
  onClose,
  onIssued,
}: {
  clock: api.ClockRow;
  onClose: () => void;
  onIssued: (message: string) => void;
}) {
  const { t } = useTranslation('supervision');
  const [form] = Form.useForm<{ instruction: string; respondDays: number }>();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: (v: { instruction: string; respondDays: number }) =>
      api.issueOrder({ ...clock.orderOn!, instruction: v.instruction.trim(), respondDays: v.respondDays }),
    onSuccess: (r) => {
      onIssued(t('issued', { reference: r.reference, due: r.dueOn }));
      void queryClient.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
  return (
    <Modal
      open
      title={t('issueTitle', { reference: clock.reference })}
      okText={t('send')}
      cancelText={t('cancel')}
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <p>{clock.title}</p>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ respondDays: 3 }}
        onFinish={(v) => issue.mutate(v)}
      >
        {issue.isError ? <ProblemAlert error={issue.error} /> : null}
        <Form.Item
          name="instruction"
          label={t('instruction')}
          rules={[{ required: true, whitespace: true, message: t('instructionRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="respondDays" label={t('respondDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
