import { useTranslation } from 'react-i18next';
import { useRegions } from '../queries';

/** Division codes have 2, 4, 6, 9 or 12 digits; a region's parent is its code one level up. */
const PARENT_LENGTH: Record<number, number> = { 4: 2, 6: 4, 9: 6, 12: 9 };

/** A region by its name (贵阳市 for 5201), read from the catalogue; a code it does not know shows a generic word. */
export function RegionName({ code }: { code: string | null | undefined }) {
  const { t } = useTranslation();
  const length = code?.length ?? 0;
  const parent = length === 2 ? undefined : PARENT_LENGTH[length] ? code!.slice(0, PARENT_LENGTH[length]) : undefined;
  const known = Boolean(code) && (length === 2 || parent !== undefined);
  const regions = useRegions(parent, known);
  if (!known) return <>{t('app.unknownRegion')}</>;
  if (regions.isPending) return <span className="tb-muted">{t('app.loading')}</span>;
  return <>{regions.data?.find((r) => r.code === code)?.name ?? t('app.unknownRegion')}</>;
}
