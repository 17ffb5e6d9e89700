import { CheckCircleOutlined, EnvironmentOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Badge } from './Badge';

/** 到办事现场次数: 零跑腿 / 最多跑一次 / 跑 n 次. */
export function VisitsBadge({ visits }: { visits: number }) {
  const { t } = useTranslation();
  if (visits <= 0)
    return (
      <Badge tone="green" icon={<CheckCircleOutlined />}>
        {t('item.visitsZero')}
      </Badge>
    );
  if (visits === 1)
    return (
      <Badge tone="blue" icon={<EnvironmentOutlined />}>
        {t('item.visitsOnce')}
      </Badge>
    );
  return (
    <Badge tone="orange" icon={<SwapOutlined />}>
      {t('item.visitsMany', { count: visits })}
    </Badge>
  );
}
