import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestSmsCode, type SmsPurpose } from './api';
import { problemCode } from '../../ui/problems';

const WAIT_SECONDS = 60;

/**
 * 获取验证码: asks the server to text a code to `getPhone()` (which validates the field and
 * returns undefined when it is not a mobile number), then counts 60 seconds down before it may be
 * asked again — the server's own limit is one a minute.
 */
export function SmsCodeButton({
  purpose,
  getPhone,
  onSent,
  onError,
  request = (phone) => requestSmsCode(phone, purpose),
}: {
  purpose: SmsPurpose;
  /** How the code is asked for (default: to the phone, for `purpose`). */
  request?: (target: string) => Promise<unknown>;
  getPhone: () => Promise<string | undefined>;
  onSent: (phone: string) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [secondsLeft, setSecondsLeft] = useState(0);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = window.setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [secondsLeft]);

  const send = async () => {
    const phone = await getPhone();
    if (!phone) return;
    setSending(true);
    try {
      await request(phone);
      setSecondsLeft(WAIT_SECONDS);
      onSent(phone);
    } catch (e) {
      // Sent less than a minute ago (another tab, a reload): wait out the minute here too.
      if (problemCode(e) === 'IDENTITY.SMS_TOO_SOON') setSecondsLeft(WAIT_SECONDS);
      onError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <Button className="tb-sms-button" onClick={() => void send()} loading={sending} disabled={secondsLeft > 0}>
      {sending
        ? t('identity.sms.sending')
        : secondsLeft > 0
          ? t('identity.sms.resend', { seconds: secondsLeft })
          : t('identity.sms.get')}
    </Button>
  );
}
