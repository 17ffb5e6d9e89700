import { useCallback } from 'react';
import { useEnglish } from './useEnglish';

/**
 * The name of a region, a department or anything the server names in both languages, in the
 * reader's language.
 */
export function useNameIn(): (named: { name: string; nameEn: string }) => string {
  const en = useEnglish();
  return useCallback((named: { name: string; nameEn: string }) => (en ? named.nameEn : named.name), [en]);
}
