import { AudioOutlined, CloseOutlined, CustomerServiceOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../app/http';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { AnswerCard } from './AnswerCard';
import { askAssistant, type AskAnswer } from './api';
import { onAskFromPage } from './ask-event';
import { useSpeech } from './useSpeech';
import './assistant.css';

type Message = { id: number; question: string; answer?: AskAnswer };

/** 智能客服: a button on every portal page opening a chat panel (full screen on a phone). */
export default function AssistantPanel() {
  const { t } = useTranslation('assistant');
  const [open, setOpen] = useState(false);
  const [messages, setMessages] = useState<Message[]>([]);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const conversation = useRef<string | undefined>(undefined);
  const counter = useRef(0);
  const end = useRef<HTMLDivElement>(null);

  const ask = useCallback(async (question: string) => {
    const text = question.trim();
    if (!text) return;
    const id = ++counter.current;
    setMessages((m) => [...m, { id, question: text }]);
    setDraft('');
    setBusy(true);
    setError(null);
    try {
      let answer: AskAnswer;
      try {
        answer = await askAssistant({ question: text, conversationId: conversation.current });
      } catch (e) {
        // The conversation expired: start a new one with the same question.
        if (!(e instanceof ProblemError) || e.problem.code !== 'ASSISTANT.CONVERSATION_NOT_FOUND') throw e;
        answer = await askAssistant({ question: text });
      }
      conversation.current = answer.conversationId;
      setMessages((m) => m.map((x) => (x.id === id ? { ...x, answer } : x)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(
    () =>
      onAskFromPage((question) => {
        setOpen(true);
        void ask(question);
      }),
    [ask],
  );
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages, busy]);
  const speech = useSpeech(setDraft);

  if (!open) {
    return (
      <Button
        className="tb-assistant__open"
        type="primary"
        shape="round"
        size="large"
        icon={<CustomerServiceOutlined />}
        onClick={() => setOpen(true)}
      >
        {t('open')}
      </Button>
    );
  }
  return (
    <section className="tb-assistant" role="dialog" aria-label={t('title')}>
      <header className="tb-assistant__header">
        <h2>{t('title')}</h2>
        <Button type="text" icon={<CloseOutlined />} aria-label={t('close')} onClick={() => setOpen(false)} />
      </header>
      <div className="tb-assistant__log" aria-live="polite">
        <p className="tb-assistant__welcome">{t('welcome')}</p>
        {messages.map((m) => (
          <div key={m.id} className="tb-assistant__turn">
            <p className="tb-assistant__question">
              <span className="sr-only">{t('you')}：</span>
              {m.question}
            </p>
            {m.answer ? <AnswerCard answer={m.answer} onChoose={(name) => void ask(name)} /> : null}
          </div>
        ))}
        {busy ? <p className="tb-assistant__thinking">{t('thinking')}</p> : null}
        {error ? <ProblemAlert error={error} /> : null}
        <div ref={end} />
      </div>
      <form
        className="tb-assistant__form"
        onSubmit={(e) => {
          e.preventDefault();
          void ask(draft);
        }}
      >
        <Input
          value={draft}
          maxLength={200}
          placeholder={speech.listening ? t('listening') : t('placeholder')}
          aria-label={t('placeholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        {speech.supported ? (
          <Button
            icon={<AudioOutlined />}
            aria-label={t('voice')}
            aria-pressed={speech.listening}
            onClick={speech.listening ? speech.stop : speech.start}
          />
        ) : null}
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} disabled={busy || !draft.trim()}>
          {t('send')}
        </Button>
      </form>
    </section>
  );
}
