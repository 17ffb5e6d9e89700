/** The lists behind the console's numbers: clocks, 督办 orders (answered by heads), irregularities (dismissed by supervisors). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import * as api from './api';
import { OrderDialog } from './OrderDialog';
import { SeenMarker } from './SeenMarker';

const TONE: Record<api.ClockRow['state'], BadgeTone> = {
  running: 'green',
  paused: 'gray',
  yellow: 'orange',
  red: 'red',
  stopped: 'gray',
};

export function ClockList({
  filter,
  canOrder,
  announce,
}: {
  filter: api.ClockFilter;
  canOrder: boolean;
  announce: (m: string) => void;
}) {
  const { t } = useTranslation('supervision');
  const list = useQuery({
    queryKey: ['supervision', 'clocks', filter],
    queryFn: ({ signal }) => api.clocks(filter, signal),
  });
  const [ordering, setOrdering] = useState<api.ClockRow>();
  const title = filter.state ? t('clocks', { state: t(`states.${filter.state}`) }) : t('allClocks');
  return (
    <section aria-labelledby="sv-clocks" className="tb-sv-section">
      <h2 id="sv-clocks">{title}</h2>
      {list.isPending ? (
        <PageLoading rows={3} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{t('noClocks')}</p>
      ) : (
        <div className="tb-sv-table-wrap">
          <table className="tb-sv-table" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{t('reference')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('department')}</th>
                <th scope="col">{t('dueOn')}</th>
                <th scope="col">{t('left')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('seen')}</th>
                {canOrder ? <th scope="col">{t('issue')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td>{c.reference}</td>
                  <td>{c.title}</td>
                  <td>{t(`kinds.${c.kind}`)}</td>
                  <td>{c.department ?? '—'}</td>
                  <td>{c.dueOn}</td>
                  <td>
                    {c.workingDaysLeft < 0
                      ? t('overdueBy', { n: -c.workingDaysLeft })
                      : t('leftDays', { n: c.workingDaysLeft })}
                  </td>
                  <td>
                    <Badge tone={TONE[c.state]}>{t(`states.${c.state}`)}</Badge>
                  </td>
                  <td>
                    <SeenMarker clock={c} />
                  </td>
                  {canOrder ? (
                    <td>
                      {c.orderOn ? (
                        <Button size="small" autoInsertSpace={false} onClick={() => setOrdering(c)}>
                          {t('issue')}
                          <span className="sr-only"> {c.reference}</span>
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ordering ? (
        <OrderDialog
          clock={ordering}
          onClose={() => setOrdering(undefined)}
          onIssued={(m) => {
            setOrdering(undefined);
            announce(m);
          }}
        />
      ) : null}
    </section>
  );
}

function AnswerOrder({ order, announce }: { order: api.OrderRow; announce: (m: string) => void }) {
  const { t } = useTranslation('supervision');
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (text: string) => api.answerOrder(order.id, text),
    onSuccess: () => announce(t('answered', { reference: order.reference })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      aria-label={`${t('answer')} ${order.reference}`}
      onFinish={(v: { answer: string }) => answer.mutate(v.answer.trim())}
    >
      {answer.isError ? <ProblemAlert error={answer.error} /> : null}
      <Form.Item
        name="answer"
        label={t('answerText')}
        rules={[{ required: true, whitespace: true, message: t('answerRequired') }, { max: 4000 }]}
      >
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending} autoInsertSpace={false}>
        {t('answer')}
      </Button>
    </Form>
  );
}

export function OrderList({ canAnswer, announce }: { canAnswer: boolean; announce: (m: string) => void }) {
  const { t } = useTranslation('supervision');
  const list = useQuery({ queryKey: ['supervision', 'orders'], queryFn: ({ signal }) => api.orders(signal) });
  return (
    <section id="orders" aria-labelledby="sv-orders" className="tb-sv-section">
      <h2 id="sv-orders">{t('orders')}</h2>
      {list.isPending ? (
        <PageLoading rows={2} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{t('noOrders')}</p>
      ) : (
        <ul className="tb-sv-cards" aria-label={t('orders')}>
          {list.data.map((o) => (
            <li key={o.id} className="tb-sv-card">
              <p className="tb-sv-card__head">
                <strong>{o.reference}</strong>
                <Badge tone={o.status === 'answered' ? 'green' : o.overdue ? 'red' : 'orange'}>
                  {t(`orderStates.${o.status}`)}
                </Badge>
                {o.escalatedAt ? <Badge tone="red">{t('escalated')}</Badge> : null}
              </p>
              <p>
                {t('subject')}：{o.subjectLabel}
              </p>
              <p>
                {t('instruction')}：{o.instruction}
              </p>
              <p>
                {t('dueOn')}：{o.dueOn}
              </p>
              {o.answer ? (
                <p>
                  {t('answerText')}：{o.answer}
                </p>
              ) : canAnswer ? (
                <AnswerOrder order={o} announce={announce} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Dismiss({ item, announce }: { item: api.IrregularityRow; announce: (m: string) => void }) {
  const { t } = useTranslation('supervision');
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: (reason: string) => api.dismissIrregularity(item.id, reason),
    onSuccess: () => announce(t('dismissed', { reference: item.reference })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
  return (
    <Form
      layout="inline"
      aria-label={`${t('dismiss')} ${item.reference}`}
      onFinish={(v: { reason: string }) => dismiss.mutate(v.reason.trim())}
    >
      {dismiss.isError ? <ProblemAlert error={dismiss.error} /> : null}
      <Form.Item
        name="reason"
        label={t('dismissReason')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('dismissRequired') }]}
      >
        <Input maxLength={1000} />
      </Form.Item>
      <Button htmlType="submit" loading={dismiss.isPending} autoInsertSpace={false}>
        {t('dismiss')}
      </Button>
    </Form>
  );
}

export function IrregularityList({ canDismiss, announce }: { canDismiss: boolean; announce: (m: string) => void }) {
  const { t, i18n } = useTranslation('supervision');
  const list = useQuery({
    queryKey: ['supervision', 'irregularities'],
    queryFn: ({ signal }) => api.irregularities(signal),
  });
  return (
    <section id="irregularities" aria-labelledby="sv-irregular" className="tb-sv-section">
      <h2 id="sv-irregular">{t('irregularList')}</h2>
      {list.isPending ? (
        <PageLoading rows={2} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{t('noIrregularities')}</p>
      ) : (
        <ul className="tb-sv-cards" aria-label={t('irregularList')}>
          {list.data.map((f) => (
            <li key={f.id} className="tb-sv-card">
              <p className="tb-sv-card__head">
                <strong>{f.reference}</strong>
                <Badge tone="orange">{t(`rules.${f.rule}`, { defaultValue: t('rules.other') })}</Badge>
              </p>
              <p>{i18n.resolvedLanguage === 'en' ? f.explanation.en : f.explanation.zh}</p>
              {canDismiss ? <Dismiss item={f} announce={announce} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
