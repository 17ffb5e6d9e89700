import { createBrowserRouter } from 'react-router';
import { AdminApp } from '../modules/admin';
import { DashboardPage, DatasetPage, OpenDataPage } from '../modules/analytics';
import { CapabilityPage, DemandPage } from '../modules/demand';
import { ApplyPage, MyCasePage, MyCasesPage, ThemeApplyPage, TrackPage, useHeldMaterials } from '../modules/cases';
import { HomePage, ItemGuidePage, ListsPage, NegativeListPage, SearchPage, ThemePage } from '../modules/catalog';
import { ComplaintsPage } from '../modules/complaints';
import { ForgotPasswordPage, LoginPage, MePage, PrivacyPage, RegisterPage } from '../modules/identity';
import { DataUsesPage, SharedLicensePage, VerifyPage, WalletPage } from '../modules/licenses';
import { InboxPage, PreferencesPage } from '../modules/notify';
import { KioskHomePage, MySpacePage, PrintViewPage } from '../modules/mobile';
import { SupervisionPage } from '../modules/supervision';
import { BenefitsPage } from '../modules/proactive';
import { WorkbenchCasePage, WorkbenchPage } from '../modules/workbench';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from '../ui/NotFoundPage';
import { RouteError } from './RouteError';

// Each module's index.ts gives its pages; the home page ships with the entry chunk, every other page is its own chunk.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        // Page errors render inside the frame so that header and navigation stay usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'items/:code', element: <ItemGuidePage useHeldMaterials={useHeldMaterials} /> },
          { path: 'items/:code/apply', element: <ApplyPage /> },
          { path: 'themes/:id', element: <ThemePage /> },
          { path: 'themes/:id/apply', element: <ThemeApplyPage /> },
          { path: 'lists/negative', element: <NegativeListPage /> },
          { path: 'lists/:kind', element: <ListsPage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'me', element: <MePage /> },
          { path: 'me/cases', element: <MyCasesPage /> },
          { path: 'me/cases/:id', element: <MyCasePage /> },
          { path: 'me/cases/:id/print', element: <PrintViewPage /> },
          { path: 'me/space', element: <MySpacePage /> },
          { path: 'kiosk', element: <KioskHomePage /> },
          { path: 'me/licenses', element: <WalletPage /> },
          { path: 'me/data-uses', element: <DataUsesPage /> },
          { path: 'me/benefits', element: <BenefitsPage /> },
          { path: 'me/complaints', element: <ComplaintsPage /> },
          { path: 'me/inbox', element: <InboxPage /> },
          { path: 'me/notifications', element: <PreferencesPage /> },
          { path: 'licenses/verify', element: <VerifyPage /> },
          { path: 'licenses/shared/:code', element: <SharedLicensePage /> },
          { path: 'track', element: <TrackPage /> },
          { path: 'track/:code', element: <TrackPage /> },
          { path: 'workbench', element: <WorkbenchPage /> },
          { path: 'workbench/cases/:id', element: <WorkbenchCasePage /> },
          { path: 'supervision', element: <SupervisionPage /> },
          { path: 'analytics', element: <DashboardPage /> },
          { path: 'analytics/demand', element: <DemandPage /> },
          { path: 'analytics/capability', element: <CapabilityPage /> },
          { path: 'opendata', element: <OpenDataPage /> },
          { path: 'opendata/:name', element: <DatasetPage /> },
          { path: 'privacy', element: <PrivacyPage /> },
          { path: 'admin/*', element: <AdminApp /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
