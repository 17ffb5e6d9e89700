import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rateAnswer, type AskAnswer, type GuideSection, type NextAction } from './api';

/** Where in the guide page each section of an answer is. */
const ANCHORS: Record<GuideSection, string> = {
  materials: 'materials',
  conditions: 'conditions',
  placeTime: 'venue',
  timeLimit: 'basic',
  fees: 'fees',
  process: 'process',
  online: 'basic',
  visits: 'basic',
  result: 'result',
  phone: 'contact',
  provinceWide: 'basic',
  summary: 'basic',
};

function Action({ action }: { action: NextAction }) {
  const { t } = useTranslation('assistant');
  if (action.kind === 'hotline') {
    return (
      <a className="tb-assistant__action" href={`tel:${action.phone}`}>
        {t('actions.hotline', { phone: action.phone })}
      </a>
    );
  }
  return (
    <Link className="tb-assistant__action" to={action.href ?? '/'}>
      {t(`actions.${action.kind}`)}
    </Link>
  );
}

/** One answer as a card: the lead, the facts listed, the guide section it came from, what to do next. */
export function AnswerCard({ answer, onChoose }: { answer: AskAnswer; onChoose: (name: string) => void }) {
  const { t } = useTranslation('assistant');
  const [rated, setRated] = useState(false);
  const rate = (helpful: boolean) => {
    setRated(true);
    rateAnswer({ conversationId: answer.conversationId, answerId: answer.answerId, helpful }).catch(() =>
      setRated(false),
    );
  };
  return (
    <article className="tb-assistant__card" aria-label={t('assistant')}>
      <p className="tb-assistant__lead">{answer.answer}</p>
      {answer.lines.length ? (
        <ul className="tb-assistant__lines">
          {answer.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {answer.choices?.length ? (
        <div className="tb-assistant__choices" role="group" aria-label={t('choose')}>
          {answer.choices.map((c) => (
            <Button key={c.code} onClick={() => onChoose(c.name)}>
              {c.name}
            </Button>
          ))}
        </div>
      ) : null}
      {answer.item && answer.sources.length ? (
        <p className="tb-assistant__source">
          {t('source')}
          {'：'}
          {answer.sources.map((s) => (
            <Link key={s.section} to={`/items/${s.itemCode}#${ANCHORS[s.section]}`}>
              {t('guideOf', { name: answer.item!.name, section: t(`sections.${s.section}`) })}
            </Link>
          ))}
        </p>
      ) : null}
      {answer.rephrased ? <p className="tb-assistant__note">{t('rephrased')}</p> : null}
      {answer.actions.length ? (
        <div className="tb-assistant__actions">
          {answer.actions.map((a) => (
            <Action key={a.kind} action={a} />
          ))}
        </div>
      ) : null}
      <div className="tb-assistant__rate">
        {rated ? (
          <span>{t('thanks')}</span>
        ) : (
          <>
            <Button size="small" type="text" icon={<LikeOutlined />} onClick={() => rate(true)}>
              {t('helpful')}
            </Button>
            <Button size="small" type="text" icon={<DislikeOutlined />} onClick={() => rate(false)}>
              {t('unhelpful')}
            </Button>
          </>
        )}
      </div>
    </article>
  );
}
