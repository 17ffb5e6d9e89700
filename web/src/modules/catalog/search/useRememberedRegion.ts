import { useCallback, useEffect } from 'react';
import { writeLightCookies } from '../../../ui/light-cookies';
import { useRegionParam } from '../regions/useRegionParam';

const STORAGE_KEY = 'tongban.region';
const REGION_CODE = /^(?:\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

function readStored(): string | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY) ?? '';
    return REGION_CODE.test(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The person's region, chosen once and remembered on this device: a `?region=` link wins (and is
 * remembered), else the last one chosen. Without either the server answers for the signed-in
 * person's household region.
 */
export function useRememberedRegion(): [string | undefined, (code: string | undefined) => void] {
  const [fromUrl, setUrlRegion] = useRegionParam();
  const region = fromUrl ?? readStored();
  useEffect(() => {
    if (!fromUrl) return;
    try {
      localStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage unavailable: the link still carries the region.
    }
    writeLightCookies();
  }, [fromUrl]);
  const setRegion = useCallback(
    (code: string | undefined) => {
      try {
        if (code) localStorage.setItem(STORAGE_KEY, code);
        else localStorage.removeItem(STORAGE_KEY);
      } catch {
        // Storage unavailable: the choice lasts for this page only.
      }
      writeLightCookies();
      setUrlRegion(code);
    },
    [setUrlRegion],
  );
  return [region, setRegion];
}
