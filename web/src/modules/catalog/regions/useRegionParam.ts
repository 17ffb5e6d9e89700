import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** GB/T 2260 codes as the catalogue uses them: 2 (省), 4 (市), 6 (县) digits, or 9/12 below. */
const REGION_CODE = /^(?:\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/**
 * The region the person is looking at, kept in the URL (`?region=520103`) so that a link or a
 * bookmark carries it. Changing it replaces the history entry and resets paging.
 */
export function useRegionParam(): [string | undefined, (code: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('region') ?? '';
  const region = REGION_CODE.test(raw) ? raw : undefined;
  const setRegion = useCallback(
    (code: string | undefined) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (code) next.set('region', code);
          else next.delete('region');
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [region, setRegion];
}

/** Appends `region` to a portal path when there is one. */
export function withRegion(path: string, region: string | undefined, extra?: Record<string, string>): string {
  const params = new URLSearchParams(extra);
  if (region) params.set('region', region);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
