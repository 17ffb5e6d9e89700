import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 在线办理 is shown but disabled until the application wizard exists; the reason is written out,
 * not only in a tooltip, because a disabled button cannot take keyboard focus.
 */
export function GuideActions() {
  const { t } = useTranslation();
  return (
    <div className="tb-guide-actions no-print">
      <div className="tb-guide-actions__buttons">
        <Tooltip title={t('guide.applySoon')}>
          <Button type="primary" size="large" icon={<EditOutlined />} disabled aria-describedby="apply-soon">
            {t('guide.applyOnline')}
          </Button>
        </Tooltip>
        <Button size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('guide.print')}
        </Button>
      </div>
      <p id="apply-soon" className="tb-guide-actions__note">
        {t('guide.applySoonDetail')}
      </p>
    </div>
  );
}
