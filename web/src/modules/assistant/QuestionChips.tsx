import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { askFromPage, QUICK_QUESTIONS } from './ask-event';
import './assistant.css';

/** Quick questions about one item (on its guide page): each opens the assistant and asks. */
export function QuestionChips({ itemName }: { itemName: string }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="tb-assistant__chips" role="group" aria-label={t('quick')}>
      <span>{t('quick')}：</span>
      {(Object.keys(QUICK_QUESTIONS) as (keyof typeof QUICK_QUESTIONS)[]).map((key) => (
        <Button key={key} size="small" shape="round" onClick={() => askFromPage(`${itemName}${QUICK_QUESTIONS[key]}`)}>
          {t(`quickQuestions.${key}`)}
        </Button>
      ))}
    </div>
  );
}
