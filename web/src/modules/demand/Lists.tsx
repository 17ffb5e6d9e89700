/** The tables of 需求分析: a query list, and the one-click synonym for a zero-result query. */
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandQueryRow } from '../../../../contracts/analytics-demand';
import { ProblemAlert } from '../../ui/ProblemAlert';
import * as api from './api';

type Value = string | number | null;

/** A titled table; a null figure reads 不予公布 (withheld). */
export function ListTable({
  title,
  header,
  rows,
  extra,
}: {
  title: string;
  header: string[];
  rows: { key: string; cells: Value[] }[];
  extra?: (key: string) => ReactNode;
}) {
  const { t } = useTranslation('demand');
  return (
    <section className="tb-dm-list" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="tb-dm-table-wrap">
          <table className="tb-dm-table">
            <thead>
              <tr>
                {header.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
                {extra ? <th scope="col" aria-label={t('makeSynonym')} /> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((v, i) =>
                    i === 0 ? (
                      <th scope="row" key={i}>
                        {v}
                      </th>
                    ) : (
                      <td key={i}>{v ?? t('withheld')}</td>
                    ),
                  )}
                  {extra ? <td>{extra(r.key)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const queryRows = (list: DemandQueryRow[], ...figures: ('searches' | 'people' | 'count')[]) =>
  list.map((r) => ({ key: r.query, cells: [r.query, ...figures.map((f) => r[f])] }));

/** 设为同义词: the query answered by the standard terms typed, at once for every later search. */
export function SynonymButton({ query }: { query: string }) {
  const { t } = useTranslation('demand');
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const save = useMutation({
    mutationFn: (expansions: string[]) => api.setSynonym(query, expansions),
  });
  if (save.isSuccess)
    return <span role="status">{t('synonymSaved', { query, to: save.data.expansions.join('、') })}</span>;
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('makeSynonym')}
      </button>
    );
  return (
    <form
      className="tb-dm-synonym"
      onSubmit={(e) => {
        e.preventDefault();
        const expansions = to
          .split(/[,，、]/)
          .map((w) => w.trim())
          .filter(Boolean);
        if (expansions.length > 0) save.mutate(expansions);
      }}
    >
      <label>
        {t('synonymFor', { query })}{' '}
        <input value={to} onChange={(e) => setTo(e.target.value)} placeholder={t('synonymHint')} required />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('save')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
    </form>
  );
}
