/**
 * 预警阈值 per item type: read-only for supervisors and heads, editable by system administrators
 * (the server decides who may change them and validates every value).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../../contracts/display-names';
import { PageLoading } from '../../ui/PageLoading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import * as api from './api';

type Edit = Record<string, { yellowDays: number; yellowShare: number }>;

export function Thresholds({ announce }: { announce: (m: string) => void }) {
  const { t, i18n } = useTranslation('supervision');
  const en = i18n.resolvedLanguage === 'en';
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['supervision', 'thresholds'], queryFn: ({ signal }) => api.thresholds(signal) });
  const [edit, setEdit] = useState<Edit>({});
  const save = useMutation({
    mutationFn: () =>
      api.saveThresholds({
        thresholds: Object.entries(edit).map(([itemType, v]) => ({ itemType: itemType as '*', ...v })),
      }),
    onSuccess: (r) => {
      setEdit({});
      announce(t('thresholdsSaved', { n: r.clocksUpdated }));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
  const typeName = (code: string) => (code === '*' ? t('allTypes') : displayName('itemType', code, en ? 'en' : 'zh'));
  const change = (row: api.ThresholdRow, patch: Partial<Edit[string]>) =>
    setEdit((e) => ({
      ...e,
      [row.itemType]: { yellowDays: row.yellowDays, yellowShare: row.yellowShare, ...e[row.itemType], ...patch },
    }));
  return (
    <section id="thresholds" aria-labelledby="sv-thresholds" className="tb-sv-section">
      <h2 id="sv-thresholds">{t('thresholds')}</h2>
      <p>{t('thresholdsLead')}</p>
      {list.isPending ? (
        <PageLoading rows={2} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {save.isError ? <ProblemAlert error={save.error} /> : null}
          <div className="tb-sv-table-wrap">
            <table className="tb-sv-table" aria-label={t('thresholds')}>
              <thead>
                <tr>
                  <th scope="col">{t('itemType')}</th>
                  <th scope="col">{t('yellowDays')}</th>
                  <th scope="col">{t('yellowShare')}</th>
                  <th scope="col">{t('thresholdSource')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.thresholds.map((row) => {
                  const v = edit[row.itemType] ?? row;
                  return (
                    <tr key={row.itemType}>
                      <td>{typeName(row.itemType)}</td>
                      <td>
                        {list.data.editable ? (
                          <InputNumber
                            aria-label={`${typeName(row.itemType)} ${t('yellowDays')}`}
                            min={0}
                            max={10}
                            precision={0}
                            value={v.yellowDays}
                            onChange={(n) => change(row, { yellowDays: Number(n ?? 0) })}
                          />
                        ) : (
                          t('daysValue', { n: v.yellowDays })
                        )}
                      </td>
                      <td>
                        {list.data.editable ? (
                          <InputNumber
                            aria-label={`${typeName(row.itemType)} ${t('yellowShare')}`}
                            min={0}
                            max={50}
                            precision={0}
                            value={Math.round(v.yellowShare * 100)}
                            onChange={(n) => change(row, { yellowShare: Number(n ?? 0) / 100 })}
                            suffix="%"
                          />
                        ) : (
                          `${Math.round(v.yellowShare * 100)}%`
                        )}
                      </td>
                      <td>{row.own ? t('ownThreshold') : t('inherited')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {list.data.editable ? (
            <Button
              type="primary"
              disabled={Object.keys(edit).length === 0}
              loading={save.isPending}
              autoInsertSpace={false}
              onClick={() => save.mutate()}
            >
              {t('saveThresholds')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
