/** TanStack Query hooks over the case API; keys start with 'cases'. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isRetryable } from '../../app/http';
import * as api from './api';

const retry = (count: number, error: unknown) => count < 2 && isRetryable(error);

export const casesKeys = {
  all: ['cases'] as const,
  mine: ['cases', 'mine'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  materials: (id: string) => ['cases', 'materials', id] as const,
  track: (code: string) => ['cases', 'track', api.normaliseCode(code)] as const,
  window: ['cases', 'queue', 'window'] as const,
  tasks: ['cases', 'queue', 'tasks'] as const,
  delivery: (id: string) => ['cases', 'delivery', id] as const,
  fees: (id: string) => ['cases', 'fees', id] as const,
  rating: (id: string) => ['cases', 'rating', id] as const,
  rectifications: ['cases', 'rectifications'] as const,
};

export const useMyCases = () =>
  useQuery({ queryKey: casesKeys.mine, queryFn: ({ signal }) => api.listMyCases(signal), staleTime: 0, retry });
export const useCase = (id: string) =>
  useQuery({ queryKey: casesKeys.detail(id), queryFn: ({ signal }) => api.getCase(id, signal), staleTime: 0, retry });
export const useMaterials = (id: string) =>
  useQuery({
    queryKey: casesKeys.materials(id),
    queryFn: ({ signal }) => api.getMaterials(id, signal),
    staleTime: 0,
    retry,
  });
export const useTracking = (code: string | undefined) =>
  useQuery({
    queryKey: casesKeys.track(code ?? ''),
    queryFn: ({ signal }) => api.track(code!, signal),
    enabled: Boolean(code),
    staleTime: 0,
    retry,
  });
export const useWindowQueue = (enabled: boolean) =>
  useQuery({
    queryKey: casesKeys.window,
    queryFn: ({ signal }) => api.windowQueue(signal),
    enabled,
    staleTime: 0,
    retry,
  });
export const useTaskQueue = (enabled: boolean) =>
  useQuery({ queryKey: casesKeys.tasks, queryFn: ({ signal }) => api.taskQueue(signal), enabled, staleTime: 0, retry });
export const useDelivery = (id: string) =>
  useQuery({
    queryKey: casesKeys.delivery(id),
    queryFn: ({ signal }) => api.getDelivery(id, false, signal),
    staleTime: 0,
    retry,
  });
export const useFees = (id: string) =>
  useQuery({ queryKey: casesKeys.fees(id), queryFn: ({ signal }) => api.getFees(id, signal), staleTime: 0, retry });
export const useRating = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: casesKeys.rating(id),
    queryFn: ({ signal }) => api.getRating(id, signal),
    enabled,
    staleTime: 0,
    retry,
  });
export const useRectifications = () =>
  useQuery({
    queryKey: casesKeys.rectifications,
    queryFn: ({ signal }) => api.listRectifications(signal),
    staleTime: 0,
    retry,
  });

/**
 * A step on a case (window, applicant or task): whatever it answers — done, or 409 because someone
 * else moved first — everything the portal shows about cases is read again.
 */
export function useCaseStep<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Not awaited: the caller's own callbacks must run while its component is still mounted (the
    // refreshed case may no longer show the task that was just decided).
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: casesKeys.all });
    },
  });
}
