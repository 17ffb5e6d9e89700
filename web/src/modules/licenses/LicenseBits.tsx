/** Pieces shared by the wallet and the public verification pages. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Fact } from '../../ui/Fact';
import { useEnglish } from '../../ui/useEnglish';
import { dateTime, shortDate } from '../../ui/format';
import type { PublicFace, Verdict } from './api';

/** Colours of a licence's state; the words always say it too. */
export const VERDICT_TONE: Record<Verdict, BadgeTone> = {
  valid: 'green',
  not_yet_valid: 'blue',
  suspended: 'orange',
  superseded: 'gray',
  expired: 'gray',
  revoked: 'red',
  tampered: 'red',
};

export function LicenseStatusBadge({ status }: { status: Verdict }) {
  const { t } = useTranslation();
  return <Badge tone={VERDICT_TONE[status] ?? 'gray'}>{t(`licenses.status.${status}`)}</Badge>;
}

export function Validity({ from, until }: { from: string; until: string | null }) {
  const { t } = useTranslation();
  const en = useEnglish();
  return (
    <>
      {until
        ? t('licenses.validRange', { from: shortDate(from, en), until: shortDate(until, en) })
        : t('licenses.validOpen', { from: shortDate(from, en) })}
    </>
  );
}

/** Number, holder, issuer, validity and issue time of a licence, as rows of a `<dl>`. */
export function LicenseFacts({ l }: { l: PublicFace }) {
  const { t } = useTranslation();
  const en = useEnglish();
  return (
    <>
      <Fact label={t('licenses.fields.number')}>
        <span className="tb-code tb-break">{l.number}</span>
      </Fact>
      <Fact label={t('licenses.fields.holder')}>
        {l.holder.name} <span className="tb-code tb-break">{l.holder.id}</span>
      </Fact>
      <Fact label={t('licenses.fields.issuer')}>{l.issuer.name}</Fact>
      <Fact label={t('licenses.fields.validity')}>
        <Validity from={l.validFrom} until={l.validUntil} />
      </Fact>
      <Fact label={t('licenses.fields.issuedAt')}>{dateTime(l.issuedAt, en)}</Fact>
    </>
  );
}

/** Data items as rows of a `<dl>`: `labels` maps field keys to names (the public face is keyed by name already). */
export function LicenseData({ data, labels }: { data: PublicFace['data']; labels?: Map<string, string> }) {
  return (
    <>
      {Object.entries(data)
        .filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => (
          <Fact key={k} label={labels?.get(k) ?? k}>
            <span className="tb-break">{String(v)}</span>
          </Fact>
        ))}
    </>
  );
}

/**
 * The answer of a verification, big: 有效 / 已暂停 / 已吊销 / 已过期 / 已被篡改, then the public face
 * exactly as the server returned it (nothing more of the holder than it chose to show).
 */
export function VerdictPanel({ verdict, face, note }: { verdict: Verdict; face: PublicFace; note?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section
      className={`tb-panel tb-verdict tb-verdict--${VERDICT_TONE[verdict] ?? 'gray'}`}
      aria-labelledby="verdict-heading"
    >
      <p className="tb-verdict__type">{face.type.name}</p>
      <h2 id="verdict-heading" className="tb-verdict__result" data-verdict={verdict}>
        <span aria-hidden="true" className="tb-verdict__icon">
          {verdict === 'valid' ? '✓' : '!'}
        </span>
        {t(`licenses.verdict.${verdict}`)}
      </h2>
      <p className="tb-verdict__explain">{t(`licenses.verdictHelp.${verdict}`)}</p>
      {note}
      <dl className="tb-facts">
        <LicenseFacts l={face} />
        <LicenseData data={face.data} />
      </dl>
    </section>
  );
}
