import type { TFunction } from 'i18next';
import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnglish } from '../../../ui/useEnglish';
import { shortDate } from '../../../ui/format';

export interface NoticeFacts {
  applicantName: string;
  itemName: string;
  trackingCode: string;
  submittedAt: string;
  items: string[];
  note: string;
  issuedOn: string;
}

/** 一次性告知书 as plain text: what the clerk prints or reads out, the same words everywhere. */
export function noticeText(t: TFunction, en: boolean, n: NoticeFacts): string {
  const lines = [
    t('cases.workbench.noticeBody', {
      applicant: n.applicantName,
      date: shortDate(n.submittedAt, en),
      item: n.itemName,
      code: n.trackingCode,
      interpolation: { escapeValue: false },
    }),
    ...n.items.map((item, i) => `${i + 1}. ${item}`),
    ...(n.note ? [t('cases.workbench.noticeNote', { note: n.note, interpolation: { escapeValue: false } })] : []),
    t('cases.workbench.noticeFoot'),
    '',
    t('cases.workbench.noticeIssuer', { date: shortDate(n.issuedOn, en) }),
  ];
  return lines.join('\n');
}

function printNotice() {
  document.body.classList.add('tb-printing-notice');
  const done = () => {
    document.body.classList.remove('tb-printing-notice');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** The notice as the clerk sees and prints it. */
export function OneTimeNotice({ facts, id }: { facts: NoticeFacts; id?: string }) {
  const { t } = useTranslation();
  const en = useEnglish();
  return (
    <figure className="tb-notice" aria-labelledby={id}>
      <figcaption id={id} className="tb-notice__caption">
        {t('cases.workbench.noticeTitle')}
      </figcaption>
      <pre className="tb-notice__text" data-testid="one-time-notice">
        {noticeText(t, en, facts)}
      </pre>
      <Button
        autoInsertSpace={false}
        icon={<PrinterOutlined aria-hidden="true" />}
        onClick={printNotice}
        className="tb-notice__print"
      >
        {t('cases.workbench.print')}
      </Button>
    </figure>
  );
}
