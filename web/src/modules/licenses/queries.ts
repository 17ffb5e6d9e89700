/** TanStack Query hooks over 证照通 and the data-use log; keys start with 'licenses'. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isRetryable } from '../../app/http';
import * as api from './api';

const retry = (count: number, error: unknown) => count < 2 && isRetryable(error);

export const licensesKeys = {
  all: ['licenses'] as const,
  types: ['licenses', 'types'] as const,
  mine: ['licenses', 'mine'] as const,
  detail: (id: string) => ['licenses', 'detail', id] as const,
  verify: (q: object) => ['licenses', 'verify', q] as const,
  shared: (code: string) => ['licenses', 'shared', code] as const,
  uses: ['licenses', 'uses'] as const,
  dataUses: (before: string | undefined) => ['licenses', 'data-uses', before ?? 'latest'] as const,
  consents: ['licenses', 'consents'] as const,
};

export const useLicenseTypes = () =>
  useQuery({
    queryKey: licensesKeys.types,
    queryFn: ({ signal }) => api.listLicenseTypes(signal),
    staleTime: Infinity,
    retry,
  });
export const useMyLicenses = () =>
  useQuery({ queryKey: licensesKeys.mine, queryFn: ({ signal }) => api.listMyLicenses(signal), staleTime: 0, retry });
export const useMyLicense = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: licensesKeys.detail(id),
    queryFn: ({ signal }) => api.getMyLicense(id, signal),
    enabled,
    staleTime: 0,
    retry,
  });
export const useVerification = (q: { number?: string; signature?: string; payload?: string } | undefined) =>
  useQuery({
    queryKey: licensesKeys.verify(q ?? {}),
    queryFn: ({ signal }) => api.verify(q!, signal),
    enabled: Boolean(q),
    staleTime: 0,
    retry,
  });
export const useShared = (code: string) =>
  useQuery({
    queryKey: licensesKeys.shared(code),
    queryFn: ({ signal }) => api.readShared(code, signal),
    staleTime: 0,
    retry,
  });
export const useLicenseUses = () =>
  useQuery({ queryKey: licensesKeys.uses, queryFn: ({ signal }) => api.listLicenseUses(signal), staleTime: 0, retry });
/** A 404 means the data-sharing routes are not on this server (yet): the page says so, without retrying. */
export const useDataUses = (before: string | undefined) =>
  useQuery({
    queryKey: licensesKeys.dataUses(before),
    queryFn: ({ signal }) => api.listDataUses(before, signal),
    staleTime: 0,
    retry,
  });
export const useConsents = () =>
  useQuery({ queryKey: licensesKeys.consents, queryFn: ({ signal }) => api.listConsents(signal), staleTime: 0, retry });

export const useShareLicense = () => useMutation({ mutationFn: api.shareLicense });

function useConsentChange<V>(fn: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: licensesKeys.consents }),
  });
}
export const useGrantConsent = () => useConsentChange(api.grantConsent);
export const useRevokeConsent = () => useConsentChange(api.revokeConsent);
