import { PhoneOutlined, SoundOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { CallbackForm } from './CallbackForm';
import { canSpeak, mainText, speak, stopSpeaking } from './readAloud';

/**
 * 长者助手, under the header in 长者模式 and on the kiosk: 朗读本页 reads the page's main text aloud
 * (the browser's speech synthesis), 请给我回电 asks the 12345 hotline to call. Large buttons; the
 * callback form takes the screen's attention alone until it is sent or closed.
 */
export function ElderAssist() {
  const { t, i18n } = useTranslation('mobile');
  const { pathname } = useLocation();
  const [speaking, setSpeaking] = useState(false);
  const [calling, setCalling] = useState(false);
  const [notice, setNotice] = useState('');
  // A new page: stop reading the old one, and close the form.
  useEffect(() => {
    stopSpeaking();
    setSpeaking(false);
    setCalling(false);
    setNotice('');
  }, [pathname]);
  useEffect(() => stopSpeaking, []);

  const read = () => {
    if (speaking) {
      stopSpeaking();
      setSpeaking(false);
      return;
    }
    if (!canSpeak()) {
      setNotice(t('elder.noSpeech'));
      return;
    }
    setSpeaking(true);
    speak(mainText(), i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN', () => setSpeaking(false));
  };

  return (
    <section className="tb-assist no-print" aria-label={t('elder.tools')}>
      <div className="tb-container tb-assist__inner">
        <button type="button" className="tb-big-button" aria-pressed={speaking} onClick={read}>
          {speaking ? <PauseCircleOutlined aria-hidden="true" /> : <SoundOutlined aria-hidden="true" />}
          {speaking ? t('elder.stopReading') : t('elder.readAloud')}
        </button>
        <button
          type="button"
          className="tb-big-button tb-big-button--secondary"
          aria-expanded={calling}
          onClick={() => setCalling((c) => !c)}
        >
          <PhoneOutlined aria-hidden="true" />
          {t('elder.callMe')}
        </button>
      </div>
      {notice ? (
        <p className="tb-container" role="status">
          {notice}
        </p>
      ) : null}
      {calling ? (
        <div className="tb-container">
          <CallbackForm onClose={() => setCalling(false)} />
        </div>
      ) : null}
    </section>
  );
}
