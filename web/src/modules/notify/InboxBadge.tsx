import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../identity';
import { useUnreadCount } from './queries';
import './notify.css';

/**
 * The header's 我的消息 link with the unread count, for whoever is signed in (staff land on the
 * workbench's messages tab). The count is asked for every minute and when the tab comes back.
 */
export function InboxBadge() {
  const { t } = useTranslation('notify');
  const me = useMe();
  const signedIn = me.data?.kind === 'person' || me.data?.kind === 'staff';
  const unread = useUnreadCount(signedIn);
  if (!signedIn) return null;
  const count = unread.data ?? 0;
  return (
    <Link
      className="tb-inbox-badge"
      to={me.data?.kind === 'staff' ? '/workbench?tab=inbox' : '/me/inbox'}
      aria-label={count ? t('inbox.badge', { count }) : t('inbox.badgeNone')}
    >
      <BellOutlined aria-hidden="true" />
      <span className="tb-inbox-badge__label">{t('inbox.nav')}</span>
      {count ? (
        <span className="tb-inbox-badge__count" data-testid="unread-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
