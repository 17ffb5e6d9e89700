import { useTranslation } from 'react-i18next';
import { Fact } from '../../ui/Fact';
import * as api from './api';

/** 受理通知书: once a case is accepted, its sealed receipt as a PDF the window prints for the applicant. */
export function AcceptanceReceiptLink({ c }: { c: Pick<api.CaseDetail, 'id' | 'status' | 'acceptedOn'> }) {
  const { t } = useTranslation();
  if (!c.acceptedOn || c.status === 'not_accepted') return null;
  return (
    <Fact label={t('cases.results.receipt')}>
      <a href={api.acceptanceReceiptUrl(c.id)} target="_blank" rel="noreferrer">
        {t('cases.results.receiptLink')}
      </a>
    </Fact>
  );
}
