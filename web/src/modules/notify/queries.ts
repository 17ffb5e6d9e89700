/** TanStack Query hooks over the notify API; keys start with 'notify'. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './api';

const INBOX = ['notify', 'inbox'] as const;
const PREFS = ['notify', 'preferences'] as const;
const TEMPLATES = ['notify', 'templates'] as const;

/** How often the header asks for the unread count while the page is open (and on focus). */
const UNREAD_POLL_MS = 60_000;

export function useInbox(pageSize: number, unread: boolean) {
  return useQuery({
    queryKey: [...INBOX, 'list', pageSize, unread],
    queryFn: ({ signal }) => api.inbox({ page: 1, pageSize, unread }, signal),
    staleTime: 10_000,
  });
}

/** The unread count alone (one message asked for), refreshed every minute and when the tab comes back. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...INBOX, 'unread'],
    queryFn: ({ signal }) => api.inbox({ page: 1, pageSize: 1, unread: true }, signal).then((r) => r.unread),
    enabled,
    staleTime: 15_000,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.markRead(ids),
    onSuccess: ({ unread }) => {
      queryClient.setQueryData([...INBOX, 'unread'], unread);
      void queryClient.invalidateQueries({ queryKey: INBOX });
    },
  });
}

export function usePreferences() {
  return useQuery({ queryKey: PREFS, queryFn: ({ signal }) => api.preferences(signal) });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.savePreferences,
    onSuccess: (p) => queryClient.setQueryData(PREFS, p),
  });
}

export function useTemplates() {
  return useQuery({ queryKey: TEMPLATES, queryFn: ({ signal }) => api.templates(signal) });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, text }: { key: api.TemplateKey; text: api.TemplateText }) => api.saveTemplate(key, text),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES }),
  });
}

export function useResetTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.resetTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES }),
  });
}
