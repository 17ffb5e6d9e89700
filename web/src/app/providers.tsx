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

function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { elder } = usePreferences();
  const english = i18n.resolvedLanguage === 'en';
  const theme = useMemo(() => portalTheme(elder), [elder]);
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={theme}>
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
