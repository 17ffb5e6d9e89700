import { useCallback } from 'react';
import { useEnglish } from './useEnglish';

/** A region's name in the reader's language (the server gives every region its English name too). */
export function useRegionName(): (region: { name: string; nameEn: string }) => string {
  const en = useEnglish();
  return useCallback((region: { name: string; nameEn: string }) => (en ? region.nameEn : region.name), [en]);
}
