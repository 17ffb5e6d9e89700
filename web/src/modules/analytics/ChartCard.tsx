/** A chart with its table view and CSV download: every figure readable without the picture. */
import ReactECharts from 'echarts-for-react';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from './api';
import './analytics.css';

export interface TableData {
  header: string[];
  rows: (string | number | null)[][];
}

export function ChartCard({
  title,
  option,
  table,
  file,
  height = 300,
}: {
  height?: number;
  title: string;
  option: EChartsOption;
  table: TableData;
  file: string;
}) {
  const { t } = useTranslation('analytics');
  return (
    <figure className="tb-an-chart">
      <figcaption>{title}</figcaption>
      {table.rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ReactECharts style={{ height }} option={{ animation: false, ...option }} aria-hidden="true" />
      )}
      <details>
        <summary>{t('table')}</summary>
        <div className="tb-an-table-wrap">
          <table className="tb-an-table">
            <thead>
              <tr>
                {table.header.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, n) => (
                <tr key={n}>
                  {r.map((v, i) =>
                    i === 0 ? (
                      <th scope="row" key={i}>
                        {v}
                      </th>
                    ) : (
                      <td key={i}>{v ?? t('withheld')}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" className="tb-an-csv" onClick={() => downloadCsv(file, table.header, table.rows)}>
          {t('csv')}
        </button>
      </details>
    </figure>
  );
}
