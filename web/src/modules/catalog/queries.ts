/** TanStack Query hooks over the catalogue API; keys start with 'catalog'. */
import { useQuery } from '@tanstack/react-query';
import * as api from './api';

export function useHotSearches() {
  return useQuery({
    queryKey: ['catalog', 'hot'],
    queryFn: ({ signal }) => api.listHotSearches(signal),
    staleTime: 5 * 60_000,
  });
}

export function useItem(code: string) {
  return useQuery({ queryKey: ['catalog', 'item', code], queryFn: ({ signal }) => api.getItem(code, signal) });
}

export function useThemes(audience: api.Audience | undefined) {
  return useQuery({
    queryKey: ['catalog', 'themes', audience ?? 'all'],
    queryFn: ({ signal }) => api.listThemes(audience, signal),
    staleTime: 5 * 60_000,
  });
}

export function useTheme(idOrSlug: string, region: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'theme', idOrSlug, region],
    queryFn: ({ signal }) => api.getTheme(idOrSlug, region, signal),
  });
}

export function useNegativeList(region: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'negative', region],
    queryFn: ({ signal }) => api.getNegativeList(region, signal),
    staleTime: 5 * 60_000,
  });
}

/** Regions change only with a new division table: cache them for the session. */
export function useRegions(parent: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'regions', parent ?? 'root'],
    queryFn: ({ signal }) => api.listRegions(parent, signal),
    enabled,
    staleTime: Infinity,
  });
}

export function useCatalogList(kind: api.ListKind, region: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'list', kind, region],
    queryFn: ({ signal }) => api.getList(kind, region, signal),
  });
}

/** Departments change rarely: cached for the session, like regions. */
export function useDepartments(region: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'departments', region ?? 'all'],
    queryFn: ({ signal }) => api.listDepartments(region, signal),
    enabled,
    staleTime: Infinity,
  });
}
