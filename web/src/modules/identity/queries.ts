/** TanStack Query hooks over the identity API; keys start with 'identity'. `ME_KEY` is shared by the header and every page. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import * as api from './api';

export const ME_KEY = ['identity', 'me'] as const;
const agentsKey = (enterpriseId: string) => ['identity', 'agents', enterpriseId] as const;

/** Who is signed in (anonymous when nobody). The header asks on every page, so keep it briefly fresh. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => api.getMe(signal), staleTime: 30_000 });
}

/** A new session (sign-in, registration): take its `me` at once and drop whatever the previous one had cached. */
export function acceptSession(queryClient: QueryClient, me: api.Me): void {
  queryClient.removeQueries({ queryKey: ['identity'], predicate: (q) => q.queryKey[1] !== 'me' });
  queryClient.setQueryData(ME_KEY, me);
  void queryClient.invalidateQueries({ queryKey: ME_KEY });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.signOut,
    onSettled: () => {
      // Signed out or not, this browser should show nobody's data any more.
      queryClient.removeQueries({ queryKey: ['identity'], predicate: (q) => q.queryKey[1] !== 'me' });
      queryClient.setQueryData<api.Me>(ME_KEY, { kind: 'anonymous' });
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

function useMeMutation<V>(fn: (v: V) => Promise<api.Me>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (me) => {
      queryClient.setQueryData(ME_KEY, me);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export const useSetActingFor = () => useMeMutation(api.setActingFor);
export const useSetPreferredLanguage = () => useMeMutation(api.setPreferredLanguage);

export function useClaimEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.claimEnterprise,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function useAgents(enterpriseId: string) {
  return useQuery({
    queryKey: agentsKey(enterpriseId),
    queryFn: ({ signal }) => api.listAgents(enterpriseId, signal),
    staleTime: 0,
  });
}

export function useGrantAgent(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grant: api.AgentGrant) => api.grantAgent(enterpriseId, grant),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsKey(enterpriseId) }),
  });
}

export function useRevokeAgent(enterpriseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agentId: string) => api.revokeAgent(enterpriseId, agentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsKey(enterpriseId) }),
  });
}

/** Password sign-in as a mutation (the kiosk's, after its card reader gave the account); the session is taken at once. */
export function usePasswordSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ account, password }: { account: string; password: string }) =>
      api.signIn({ method: 'password', account, password }),
    onSuccess: (signedIn) => acceptSession(queryClient, signedIn.me),
  });
}
