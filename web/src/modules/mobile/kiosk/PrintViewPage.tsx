import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dateTime, shortDate } from '../../../ui/format';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useDisplayName } from '../../../ui/useDisplayName';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useEnglish } from '../../../ui/useEnglish';
import { useCase } from '../../cases';

/**
 * `/me/cases/:id/print`: the applicant's receipt and the latest 一次性告知 as one printable sheet
 * (the kiosk's printer, or any browser's): 打印 opens the browser's print dialog on this view.
 */
export default function PrintViewPage() {
  const { t } = useTranslation('mobile');
  const en = useEnglish();
  const { id = '' } = useParams();
  const c = useCase(id);
  const name = useDisplayName();
  useDocumentTitle(t('print.title'));
  if (c.isPending) return <PageLoading />;
  if (c.isError) return <ProblemAlert error={c.error} onRetry={() => void c.refetch()} />;
  const notice = c.data.events.findLast((e) => e.type === 'supplement-requested');
  const items = notice?.detail.items ?? [];
  return (
    <div className="tb-container tb-page tb-print-view">
      <div className="tb-print-view__actions no-print">
        <button type="button" className="tb-big-button" onClick={() => window.print()}>
          <PrinterOutlined aria-hidden="true" />
          {t('print.print')}
        </button>
        <Link to={`/me/cases/${c.data.id}`} className="tb-big-button tb-big-button--secondary">
          {t('print.back')}
        </Link>
      </div>
      <article className="tb-print-sheet">
        <h1>{t('print.title')}</h1>
        <dl className="tb-facts">
          <div>
            <dt>{t('print.tracking')}</dt>
            <dd className="tb-code">{c.data.trackingCode}</dd>
          </div>
          <div>
            <dt>{t('print.item')}</dt>
            <dd>{c.data.itemName}</dd>
          </div>
          <div>
            <dt>{t('print.status')}</dt>
            <dd>{name('caseStatus', c.data.status)}</dd>
          </div>
          <div>
            <dt>{t('print.submittedAt')}</dt>
            <dd>{shortDate(c.data.submittedAt, en)}</dd>
          </div>
          {c.data.dueOn ? (
            <div>
              <dt>{t('print.dueOn')}</dt>
              <dd>{shortDate(c.data.dueOn, en)}</dd>
            </div>
          ) : null}
        </dl>
        <h2>{t('print.notice')}</h2>
        {items.length ? (
          <>
            <p>{t('print.noticeLead')}</p>
            <ol className="tb-numbered">
              {items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ol>
            {notice?.detail.note ? <p>{notice.detail.note}</p> : null}
          </>
        ) : (
          <p>{t('print.noNotice')}</p>
        )}
        <p className="tb-muted tb-small">{t('print.printedAt', { at: dateTime(new Date().toISOString(), en) })}</p>
      </article>
    </div>
  );
}
