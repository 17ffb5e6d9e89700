import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Announcement } from '../../../ui/Announcement';
import { Badge } from '../../../ui/Badge';
import { dateTime } from '../../../ui/format';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useEnglish } from '../../../ui/useEnglish';
import { callbackQueue, markDone, revealPhone, type CallbackLine } from './api';

const KEY = ['mobile', 'callbacks'];

function Callback({ c, onDone }: { c: CallbackLine; onDone: (message: string) => void }) {
  const { t } = useTranslation('mobile');
  const en = useEnglish();
  const queryClient = useQueryClient();
  const reveal = useMutation({ mutationFn: () => revealPhone(c.id) });
  const done = useMutation({
    mutationFn: () => markDone(c.id),
    onSuccess: () => onDone(t('callbacks.marked', { reference: c.reference })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const phone = reveal.data?.phone ?? c.phone;
  return (
    <li className="tb-panel tb-case-card">
      <div className="tb-case-card__head">
        <h3>
          {reveal.data ? <a href={`tel:${phone}`}>{phone}</a> : phone}
          {c.name ? ` · ${c.name}` : ''}
        </h3>
        <Badge tone={c.signedIn ? 'blue' : 'gray'}>
          {c.signedIn ? t('callbacks.signedIn') : t('callbacks.anonymous')}
        </Badge>
      </div>
      <dl className="tb-facts">
        <div>
          <dt>{t('callbacks.topic')}</dt>
          <dd>{c.topic ?? t('callbacks.noTopic')}</dd>
        </div>
        <div>
          <dt>{t('callbacks.at')}</dt>
          <dd>
            {dateTime(c.createdAt, en)} · <span className="tb-code">{c.reference}</span>
          </dd>
        </div>
        {c.page ? (
          <div>
            <dt>{t('callbacks.page')}</dt>
            <dd>
              <Link to={c.page}>{t('callbacks.openPage')}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {reveal.isError ? <ProblemAlert error={reveal.error} /> : null}
      {done.isError ? <ProblemAlert error={done.error} /> : null}
      <div className="tb-inline-list">
        {reveal.data ? null : (
          <button type="button" className="tb-button-link tb-button-link--secondary" onClick={() => reveal.mutate()}>
            {t('callbacks.reveal')}
          </button>
        )}
        <button type="button" className="tb-button-link" disabled={done.isPending} onClick={() => done.mutate()}>
          {t('callbacks.done')}
        </button>
      </div>
    </li>
  );
}

/** 回电: the region's 请给我回电 requests, oldest first, for window clerks and supervisors. */
export function CallbacksTab() {
  const { t } = useTranslation('mobile');
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => callbackQueue('open', signal) });
  const [announcement, setAnnouncement] = useState('');
  if (list.isPending) return <PageLoading rows={3} />;
  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Announcement>{announcement}</Announcement>
      {list.data.length === 0 ? (
        <p>{t('callbacks.empty')}</p>
      ) : (
        <ul className="tb-case-list" aria-label={t('callbacks.list')}>
          {list.data.map((c) => (
            <Callback key={c.id} c={c} onDone={setAnnouncement} />
          ))}
        </ul>
      )}
    </>
  );
}
