import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isRetryable } from './http';
import { PreferencesProvider, usePreferences } from './preferences';
import { portalTheme } from './theme';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Published guides change rarely; a minute of freshness saves repeat requests on back/forward.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && isRetryable(error),
      },
    },
  });
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the person asked their system for reduced motion (WCAG 2.3.3), followed as it changes. */
function usePrefersReducedMotion(): boolean {
  const [still, setStill] = useState(() => window.matchMedia?.(REDUCED_MOTION).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(REDUCED_MOTION);
    if (!query) return;
    const follow = () => setStill(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return still;
}

function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { elder } = usePreferences();
  const still = usePrefersReducedMotion();
  const english = i18n.resolvedLanguage === 'en';
  const theme = useMemo(() => portalTheme(elder, still), [elder, still]);
  const wave = useMemo(() => ({ disabled: still }), [still]);
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={theme} wave={wave}>
      {children}
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider>
        <AntdProvider>{children}</AntdProvider>
      </PreferencesProvider>
    </QueryClientProvider>
  );
}
