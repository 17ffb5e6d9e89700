import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomePage } from '../modules/catalog/home/HomePage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// The home page ships with the entry chunk (most visits start there); every other page is its own chunk.
const SearchPage = lazy(() => import('../modules/catalog/search/SearchPage'));
const ItemGuidePage = lazy(() => import('../modules/catalog/guide/ItemGuidePage'));
const ThemePage = lazy(() => import('../modules/catalog/themes/ThemePage'));
const ThemeApplyPage = lazy(() => import('../modules/forms').then((m) => ({ default: m.ThemeApplyPage })));
const ListsPage = lazy(() => import('../modules/catalog/lists/ListsPage'));
const NegativeListPage = lazy(() => import('../modules/catalog/lists/NegativeListPage'));
const LoginPage = lazy(() => import('../modules/identity/LoginPage'));
const RegisterPage = lazy(() => import('../modules/identity/RegisterPage'));
const ForgotPasswordPage = lazy(() => import('../modules/identity/ForgotPasswordPage'));
const MePage = lazy(() => import('../modules/identity/MePage'));
const PrivacyPage = lazy(() => import('../modules/identity/PrivacyPage'));
const MyCasesPage = lazy(() => import('../modules/cases/MyCasesPage'));
const MyCasePage = lazy(() => import('../modules/cases/MyCasePage'));
const TrackPage = lazy(() => import('../modules/cases/TrackPage'));
const ApplyPage = lazy(() => import('../modules/cases/apply/ApplyPage'));
const WorkbenchPage = lazy(() => import('../modules/cases/WorkbenchPage'));
const WorkbenchCasePage = lazy(() => import('../modules/cases/WorkbenchCasePage'));
const AdminApp = lazy(() => import('../modules/admin/AdminApp'));
const ComplaintsPage = lazy(() => import('../modules/complaints/ComplaintsPage'));
const WalletPage = lazy(() => import('../modules/licenses/WalletPage'));
const DataUsesPage = lazy(() => import('../modules/licenses/DataUsesPage'));
const VerifyPage = lazy(() => import('../modules/licenses/VerifyPage'));
const SharedLicensePage = lazy(() => import('../modules/licenses/SharedLicensePage'));

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
          { path: 'items/:code', element: <ItemGuidePage /> },
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
          { path: 'me/licenses', element: <WalletPage /> },
          { path: 'me/data-uses', element: <DataUsesPage /> },
          { path: 'me/complaints', element: <ComplaintsPage /> },
          { path: 'licenses/verify', element: <VerifyPage /> },
          { path: 'licenses/shared/:code', element: <SharedLicensePage /> },
          { path: 'track', element: <TrackPage /> },
          { path: 'track/:code', element: <TrackPage /> },
          { path: 'workbench', element: <WorkbenchPage /> },
          { path: 'workbench/cases/:id', element: <WorkbenchCasePage /> },
          { path: 'privacy', element: <PrivacyPage /> },
          { path: 'admin/*', element: <AdminApp /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
