import { Button, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Announcement } from '../../ui/Announcement';
import { Badge } from '../../ui/Badge';
import { dateTime } from '../../ui/format';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { safeHref } from '../../ui/safe-href';
import { useEnglish } from '../../ui/useEnglish';
import type { Message } from './api';
import { useInbox, useMarkRead } from './queries';
import './notify.css';

const PAGE = 20;

function MessageItem({ m, onRead }: { m: Message; onRead: (id: string) => void }) {
  const { t } = useTranslation('notify');
  const en = useEnglish();
  const link = m.link ? safeHref(m.link) : undefined;
  return (
    <li className={`tb-panel tb-inbox-message${m.read ? '' : ' is-unread'}`}>
      <div className="tb-inbox-message__head">
        <h3 className="tb-inbox-message__title">{m.title}</h3>
        {m.read ? null : <Badge tone="red">{t('inbox.unread')}</Badge>}
        <time className="tb-muted tb-small" dateTime={m.createdAt}>
          {dateTime(m.createdAt, en)}
        </time>
      </div>
      <p className="tb-inbox-message__body">{m.body}</p>
      <p className="tb-inbox-message__actions">
        {link ? (
          <Link to={link} onClick={() => (m.read ? undefined : onRead(m.id))}>
            {t('inbox.open')}
          </Link>
        ) : null}
        {m.read ? null : (
          <Button size="small" onClick={() => onRead(m.id)}>
            {t('inbox.markRead')}
          </Button>
        )}
      </p>
    </li>
  );
}

/**
 * 我的消息: the signed-in account's messages, newest first — all or only the unread — with the
 * unread count; reading one (or opening what it is about) marks it read, and all at once.
 */
export function InboxList() {
  const { t } = useTranslation('notify');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [size, setSize] = useState(PAGE);
  // The key of what was done, so that the announcement follows a language switch.
  const [done, setDone] = useState<'inbox.markedRead' | 'inbox.allRead' | null>(null);
  const inbox = useInbox(size, unreadOnly);
  const mark = useMarkRead();
  const read = (ids?: string[]) =>
    mark.mutate(ids, { onSuccess: () => setDone(ids ? 'inbox.markedRead' : 'inbox.allRead') });
  return (
    <section className="tb-inbox" aria-label={t('inbox.title')}>
      <div className="tb-inbox__bar">
        <Radio.Group
          aria-label={t('inbox.filter')}
          optionType="button"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(e) => setUnreadOnly(e.target.value === 'unread')}
          options={[
            { value: 'all', label: t('inbox.all') },
            { value: 'unread', label: t('inbox.unreadOnly') },
          ]}
        />
        <span className="tb-inbox__count">
          {inbox.data ? t('inbox.unreadCount', { count: inbox.data.unread }) : null}
        </span>
        <Button onClick={() => read()} disabled={!inbox.data?.unread} loading={mark.isPending && !mark.variables}>
          {t('inbox.markAllRead')}
        </Button>
      </div>
      <Announcement>{done ? t(done) : ''}</Announcement>
      {mark.isError ? <ProblemAlert error={mark.error} /> : null}
      {inbox.isPending ? (
        <PageLoading rows={3} />
      ) : inbox.isError ? (
        <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.messages.length === 0 ? (
        <p className="tb-muted">{unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')}</p>
      ) : (
        <>
          <ul className="tb-inbox__list" aria-label={t('inbox.list')}>
            {inbox.data.messages.map((m) => (
              <MessageItem key={m.id} m={m} onRead={(id) => read([id])} />
            ))}
          </ul>
          <p className="tb-muted tb-small">{t('inbox.total', { count: inbox.data.total })}</p>
          {inbox.data.total > inbox.data.messages.length && size < 100 ? (
            <Button onClick={() => setSize((s) => Math.min(100, s + PAGE))} loading={inbox.isFetching}>
              {t('inbox.more')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
