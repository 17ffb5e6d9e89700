import { useTranslation } from 'react-i18next';
import type { ServiceHit } from '../../../../../contracts/search';
import { Badge } from '../../../ui/Badge';
import { ItemHitCard } from './ItemHitCard';

/** One service (基本编码) as found: the implementation serving the person's region, and how it serves it. */
export function ServiceCard({ hit, regionName }: { hit: ServiceHit; regionName?: string }) {
  const { t, i18n } = useTranslation('serviceSearch');
  const english = i18n.resolvedLanguage === 'en' && hit.nameEn;
  const where =
    hit.availability === 'provinceWide' ? (
      <Badge tone="orange">{t('provinceWide', { region: regionName ?? '' })}</Badge>
    ) : hit.availability === 'unscoped' && hit.implementations > 1 ? (
      <Badge tone="gray">{t('places', { count: hit.implementations })}</Badge>
    ) : null;
  return <ItemHitCard item={english ? { ...hit, name: hit.nameEn } : hit} extra={where} />;
}
