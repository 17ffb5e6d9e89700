import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { writeLightCookies } from '../ui/light-cookies';

const ELDER_KEY = 'tongban.elder';
const ELDER_CLASS = 'elder-mode';

/** 长者模式 as last chosen on this device. */
export function readElderMode(): boolean {
  try {
    return localStorage.getItem(ELDER_KEY) === '1';
  } catch {
    return false;
  }
}

/** Marks <html> so that the portal's own CSS enlarges type and raises contrast. */
export function applyElderClass(on: boolean): void {
  document.documentElement.classList.toggle(ELDER_CLASS, on);
}

interface Preferences {
  elder: boolean;
  setElder: (on: boolean) => void;
}

const PreferencesContext = createContext<Preferences | undefined>(undefined);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [elder, setElderState] = useState(readElderMode);
  useEffect(() => applyElderClass(elder), [elder]);
  const setElder = useCallback((on: boolean) => {
    setElderState(on);
    try {
      localStorage.setItem(ELDER_KEY, on ? '1' : '0');
    } catch {
      // Storage unavailable: the mode lasts for this page only.
    }
    writeLightCookies();
  }, []);
  const value = useMemo(() => ({ elder, setElder }), [elder, setElder]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
