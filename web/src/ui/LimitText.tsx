import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * A time limit in working days: "承诺 N 个工作日", or 即办 when 0. `variant="plain"` gives just
 * "N 个工作日" for tables whose header already says which limit it is.
 */
export function LimitText({
  days,
  variant = 'promised',
  icon = false,
}: {
  days: number;
  variant?: 'promised' | 'plain';
  icon?: boolean;
}) {
  const { t } = useTranslation();
  const text =
    days <= 0
      ? variant === 'plain'
        ? t('item.instantLong')
        : t('item.instant')
      : variant === 'plain'
        ? t('item.workingDays', { count: days })
        : t('item.promised', { count: days });
  return (
    <span className="tb-limit">
      {icon ? <ClockCircleOutlined aria-hidden="true" /> : null}
      {icon ? ' ' : null}
      {text}
    </span>
  );
}
