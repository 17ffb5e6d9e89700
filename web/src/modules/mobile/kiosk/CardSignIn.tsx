import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { usePasswordSignIn } from '../../identity';
import { cardReaderFor, isSimulator, type IdCard } from './cardReader';
import type { KioskConfig } from './mode';

/** 王秀英 → 王**: the hall can see the screen. */
const maskName = (name: string) => {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
};

function Simulator({ onPresent }: { onPresent: (card: IdCard) => void }) {
  const { t } = useTranslation('mobile');
  const id = useId();
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  return (
    <fieldset className="tb-kiosk-simulator">
      <legend>{t('kiosk.simulator')}</legend>
      <label htmlFor={`${id}-id`}>{t('kiosk.simulatorId')}</label>
      <input
        id={`${id}-id`}
        className="tb-input"
        autoComplete="off"
        value={idNumber}
        onChange={(e) => setIdNumber(e.target.value)}
      />
      <label htmlFor={`${id}-name`}>{t('kiosk.simulatorName')}</label>
      <input
        id={`${id}-name`}
        className="tb-input"
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        type="button"
        className="tb-big-button tb-big-button--secondary"
        onClick={() => onPresent({ idNumber: idNumber.trim(), name: name.trim() })}
      >
        {t('kiosk.simulate')}
      </button>
    </fieldset>
  );
}

/**
 * 刷身份证登录: waits for a card on the reader, then asks the card holder for their password (a card
 * alone proves possession, not identity). Signed in, the person lands in 我的空间.
 */
export function CardSignIn({ config, onCancel }: { config: KioskConfig; onCancel: () => void }) {
  const { t } = useTranslation('mobile');
  const id = useId();
  const navigate = useNavigate();
  const reader = useMemo(() => cardReaderFor(config), [config]);
  const [card, setCard] = useState<IdCard>();
  const [failed, setFailed] = useState(false);
  const [password, setPassword] = useState('');
  const signIn = usePasswordSignIn();

  useEffect(() => {
    if (card) return;
    const stop = new AbortController();
    reader.read(stop.signal).then(
      (read) => {
        setFailed(false);
        setCard(read);
      },
      (e: unknown) => {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setFailed(true);
      },
    );
    return () => stop.abort();
  }, [reader, card, failed]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!card || !password) return;
    signIn.mutate(
      { account: card.idNumber, password },
      { onSuccess: () => void navigate('/me/space', { replace: true }) },
    );
  };

  if (!card)
    return (
      <section className="tb-kiosk-card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('kiosk.insertCard')}</h2>
        <p role="status">{failed ? t('kiosk.readerError') : t('kiosk.reading')}</p>
        {isSimulator(reader) ? <Simulator onPresent={(c) => reader.present(c)} /> : null}
        <button type="button" className="tb-big-button tb-big-button--secondary" onClick={onCancel}>
          {t('kiosk.cancel')}
        </button>
      </section>
    );
  return (
    <form className="tb-kiosk-card" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('kiosk.cardRead', { name: maskName(card.name) })}</h2>
      {signIn.isError ? <ProblemAlert error={signIn.error} /> : null}
      <label htmlFor={`${id}-password`}>{t('kiosk.password')}</label>
      <input
        id={`${id}-password`}
        className="tb-input"
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="tb-callback__actions">
        <button type="submit" className="tb-big-button" disabled={signIn.isPending}>
          {t('kiosk.signIn')}
        </button>
        <button
          type="button"
          className="tb-big-button tb-big-button--secondary"
          onClick={() => {
            setCard(undefined);
            onCancel();
          }}
        >
          {t('kiosk.cancel')}
        </button>
      </div>
    </form>
  );
}
