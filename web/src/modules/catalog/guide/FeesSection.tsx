import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Fee } from '../../../../../contracts/catalog';
import { Badge } from '../../../ui/Badge';

/** 收费标准: 免费 when the guide lists no fee. */
export function FeesSection({ fees }: { fees: Fee[] }) {
  const { t } = useTranslation();
  if (fees.length === 0) {
    return (
      <Badge tone="green" icon={<CheckCircleOutlined />}>
        {t('guide.fees.free')}
      </Badge>
    );
  }
  return (
    <ul className="tb-fee-list">
      {fees.map((fee, i) => (
        <li key={`${i}-${fee.name}`}>
          <h3>{fee.name}</h3>
          <dl className="tb-facts">
            <div>
              <dt>{t('guide.fees.standard')}</dt>
              <dd>{fee.standard}</dd>
            </div>
            {fee.basis ? (
              <div>
                <dt>{t('guide.fees.basis')}</dt>
                <dd>{fee.basis}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('guide.fees.waivable')}</dt>
              <dd>{fee.waivable ? t('guide.fees.waivableYes') : t('guide.fees.waivableNo')}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
