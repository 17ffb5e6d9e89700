import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Fact } from '../../../ui/Fact';
import { useDisplayName } from '../../../ui/useDisplayName';
import type { CaseDetail } from '../api';
import { useEnglish } from '../../../ui/useEnglish';
import { shortDate } from '../../../ui/format';

/** 证照结果: the e-licences the case produced, with number, status and term; the applicant's link opens the wallet. */
export function CaseLicences({ c, forApplicant }: { c: Pick<CaseDetail, 'licenses'>; forApplicant: boolean }) {
  const { t } = useTranslation('caseView');
  const { t: ta } = useTranslation();
  const name = useDisplayName();
  const en = useEnglish();
  if (c.licenses.length === 0) return null;
  return (
    <>
      {c.licenses.map((l) => (
        <Fact key={l.id} label={t('licences.title')}>
          <span>
            {l.typeName} · {name('licenseStatus', l.status)}
          </span>
          <br />
          <span className="tb-muted tb-small">
            {t('licences.number')}
            {ta('app.colon')}
            <span className="tb-code">{l.number}</span>
            {' · '}
            {t('licences.validUntil')}
            {ta('app.colon')}
            {l.validUntil ? shortDate(l.validUntil, en) : t('licences.longTerm')}
          </span>
          {forApplicant ? (
            <>
              {' '}
              <Link to="/me/licenses">{t('licences.open')}</Link>
            </>
          ) : null}
        </Fact>
      ))}
    </>
  );
}
