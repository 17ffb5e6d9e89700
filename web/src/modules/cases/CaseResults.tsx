import { useState } from 'react';
import { Announcement } from '../../ui/Announcement';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../ui/Fact';
import { useItem } from '../catalog';
import * as api from './api';
import { DeliveryChoiceForm } from './DeliveryChoiceForm';
import { DeliveryFacts } from './DeliveryFacts';
import { FeesList } from './FeesList';
import { useDelivery } from './queries';

/** 决定书: the decision of a decided case as a PDF, with its number. */
export function DecisionLink({ c }: { c: api.CaseDetail }) {
  const { t } = useTranslation();
  if (!api.DECIDED.includes(c.status)) return null;
  return (
    <Fact label={t('cases.results.decision')}>
      <a href={api.decisionPdfUrl(c.id)} target="_blank" rel="noreferrer">
        {t('cases.results.decisionLink')}
        {c.decisionNo ? ` ${c.decisionNo}` : ''}
      </a>
    </Fact>
  );
}

/** 免提交: what the platform's licences and shared data saved the applicant (recorded on the case). */
function MaterialsSaved({ c }: { c: api.CaseDetail }) {
  const { t } = useTranslation();
  const saved = c.events.find((e) => e.type === 'materials-reused')?.detail?.saved as
    | { materials?: number; visits?: number }
    | undefined;
  if (!saved?.materials) return null;
  return (
    <Fact label={t('cases.results.saved')}>
      {t('cases.results.savedText', { materials: saved.materials, visits: saved.visits ?? 0 })}
    </Fact>
  );
}

const CLOSED: readonly api.CaseStatus[] = ['withdrawn'];

function ApplicantDelivery({ c, onDone }: { c: api.CaseDetail; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const delivery = useDelivery(c.id);
  const item = useItem(c.itemCode);
  const offered = (item.data?.deliveryMethods as api.DeliveryMethod[] | undefined) ?? [...api.DELIVERY_METHODS];
  const d = delivery.data ?? null;
  const canChoose = !CLOSED.includes(c.status) && (!d || d.status === 'pending') && !item.isPending;
  return (
    <div className="tb-case-action">
      <h3>{t('cases.delivery.title')}</h3>
      {d ? (
        <dl className="tb-facts">
          <DeliveryFacts d={d} />
        </dl>
      ) : delivery.isSuccess ? (
        <p>{t('cases.delivery.notChosen')}</p>
      ) : null}
      {canChoose ? (
        <details className="tb-delivery-choice" open={!d}>
          <summary>{d ? t('cases.delivery.change') : t('cases.delivery.choose')}</summary>
          <DeliveryChoiceForm caseId={c.id} offered={offered} current={d} onDone={onDone} />
        </details>
      ) : null}
    </div>
  );
}

/** The applicant's result: decision document, what 免提交 saved, delivery and fees. */
export function CaseResults({ c }: { c: api.CaseDetail }) {
  const { t } = useTranslation();
  const [done, setDone] = useState('');
  return (
    <section className="tb-panel tb-case-section" aria-labelledby="case-results">
      <h2 id="case-results">{t('cases.results.title')}</h2>
      <Announcement>{done}</Announcement>
      <dl className="tb-facts">
        <DecisionLink c={c} />
        <MaterialsSaved c={c} />
      </dl>
      <ApplicantDelivery c={c} onDone={setDone} />
      <div className="tb-case-action">
        <h3>{t('cases.fees.title')}</h3>
        <FeesList caseId={c.id} />
      </div>
    </section>
  );
}
