import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { Fee, FeeStatus } from './api';
import { useEnglish } from '../../ui/useEnglish';
import { shortDate, yuan } from '../../ui/format';
import { useFees } from './queries';

const FEE_TONE: Record<FeeStatus, BadgeTone> = { due: 'orange', paid: 'green', waived: 'gray' };

/** 收费: each fee with its amount in 元 and whether it is due, paid (缴款书号) or waived; `actions` adds the staff's steps. */
export function FeesList({ caseId, actions }: { caseId: string; actions?: (fee: Fee) => ReactNode }) {
  const { t } = useTranslation();
  const en = useEnglish();
  const fees = useFees(caseId);
  if (fees.isPending) return <PageLoading rows={2} />;
  if (fees.isError) return <ProblemAlert error={fees.error} onRetry={() => void fees.refetch()} />;
  if (fees.data.fees.length === 0) return <p>{t('cases.fees.none')}</p>;
  return (
    <>
      <p className={fees.data.dueFen > 0 ? 'tb-case-missing' : 'tb-text-green'}>
        {fees.data.dueFen > 0 ? t('cases.fees.due', { amount: yuan(fees.data.dueFen) }) : t('cases.fees.settled')}
      </p>
      <ul className="tb-case-list" aria-label={t('cases.fees.list')}>
        {fees.data.fees.map((f) => (
          <li key={f.id} className="tb-fee">
            <div className="tb-case-card__head">
              <strong>{f.name}</strong>
              <span>
                <span className="tb-fee__amount">{t('cases.fees.amount', { amount: yuan(f.amountFen) })}</span>{' '}
                <Badge tone={FEE_TONE[f.status]}>{t(`cases.fees.states.${f.status}`)}</Badge>
              </span>
            </div>
            <p className="tb-muted tb-small">
              {f.basis ? `${t('cases.fees.basis')}${t('app.colon')}${f.basis} · ` : ''}
              {t('cases.fees.setOn', { date: shortDate(f.setAt, en) })}
              {f.paymentRef ? ` · ${t('cases.fees.paymentRef')}${t('app.colon')}${f.paymentRef}` : ''}
              {f.settledAt ? ` · ${t('cases.fees.settledOn', { date: shortDate(f.settledAt, en) })}` : ''}
            </p>
            {actions?.(f)}
          </li>
        ))}
      </ul>
    </>
  );
}
