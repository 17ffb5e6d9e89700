/**
 * 管理后台: one lazily loaded chunk for /admin/*. The layout checks who is signed in — visitors go
 * to sign-in, staff without an administrative role get a plain explanation — and its side menu
 * lists only the sections the staff member's roles open.
 */
import { Alert, ConfigProvider } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, Route, Routes, useLocation } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import type { StaffMe } from '../identity';
import { useMe } from '../identity';
import { TemplatesPage } from '../notify';
import { AssistantQuestionsPage } from '../assistant';
import { PoliciesPage, PolicyPage } from '../policyadmin';
import { NewPolicyPage } from '../policynew';
import { PageHeader, RequireRoles, useStaff } from './bits';
import { hasAdminRole, SECTIONS, sectionsFor, type SectionKey } from './sections';
import './admin.css';

const ItemsPage = lazy(() => import('./items/ItemsPage'));
const ItemEditPage = lazy(() => import('./items/ItemEditPage'));
const ThemesPage = lazy(() => import('./themes/ThemesPage'));
const ProcessPage = lazy(() => import('./processes/ProcessPage'));
const StaffPage = lazy(() => import('./staff/StaffPage'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage'));
const SharingPage = lazy(() => import('./sharing/SharingPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const DepartmentsPage = lazy(() => import('./departments/DepartmentsPage'));

function SideMenu({ me }: { me: StaffMe }) {
  const { t } = useTranslation('admin');
  return (
    <nav className="tb-admin__nav" aria-label={t('nav.label')}>
      <p className="tb-admin__nav-title">{t('title')}</p>
      <ul>
        {sectionsFor(me.roles).map((s) => (
          <li key={s.key}>
            <NavLink to={`/admin/${s.path}`} className={({ isActive }) => (isActive ? 'is-active' : undefined)}>
              {t(`nav.${s.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Denied({ signedInAsPerson }: { signedInAsPerson: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <div className="tb-container tb-page tb-admin-denied">
      <PageHeader title={t('title')} />
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('denied.title')}
        description={signedInAsPerson ? t('denied.person') : t('denied.staff')}
      />
      <p className="tb-admin-denied__links">
        {signedInAsPerson ? (
          <Link to="/">{t('denied.home')}</Link>
        ) : (
          <Link to="/workbench">{t('denied.workbench')}</Link>
        )}
      </p>
    </div>
  );
}

function AdminLayout() {
  const { t } = useTranslation('admin');
  const me = useMe();
  const { pathname, search } = useLocation();
  useDocumentTitle(t('title'));
  if (me.isPending)
    return (
      <div className="tb-container tb-page">
        <PageLoading />
      </div>
    );
  if (me.isError)
    return (
      <div className="tb-container tb-page">
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  if (me.data.kind === 'anonymous')
    return <Navigate to={`/login?returnTo=${encodeURIComponent(`${pathname}${search}`)}`} replace />;
  if (me.data.kind !== 'staff' || !hasAdminRole(me.data.roles))
    return <Denied signedInAsPerson={me.data.kind === 'person'} />;
  return (
    // Buttons say exactly their label (antd would space out two-character Chinese labels: 保 存).
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <div className="tb-container tb-page tb-admin">
        <SideMenu me={me.data} />
        <div className="tb-admin__content">
          <Suspense fallback={<PageLoading />}>
            <Outlet context={me.data} />
          </Suspense>
        </div>
      </div>
    </ConfigProvider>
  );
}

function Overview() {
  const { t } = useTranslation('admin');
  const me = useStaff();
  useDocumentTitle(t('title'));
  return (
    <>
      <PageHeader title={t('title')}>
        <p className="tb-admin__lead">{t('overview.lead', { name: me.name })}</p>
      </PageHeader>
      <ul className="tb-admin-overview">
        {sectionsFor(me.roles).map((s) => (
          <li key={s.key} className="tb-panel">
            <Link to={`/admin/${s.path}`}>{t(`nav.${s.key}`)}</Link>
            <p>{t(`overview.${s.key}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

const roles = (key: SectionKey) => SECTIONS.find((s) => s.key === key)!.roles;
const guarded = (key: SectionKey, page: ReactNode) => <RequireRoles roles={roles(key)}>{page}</RequireRoles>;

export function AdminApp() {
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<Overview />} />
        <Route path="items" element={guarded('items', <ItemsPage />)} />
        <Route path="items/:code" element={guarded('items', <ItemEditPage />)} />
        <Route path="themes" element={guarded('themes', <ThemesPage />)} />
        <Route path="processes" element={guarded('processes', <ProcessPage />)} />
        <Route path="assistant" element={guarded('assistant', <AssistantQuestionsPage />)} />
        <Route path="policies" element={guarded('policies', <PoliciesPage />)} />
        <Route path="policies/new" element={guarded('policies', <NewPolicyPage />)} />
        <Route path="policies/:code" element={guarded('policies', <PolicyPage />)} />
        <Route path="staff" element={guarded('staff', <StaffPage />)} />
        <Route path="calendar" element={guarded('calendar', <CalendarPage />)} />
        <Route path="notify-templates" element={guarded('templates', <TemplatesPage />)} />
        <Route path="sharing" element={guarded('sharing', <SharingPage />)} />
        <Route path="audit" element={guarded('audit', <AuditPage />)} />
        <Route path="departments" element={guarded('departments', <DepartmentsPage />)} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Route>
    </Routes>
  );
}

export default AdminApp;
