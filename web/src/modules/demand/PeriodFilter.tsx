/** From–to dates kept in the address (so a view can be shared). */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export function PeriodFilter({ from, to }: { from?: string; to?: string }) {
  const { t } = useTranslation('demand');
  const [, setParams] = useSearchParams();
  return (
    <form
      className="tb-dm-filters"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const next = new URLSearchParams();
        for (const k of ['from', 'to']) if (f.get(k)) next.set(k, String(f.get(k)));
        setParams(next);
      }}
    >
      <label>
        {t('from')} <input type="date" name="from" defaultValue={from} />
      </label>
      <label>
        {t('to')} <input type="date" name="to" defaultValue={to} />
      </label>
      <button type="submit">{t('apply')}</button>
    </form>
  );
}
