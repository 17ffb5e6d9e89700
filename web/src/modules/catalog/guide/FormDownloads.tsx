import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The blank form or the filled-in sample of an item, as a PDF to download. */
const formPdfUrl = (itemCode: string, kind: 'blank' | 'sample') =>
  `/api/catalog/items/${encodeURIComponent(itemCode)}/forms/${kind}.pdf`;

/** 空白表格 / 示例样表 of an item's application form, for the guide. */
export function FormDownloads({ itemCode }: { itemCode: string }) {
  const { t } = useTranslation('forms');
  return (
    <div className="tb-form-downloads">
      <strong>{t('downloads.title')}</strong>{' '}
      <a href={formPdfUrl(itemCode, 'blank')} download>
        <FilePdfOutlined /> {t('downloads.blank')}
      </a>{' '}
      <a href={formPdfUrl(itemCode, 'sample')} download>
        <FilePdfOutlined /> {t('downloads.sample')}
      </a>
      <p className="tb-muted tb-small">{t('downloads.help')}</p>
    </div>
  );
}
