import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../queries';
import { useNameIn } from '../../../ui/useNameIn';

/**
 * 省 → 市 → 县 as three labelled native selects: the phone's own picker, full keyboard and
 * screen-reader support, and no select library on the first page. Choosing "全部…" at a level
 * goes back up to the level above.
 */
export function RegionSelector({
  value,
  onChange,
  compact = false,
  legend,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  compact?: boolean;
  legend?: string;
}) {
  const { t } = useTranslation();
  const nameIn = useNameIn();
  const id = useId();
  const province = value && value.length >= 2 ? value.slice(0, 2) : undefined;
  const city = value && value.length >= 4 ? value.slice(0, 4) : undefined;
  const county = value && value.length >= 6 ? value.slice(0, 6) : undefined;
  const provinces = useRegions(undefined);
  const cities = useRegions(province, Boolean(province));
  const counties = useRegions(city, Boolean(city));
  const failed = provinces.isError || cities.isError || counties.isError;

  const levels = [
    {
      key: 'province',
      label: t('region.province'),
      all: t('region.allProvinces'),
      value: province,
      query: provinces,
      parent: undefined,
      enabled: true,
    },
    {
      key: 'city',
      label: t('region.city'),
      all: t('region.allCities'),
      value: city,
      query: cities,
      parent: province,
      enabled: Boolean(province),
    },
    {
      key: 'county',
      label: t('region.county'),
      all: t('region.allCounties'),
      value: county,
      query: counties,
      parent: city,
      enabled: Boolean(city),
    },
  ] as const;

  return (
    <fieldset className={compact ? 'tb-region tb-region--compact' : 'tb-region'}>
      <legend className="tb-region__legend">{legend ?? t('region.legend')}</legend>
      <div className="tb-region__selects">
        {levels.map((level) => {
          // A level not yet open lists nothing (its query, disabled, would show the provinces' answer).
          const options = level.enabled ? (level.query.data ?? []) : [];
          // Keep the chosen code selectable while its level is still loading (deep links).
          const missing = level.value && !options.some((r) => r.code === level.value);
          return (
            <div key={level.key} className="tb-region__field">
              <label htmlFor={`${id}-${level.key}`} className="sr-only">
                {level.label}
              </label>
              <select
                id={`${id}-${level.key}`}
                className="tb-select"
                value={level.value ?? ''}
                disabled={!level.enabled}
                aria-busy={level.enabled && level.query.isLoading}
                onChange={(e) => onChange(e.target.value || level.parent)}
              >
                <option value="">{level.all}</option>
                {missing ? <option value={level.value}>{level.value}</option> : null}
                {options.map((r) => (
                  <option key={r.code} value={r.code}>
                    {nameIn(r)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {failed ? (
        <p className="tb-region__error" role="alert">
          {t('region.loadFailed')}
        </p>
      ) : null}
    </fieldset>
  );
}
