import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkError } from '../../app/http';
import { problemMessage, problemOf } from './problems';

/**
 * A form's failure, announced at once (role="alert"): the server's message in the current
 * language and its request id, or `title`/`children` where the page explains the case itself.
 */
export function FormProblem({
  error,
  title,
  children,
  type = 'error',
}: {
  error: unknown;
  title?: ReactNode;
  children?: ReactNode;
  type?: 'error' | 'warning' | 'info';
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
      className="tb-form-problem"
      type={type}
      showIcon
      role="alert"
      title={title ?? message}
      description={
        children || problem?.requestId ? (
          <>
            {children}
            {problem?.requestId ? (
              <span className="tb-request-id tb-form-problem__id">
                {t('error.requestId', { id: problem.requestId })}
              </span>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
}
