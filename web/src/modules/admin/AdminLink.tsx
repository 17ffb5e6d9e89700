import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAdminRole } from './sections';

/** The way into 管理后台 for staff with an administrative role (nothing for anyone else). */
export function AdminLink({ roles, className }: { roles: readonly string[]; className?: string }) {
  const { t } = useTranslation('admin');
  if (!hasAdminRole(roles)) return null;
  return (
    <Link to="/admin" className={className}>
      {t('link')}
    </Link>
  );
}
