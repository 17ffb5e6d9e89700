import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEnglish } from '../../ui/useEnglish';
import { dateTime } from '../../ui/format';
import { VerdictPanel } from './LicenseBits';
import { useShared } from './queries';
import './licenses.css';

/** 亮证: the licence a holder shows with a five-minute code, as anyone who opens the code sees it. */
export function SharedLicensePage() {
  const { t } = useTranslation();
  const en = useEnglish();
  const { code = '' } = useParams();
  useDocumentTitle(t('licenses.shared.title'));
  const shared = useShared(code);
  return (
    <div className="tb-container tb-page tb-licenses">
      <header className="tb-page-header">
        <h1>{t('licenses.shared.title')}</h1>
        <p className="tb-muted">{t('licenses.shared.intro')}</p>
      </header>
      {shared.isPending ? (
        <PageLoading rows={4} />
      ) : shared.isError ? (
        <ProblemAlert error={shared.error} />
      ) : (
        <VerdictPanel
          verdict={shared.data.status}
          face={shared.data}
          note={
            <p className="tb-muted tb-small">
              {t('licenses.shared.until', { at: dateTime(shared.data.sharedUntil, en) })}
            </p>
          }
        />
      )}
    </div>
  );
}

export default SharedLicensePage;
