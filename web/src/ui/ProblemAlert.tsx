import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkError } from '../app/http';
import { problemMessage, problemOf } from './problems';

/**
 * The one way a failed request is shown, announced at once (role="alert"): the server's message
 * in the current language (it follows a language switch) and the request id support staff can
 * look up; a generic sentence for network failures. `title`/`children` let a page explain the
 * case itself; `onRetry` offers to ask again.
 */
export function ProblemAlert({
  error,
  title,
  children,
  type = 'error',
  onRetry,
}: {
  error: unknown;
  title?: ReactNode;
  children?: ReactNode;
  type?: 'error' | 'warning' | 'info';
  onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const problem = problemOf(error);
  const message = problem
    ? problemMessage(problem, i18n.resolvedLanguage)
    : error instanceof NetworkError && error.status === undefined
      ? t('error.network')
      : t('error.generic');
  return (
    <Alert
      className="tb-problem"
      type={type}
      showIcon
      role="alert"
      title={title ?? message}
      description={
        children || problem?.requestId ? (
          <>
            {children}
            {problem?.requestId ? (
              <span className="tb-request-id tb-problem__id">{t('error.requestId', { id: problem.requestId })}</span>
            ) : null}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
