import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TrackedBundle } from '../api';
import '../forms.css';

/** 全程一码 for a bundle: every case inside it, by item, with its own state. No personal data. */
export function BundleTrack({
  bundle,
  statusBadge,
}: {
  bundle: TrackedBundle;
  statusBadge: (status: string) => React.ReactNode;
}) {
  const { t } = useTranslation('forms');
  return (
    <section className="tb-panel tb-case-section" aria-labelledby="track-bundle">
      <h2 id="track-bundle">
        {t('track.bundle')} · {bundle.theme}
      </h2>
      <p>
        <span className="tb-code">{bundle.trackingCode}</span> · {t('track.progress', bundle.progress)}
      </p>
      <table className="tb-bundle-table">
        <caption className="tb-muted">{t('track.items')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('track.item')}</th>
            <th scope="col">{t('track.status')}</th>
            <th scope="col">{t('track.code')}</th>
            <th scope="col">{t('track.due')}</th>
          </tr>
        </thead>
        <tbody>
          {bundle.cases.map((c) => (
            <tr key={c.trackingCode}>
              <td>{c.itemName}</td>
              <td>
                {statusBadge(c.status)}
                {c.waiting ? <span className="tb-muted tb-small"> {t('track.waiting')}</span> : null}
              </td>
              <td>
                <Link to={`/track/${encodeURIComponent(c.trackingCode)}`} className="tb-code">
                  {c.trackingCode}
                </Link>
              </td>
              <td>{c.decidedOn ?? c.dueOn ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
