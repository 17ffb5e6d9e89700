/** A clock's open 黄牌/红牌: who has seen it and when, and the reader's own "seen" mark (recorded once). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import * as api from './api';

export function SeenMarker({ clock }: { clock: api.ClockRow }) {
  const { t, i18n } = useTranslation('supervision');
  const queryClient = useQueryClient();
  const warning = clock.warning;
  const seen = useMutation({
    mutationFn: (id: string) => api.markSeen(id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['supervision', 'clocks'] }),
  });
  if (!warning) return <>—</>;
  const readers = warning.seen.map((s) => `${s.name} ${dateTime(s.at, i18n.resolvedLanguage === 'en')}`).join('；');
  return (
    <div className="tb-sv-seen">
      {warning.seen.length > 0 ? (
        <span title={readers}>{t('seenBy', { count: warning.seen.length, names: readers })}</span>
      ) : (
        <span>{t('unseen')}</span>
      )}
      {warning.seenByMe ? null : (
        <Button size="small" loading={seen.isPending} autoInsertSpace={false} onClick={() => seen.mutate(warning.id)}>
          {t('markSeen')}
          <span className="sr-only"> {clock.reference}</span>
        </Button>
      )}
      {seen.isError ? <ProblemAlert error={seen.error} /> : null}
    </div>
  );
}
