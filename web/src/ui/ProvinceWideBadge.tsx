import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Badge } from './Badge';

/** 全省通办: can be handled at any service centre in the province. */
export function ProvinceWideBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="red" icon={<GlobalOutlined />}>
      {t('item.provinceWide')}
    </Badge>
  );
}
