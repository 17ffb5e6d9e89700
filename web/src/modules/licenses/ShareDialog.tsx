import { Button, Modal } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldLicense, ShareCode } from './api';
import { useShareLicense } from './queries';
import { ProblemAlert } from '../../ui/ProblemAlert';

function useSecondsLeft(until: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.round((new Date(until).getTime() - now) / 1000)) : 0;
}

function useQrDataUrl(text: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    setUrl(undefined);
    if (!text) return;
    let live = true;
    void QRCode.toDataURL(text, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [text]);
  return url;
}

/** The path of the public page for a share code, on whatever address this portal is reached at. */
export const sharedPath = (code: string) => `/licenses/shared/${encodeURIComponent(code)}`;

function ShareCodeView({ share, l }: { share: ShareCode; l: HeldLicense }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(share.expiresAt);
  const qr = useQrDataUrl(share.url);
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <div className="tb-share">
      <p
        className="tb-share__code tb-code"
        aria-label={t('licenses.share.codeLabel', { code: share.code.split('').join(' ') })}
      >
        {share.code}
      </p>
      {qr ? (
        <img
          className="tb-share__qr"
          src={qr}
          width={240}
          height={240}
          alt={t('licenses.share.qrAlt', { type: l.type.name })}
        />
      ) : (
        <div className="tb-share__qr" aria-hidden="true" />
      )}
      <p className={left > 0 ? 'tb-share__clock' : 'tb-share__clock is-over'} role="timer" aria-live="off">
        {left > 0 ? t('licenses.share.left', { clock }) : t('licenses.share.expired')}
      </p>
      <p className="tb-muted tb-small">{t('licenses.share.help')}</p>
      <p>
        <a href={sharedPath(share.code)} target="_blank" rel="noreferrer">
          {t('licenses.share.open')}
        </a>
      </p>
    </div>
  );
}

/** 亮证: a five-minute code with its QR image and a countdown, for someone who needs to see the licence. */
export function ShareButton({ l }: { l: HeldLicense }) {
  const { t } = useTranslation();
  const share = useShareLicense();
  const [open, setOpen] = useState(false);
  const make = () => share.mutate(l.id);
  return (
    <>
      <Button
        type="primary"
        autoInsertSpace={false}
        disabled={l.status !== 'valid'}
        onClick={() => {
          setOpen(true);
          make();
        }}
      >
        {t('licenses.share.button')}
        <span className="sr-only">{l.type.name}</span>
      </Button>
      <Modal
        open={open}
        title={t('licenses.share.title', { type: l.type.name })}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="again" autoInsertSpace={false} onClick={make} loading={share.isPending}>
            {t('licenses.share.again')}
          </Button>,
          <Button key="close" type="primary" autoInsertSpace={false} onClick={() => setOpen(false)}>
            {t('licenses.share.close')}
          </Button>,
        ]}
        destroyOnHidden
      >
        {share.isError ? <ProblemAlert error={share.error} /> : null}
        {share.data ? <ShareCodeView share={share.data} l={l} /> : <p role="status">{t('app.loading')}</p>}
      </Modal>
    </>
  );
}
