import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe, useSignOut } from '../../identity';
import { stopSpeaking } from '../elder/readAloud';
import { wipeStorage, type KioskConfig } from './mode';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * After `idleSeconds` without a touch: sign out, empty the query cache and the browser's storage,
 * back to the language of the hall (Chinese) and to the kiosk's first screen — the next person
 * finds nothing of the last. The last `warnSeconds` count down with a chance to stay.
 */
export function useIdleWipe(config: KioskConfig | undefined) {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const me = useMe();
  const signedIn = me.data !== undefined && me.data.kind !== 'anonymous';
  const navigate = useNavigate();
  const last = useRef(Date.now());
  const [left, setLeft] = useState<number | undefined>();
  const [wiped, setWiped] = useState(false);

  const stay = useCallback(() => {
    last.current = Date.now();
    setLeft(undefined);
  }, []);

  const wipe = useCallback(() => {
    // Nobody there and nothing open: the first screen stays as it is.
    if (!signedIn && window.location.pathname === '/kiosk' && !window.location.search) return;
    stopSpeaking();
    signOut.mutate(undefined, {
      onSettled: () => {
        queryClient.clear();
        wipeStorage();
        void i18n.changeLanguage('zh-CN');
        void navigate('/kiosk', { replace: true });
        setWiped(true);
      },
    });
  }, [signedIn, signOut, queryClient, i18n, navigate]);

  useEffect(() => {
    if (!config) return;
    const onActivity = () => {
      last.current = Date.now();
      setLeft(undefined);
      setWiped(false);
    };
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true });
    const timer = setInterval(() => {
      const remaining = config.idleSeconds - Math.floor((Date.now() - last.current) / 1000);
      if (remaining <= 0) {
        last.current = Date.now();
        setLeft(undefined);
        wipe();
      } else setLeft(remaining <= config.warnSeconds ? remaining : undefined);
    }, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity);
      clearInterval(timer);
    };
  }, [config, wipe]);

  return { left, stay, wiped };
}
