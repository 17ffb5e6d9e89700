import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { StaffMe } from '../identity';
import type { FieldProblem } from '../../ui/problems';
import { ALL_ROLES, hasAnyRole } from './sections';
import type { ItemStatus, StaffRole } from './api';

/** The signed-in staff member, handed down by the admin layout. */
export const useStaff = () => useOutletContext<StaffMe>();

export function formatDateTime(iso: string | null | undefined, en: boolean): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(en ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, en: boolean): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }).format(
    new Date(iso),
  );
}

/** A staff role's name, as the rest of the portal shows it (main namespace, `identity.staffRole`). */
export function useRoleName(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (ALL_ROLES.includes(role as StaffRole) ? t(`identity.staffRole.${role as StaffRole}`) : role);
}

export function StatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation('admin');
  return <span className={`tb-admin-status tb-admin-status--${status}`}>{t(`status.${status}`)}</span>;
}

/** Shows `children` only to staff with one of `roles`; a clear sentence to anyone else. */
export function RequireRoles({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation('admin');
  const me = useStaff();
  if (hasAnyRole(me.roles, roles)) return <>{children}</>;
  return <Alert type="warning" showIcon title={t('denied.section')} />;
}

/** Every problem the server named, listed together (those with a field on the page are shown there too). */
export function ProblemList({ problems, title }: { problems: FieldProblem[]; title: string }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="tb-admin-problems"
      title={title}
      description={
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.field}-${i}`}>
              {p.field ? <code>{p.field}</code> : null} {p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="tb-page-header tb-admin__header">
      <h1>{title}</h1>
      {children}
    </header>
  );
}
