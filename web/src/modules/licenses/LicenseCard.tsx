import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../ui/Fact';
import { useEnglish } from '../../ui/useEnglish';
import { dateTime } from '../../ui/format';
import * as api from './api';
import { LicenseData, LicenseFacts, LicenseStatusBadge } from './LicenseBits';
import { useMyLicense } from './queries';
import { ShareButton } from './ShareDialog';

const HISTORY_ACTIONS = ['issued', 'changed', 'renewed', 'revoked', 'suspended', 'reinstated', 'superseded'] as const;

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const en = useEnglish();
  const [open, setOpen] = useState(false);
  const detail = useMyLicense(id, open);
  const name = (action: string) =>
    HISTORY_ACTIONS.includes(action as (typeof HISTORY_ACTIONS)[number])
      ? t(`licenses.history.${action as (typeof HISTORY_ACTIONS)[number]}`)
      : action;
  return (
    <details className="tb-license-history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('licenses.history.title')}</summary>
      {detail.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : detail.isError ? (
        <p role="alert">{t('error.generic')}</p>
      ) : (
        <ol className="tb-case-events">
          {detail.data.history.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <time dateTime={h.at}>{dateTime(h.at, en)}</time>
              <span className="tb-case-events__what">
                {name(h.action)} · {t('licenses.history.version', { version: h.version })}
              </span>
              {h.reason ? <span className="tb-muted tb-small">{h.reason}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** One licence in the wallet: what it is, whose, by whom, until when, its state, files, history and 亮证. */
export function LicenseCard({ l, labels }: { l: api.HeldLicense; labels: Map<string, string> | undefined }) {
  const { t } = useTranslation();
  const headingId = `license-${l.id}`;
  return (
    <li className={`tb-panel tb-license tb-license--${l.status}`} aria-labelledby={headingId}>
      <div className="tb-case-card__head">
        <h2 id={headingId} className="tb-license__type">
          {l.type.name}
        </h2>
        <LicenseStatusBadge status={l.status} />
      </div>
      <dl className="tb-facts">
        <LicenseFacts l={l} />
        {l.statusReason && l.status !== 'valid' ? (
          <Fact label={t('licenses.fields.statusReason')}>{l.statusReason}</Fact>
        ) : null}
      </dl>
      <details className="tb-license-data">
        <summary>{t('licenses.dataItems')}</summary>
        <dl className="tb-facts">
          <LicenseData data={l.data} labels={labels} />
        </dl>
      </details>
      <History id={l.id} />
      <p className="tb-license__actions">
        <ShareButton l={l} />
        <a className="tb-button-link" href={api.licensePdfUrl(l.id)} target="_blank" rel="noreferrer">
          {t('licenses.pdf')}
          <span className="sr-only">{l.type.name}</span>
        </a>
        <a className="tb-button-link" href={api.licensePngUrl(l.id)} target="_blank" rel="noreferrer">
          {t('licenses.png')}
          <span className="sr-only">{l.type.name}</span>
        </a>
      </p>
    </li>
  );
}
