import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { requestCallback } from './api';

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** 请给我回电: a phone number (checked here and by the server), how to address the caller and what about. */
export function CallbackForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('mobile');
  const id = useId();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [phoneError, setPhoneError] = useState(false);
  const send = useMutation({ mutationFn: requestCallback });
  const region = params.get('region') ?? undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = PHONE.test(phone.trim());
    setPhoneError(!ok);
    if (!ok) return;
    send.mutate({
      phone: phone.trim(),
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(topic.trim() ? { topic: topic.trim() } : {}),
      page: pathname,
      ...(region && /^\d{2,12}$/.test(region) ? { region } : {}),
    });
  };

  if (send.data)
    return (
      <div className="tb-callback" role="status">
        <p className="tb-callback__done">
          {t(send.data.repeat ? 'elder.already' : 'elder.filed', { reference: send.data.reference })}
        </p>
        <button type="button" className="tb-big-button tb-big-button--secondary" onClick={onClose}>
          {t('elder.cancel')}
        </button>
      </div>
    );
  return (
    <form className="tb-callback" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>{t('elder.callTitle')}</h2>
      <p>{t('elder.callLead')}</p>
      {send.isError ? <ProblemAlert error={send.error} /> : null}
      <label htmlFor={`${id}-phone`}>{t('elder.phone')}</label>
      <input
        id={`${id}-phone`}
        className="tb-input"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={13}
        value={phone}
        aria-invalid={phoneError}
        aria-describedby={phoneError ? `${id}-phone-error` : undefined}
        onChange={(e) => {
          setPhone(e.target.value);
          setPhoneError(false);
        }}
      />
      {phoneError ? (
        <p id={`${id}-phone-error`} className="tb-field-error">
          {t('elder.phoneInvalid')}
        </p>
      ) : null}
      <label htmlFor={`${id}-name`}>{t('elder.name')}</label>
      <input
        id={`${id}-name`}
        className="tb-input"
        autoComplete="name"
        maxLength={20}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor={`${id}-topic`}>{t('elder.topic')}</label>
      <textarea
        id={`${id}-topic`}
        className="tb-input"
        rows={2}
        maxLength={200}
        value={topic}
        onChange={(e) => setTopic(e.target.value)}
      />
      <div className="tb-callback__actions">
        <button type="submit" className="tb-big-button" disabled={send.isPending}>
          {t('elder.submit')}
        </button>
        <button type="button" className="tb-big-button tb-big-button--secondary" onClick={onClose}>
          {t('elder.cancel')}
        </button>
      </div>
    </form>
  );
}
