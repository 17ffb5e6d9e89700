import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Item } from '../../../../../contracts/catalog';
import { canApplyOnline } from './onlineApply';

/**
 * 立即申请 leads to the application wizard (which sends signed-out visitors to sign in first).
 * Items that take no online applications say so in words: a disabled button cannot take focus.
 */
export function GuideActions({ item }: { item: Item }) {
  const { t } = useTranslation();
  const online = canApplyOnline(item);
  return (
    <div className="tb-guide-actions no-print">
      <div className="tb-guide-actions__buttons">
        {online ? (
          <Link className="tb-button-link tb-button-link--large" to={`/items/${encodeURIComponent(item.code)}/apply`}>
            <EditOutlined aria-hidden="true" /> {t('guide.applyNow')}
          </Link>
        ) : (
          <Button type="primary" size="large" icon={<EditOutlined />} disabled aria-describedby="apply-offline">
            {t('guide.applyOnline')}
          </Button>
        )}
        <Button size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('guide.print')}
        </Button>
      </div>
      <p id="apply-offline" className="tb-guide-actions__note">
        {online ? t('guide.applyNowDetail') : t('guide.applyOfflineDetail')}
      </p>
    </div>
  );
}
