import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { overduePromises } from '../../cases';

/** The department head's list of 容缺 materials past their due date, in their scope. */
export function OverduePromises() {
  const { t } = useTranslation('completeness');
  const { t: tt } = useTranslation();
  const list = useQuery({
    queryKey: ['cases', 'promises', 'overdue'],
    queryFn: ({ signal }) => overduePromises(signal),
    staleTime: 0,
  });
  return (
    <section className="tb-panel tb-case-section" aria-labelledby="overdue-promises" data-testid="overdue-promises">
      <h2 id="overdue-promises">{t('promises.title')}</h2>
      {list.isError ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.length === 0 ? <p>{t('promises.none')}</p> : null}
      <ul className="tb-bullets">
        {list.data?.map((p) => (
          <li key={`${p.caseId}-${p.materialIndex}`}>
            <span className="tb-code">{p.trackingCode}</span> {p.itemName} · {p.applicantName} ·{' '}
            {t('promises.material')}
            {tt('app.colon')}
            {p.name} · {t('promises.dueOn')}
            {tt('app.colon')}
            {p.dueOn} ·{' '}
            <span className="tb-case-missing">{t('promises.overdueDays', { n: -p.remainingWorkingDays })}</span>{' '}
            <Link to={`/workbench/cases/${p.caseId}`}>{t('promises.open')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
