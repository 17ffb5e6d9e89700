import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { PersonMe } from './api';
import { useMe } from './queries';

/**
 * A page of a signed-in person (我的…): visitors go to sign-in and come back, staff to the
 * workbench; the page body gets who is signed in.
 */
export function PersonPage({
  className = '',
  children,
}: {
  className?: string;
  children: (me: PersonMe) => ReactNode;
}) {
  const me = useMe();
  const { pathname, search } = useLocation();
  let body: ReactNode;
  if (me.isPending) body = <PageLoading />;
  else if (me.isError) body = <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  else if (me.data.kind === 'anonymous')
    return <Navigate to={`/login?returnTo=${encodeURIComponent(`${pathname}${search}`)}`} replace />;
  else if (me.data.kind === 'staff') return <Navigate to="/workbench" replace />;
  else body = children(me.data);
  return <div className={`tb-container tb-page ${className}`}>{body}</div>;
}
