import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Fact } from '../../ui/Fact';
import type { Delivery, DeliveryStatus } from './api';
import { useEnglish } from '../../ui/useEnglish';
import { dateTime } from '../../ui/format';

const DELIVERY_TONE: Record<DeliveryStatus, BadgeTone> = {
  pending: 'orange',
  dispatched: 'blue',
  delivered: 'green',
  collected: 'green',
};

/** How the result travels and where it is, as rows of a `<dl>` (staff get recipient and address masked). */
export function DeliveryFacts({ d }: { d: Delivery }) {
  const { t } = useTranslation();
  const en = useEnglish();
  return (
    <>
      <Fact label={t('cases.delivery.method')}>{t(`guide.delivery.${d.method}`)}</Fact>
      <Fact label={t('cases.delivery.status')}>
        <Badge tone={DELIVERY_TONE[d.status]}>{t(`cases.delivery.states.${d.status}`)}</Badge>
      </Fact>
      {d.method === 'post' ? (
        <>
          <Fact label={t('cases.delivery.recipient')}>
            {d.recipient} <span className="tb-code">{d.phone}</span>
          </Fact>
          <Fact label={t('cases.delivery.address')}>
            <span data-testid="delivery-address">{d.address}</span>
          </Fact>
        </>
      ) : null}
      {d.trackingNumber ? (
        <Fact label={t('cases.delivery.tracking')}>
          {d.carrier} <span className="tb-code">{d.trackingNumber}</span>
        </Fact>
      ) : null}
      {d.dispatchedAt ? <Fact label={t('cases.delivery.dispatchedAt')}>{dateTime(d.dispatchedAt, en)}</Fact> : null}
      {d.completedAt ? <Fact label={t('cases.delivery.completedAt')}>{dateTime(d.completedAt, en)}</Fact> : null}
    </>
  );
}
