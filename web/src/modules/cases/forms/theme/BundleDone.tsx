import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmittedBundle } from '../api';

/** After submitting: the one tracking code of the bundle, and each case to upload its materials on. */
export function BundleDone({ bundle }: { bundle: SubmittedBundle }) {
  const { t } = useTranslation('forms');
  return (
    <Result
      status="success"
      title={
        <span>
          {t('theme.submitted')} <span className="tb-code tb-bundle-code">{bundle.trackingCode}</span>
        </span>
      }
      subTitle={t('theme.codeHelp')}
      extra={
        <div className="tb-bundle-done">
          <Link className="ant-btn ant-btn-primary" to={`/track/${encodeURIComponent(bundle.trackingCode)}`}>
            {t('theme.track')}
          </Link>
          <h2>{t('theme.cases')}</h2>
          <ul>
            {bundle.cases.map((c) => (
              <li key={c.caseId}>
                {c.itemName}
                {c.status === 'waiting' ? <span className="tb-muted"> · {t('theme.waiting')}</span> : null} ·{' '}
                <Link to={`/me/cases/${encodeURIComponent(c.caseId)}`}>{t('theme.uploadMaterials')}</Link>
              </li>
            ))}
          </ul>
        </div>
      }
    />
  );
}
