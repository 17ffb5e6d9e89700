import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { NetworkError, ProblemError } from '../app/http';

/**
 * Shows a failed request to the person: the server's `detail` (already in their language) and
 * the request id that support staff can look up; a generic sentence for network failures.
 */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem = error instanceof ProblemError ? error.problem : undefined;
  const title = problem
    ? problem.detail || problem.title
    : error instanceof NetworkError && error.status === undefined
      ? t('error.network')
      : t('error.generic');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        problem?.requestId ? (
          <span className="tb-request-id">{t('error.requestId', { id: problem.requestId })}</span>
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
