/** ECharts of the console: yellow and red cards by department, and the warnings raised per day. */
import ReactECharts from 'echarts-for-react';
import { useTranslation } from 'react-i18next';
import type { OverviewData } from './api';

const RED = '#c0392b';
const YELLOW = '#d4a017';

export function DepartmentChart({ data }: { data: OverviewData['byDepartment'] }) {
  const { t } = useTranslation('supervision');
  return (
    <figure className="tb-sv-chart">
      <figcaption>{t('byDepartment')}</figcaption>
      <ReactECharts
        style={{ height: 280 }}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0, data: [t('chartRed'), t('chartYellow')] },
          grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: data.map((d) => d.name), inverse: true },
          series: [
            { name: t('chartRed'), type: 'bar', stack: 'all', color: RED, data: data.map((d) => d.red) },
            { name: t('chartYellow'), type: 'bar', stack: 'all', color: YELLOW, data: data.map((d) => d.yellow) },
          ],
        }}
      />
    </figure>
  );
}

export function TrendChart({ data }: { data: OverviewData['trend'] }) {
  const { t } = useTranslation('supervision');
  return (
    <figure className="tb-sv-chart">
      <figcaption>{t('trend')}</figcaption>
      <ReactECharts
        style={{ height: 280 }}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0, data: [t('chartRed'), t('chartYellow')] },
          grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
          xAxis: { type: 'category', data: data.map((d) => d.day.slice(5)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: t('chartRed'), type: 'line', color: RED, data: data.map((d) => d.red) },
            { name: t('chartYellow'), type: 'line', color: YELLOW, data: data.map((d) => d.yellow) },
          ],
        }}
      />
    </figure>
  );
}
