import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Announcement } from '../../../ui/Announcement';
import { Badge } from '../../../ui/Badge';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { complaintsApi as api } from '../../complaints';

const KEY = ['complaints', 'queue'];

function AnswerForm({ c, onDone }: { c: api.QueuedComplaint; onDone: (m: string) => void }) {
  const { t } = useTranslation('complaints');
  const [form] = Form.useForm<{ reply: string }>();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (reply: string) => api.answerComplaint(c.id, c.version, reply),
    onSuccess: () => onDone(t('answered', { reference: c.reference })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      aria-label={`${t('answer')} ${c.reference}`}
      onFinish={(v) => answer.mutate(v.reply.trim())}
    >
      {answer.isError ? <ProblemAlert error={answer.error} /> : null}
      <Form.Item
        name="reply"
        label={t('answerText')}
        rules={[{ required: true, whitespace: true, message: t('answerRequired') }, { max: 4000 }]}
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending} autoInsertSpace={false}>
        {t('answer')}
      </Button>
    </Form>
  );
}

/** 投诉处理: complaints in my scope for a department head or supervisor, most urgent first. */
export function ComplaintsTab() {
  const { t } = useTranslation('complaints');
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.complaintQueue(signal) });
  const [done, setDone] = useState('');
  if (list.isPending) return <PageLoading rows={3} />;
  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Announcement>{done}</Announcement>
      {list.data.length === 0 ? (
        <p>{t('queueEmpty')}</p>
      ) : (
        <ul className="tb-case-list" aria-label={t('queueList')}>
          {list.data.map((c) => (
            <li key={c.id} className={`tb-panel tb-case-card${c.overdue ? ' tb-task-card--overdue' : ''}`}>
              <div className="tb-case-card__head">
                <h3>{c.subject}</h3>
                <span>
                  {c.overdue ? <Badge tone="red">{t('overdue')}</Badge> : null}{' '}
                  <Badge tone={c.status === 'open' ? 'orange' : 'green'}>{t(`states.${c.status}`)}</Badge>
                </span>
              </div>
              <p className="tb-muted tb-small">
                {t(`kinds.${c.kind}`)} · <span className="tb-code">{c.reference}</span> · {t('due')} {c.dueOn} ·{' '}
                {t('complainant')} {c.complainant ?? t('hidden')}
                {c.caseId ? (
                  <>
                    {' · '}
                    <Link to={`/workbench/cases/${c.caseId}`}>{t('openCase')}</Link>
                  </>
                ) : null}
              </p>
              <p>{c.content}</p>
              {c.reply ? <p>{c.reply}</p> : null}
              {c.status === 'open' ? <AnswerForm c={c} onDone={setDone} /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
