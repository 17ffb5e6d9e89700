/**
 * 各地区 on a schematic tile map (瓦片地图): each region one tile at a fixed place (Guizhou's
 * prefectures roughly where they lie), coloured by a chosen indicator; no boundary is drawn. The
 * table view and the tooltips name regions in the reader's language, never by code.
 */
import { useQuery } from '@tanstack/react-query';
import type { EChartsOption } from 'echarts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import * as api from './api';
import { ChartCard } from './ChartCard';

const INDICATORS = ['accepted', 'onTimePromisedRate', 'satisfaction', 'fullyOnlineShare'] as const;
type Indicator = (typeof INDICATORS)[number];
const isRate = (k: Indicator) => k !== 'accepted';

function valueOf(cell: api.Cell | undefined, k: Indicator): number | null {
  const v = cell?.[k] ?? null;
  return v === null ? null : isRate(k) ? Math.round(v * 1000) / 10 : v;
}

export function RegionMap({ region, department, from, to }: api.Filters) {
  const { t, i18n } = useTranslation('analytics');
  const en = i18n.resolvedLanguage === 'en';
  const [indicator, setIndicator] = useState<Indicator>('accepted');
  const tiles = useQuery({
    queryKey: ['analytics', 'tiles', region],
    queryFn: ({ signal }) => api.regionTiles(region, signal),
  });
  // The tiles are the subdivisions of the region they name (the province when none is chosen): ask
  // for that region's cells by region, not for the platform's (one cell for the whole province).
  const parent = tiles.data?.region.code;
  const cells = useQuery({
    queryKey: ['analytics', 'region', parent, department, from, to],
    queryFn: ({ signal }) => api.indicators({ region: parent, department, from, to, by: 'region' }, signal),
    enabled: parent !== undefined,
  });
  const failed = [tiles, cells].find((r) => r.isError);
  if (failed) return <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!tiles.data || !cells.data) return null;
  const byCode = new Map(cells.data.cells.map((c) => [c.key, c]));
  const shown = tiles.data.tiles;
  const label = (tile: (typeof shown)[number]) => (en ? tile.nameEn : tile.name);
  const unit = isRate(indicator) ? '%' : '';
  const values = shown.map((tile) => valueOf(byCode.get(tile.code), indicator));
  const width = Math.max(1, ...shown.map((s) => s.x + 1));
  const height = Math.max(1, ...shown.map((s) => s.y + 1));
  const shownValue = (v: number | null, code: string) =>
    v !== null ? `${v}${unit}` : byCode.get(code)?.suppressed ? t('withheld') : t('noData');
  const option: EChartsOption = {
    tooltip: {
      formatter: (x: unknown) => {
        const i = (x as { dataIndex: number }).dataIndex;
        return `${label(shown[i]!)}: ${shownValue(values[i] ?? null, shown[i]!.code)}`;
      },
    },
    grid: { left: 4, right: 4, top: 4, bottom: 44 },
    xAxis: { type: 'category', data: [...Array(width).keys()].map(String), show: false },
    yAxis: { type: 'category', data: [...Array(height).keys()].map(String), show: false, inverse: true },
    visualMap: {
      min: 0,
      max: Math.max(1, ...values.map((v) => v ?? 0)),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#e6f4ff', '#4096ff', '#003eb3'] },
      outOfRange: { color: '#f0f0f0' },
    },
    series: [
      {
        type: 'heatmap',
        itemStyle: { borderColor: '#fff', borderWidth: 3 },
        label: {
          show: true,
          fontSize: 10,
          width: 76,
          overflow: 'truncate',
          formatter: (x: { dataIndex?: number }) => {
            const tile = shown[x.dataIndex ?? 0]!;
            return `${en ? tile.shortEn : tile.short}\n${shownValue(values[x.dataIndex ?? 0] ?? null, tile.code)}`;
          },
        },
        data: shown.map((tile, i) => [tile.x, tile.y, values[i] ?? -1]),
      },
    ],
  };
  const name = en ? tiles.data.region.nameEn : tiles.data.region.name;
  return (
    <section className="tb-an-map" aria-labelledby="an-map">
      <h2 id="an-map">{t('mapSection', { region: name })}</h2>
      <label className="tb-an-filters">
        {t('mapIndicator')}{' '}
        <select value={indicator} onChange={(e) => setIndicator(e.target.value as Indicator)}>
          {INDICATORS.map((k) => (
            <option key={k} value={k}>
              {t(k)}
            </option>
          ))}
        </select>
      </label>
      <ChartCard
        title={t('mapTitle', { indicator: t(indicator) })}
        file="regions.csv"
        height={Math.max(260, 90 * height + 50)}
        option={option}
        table={{
          header: [t('region'), `${t(indicator)}${unit ? ` (${unit})` : ''}`],
          rows: shown.map((tile, i) => [
            label(tile),
            values[i] ?? (byCode.get(tile.code)?.suppressed ? null : t('noData')),
          ]),
        }}
      />
      <p className="tb-an-note">{t('mapNote')}</p>
    </section>
  );
}
