import { useSyncExternalStore } from 'react';
import { readKiosk, saveKiosk, type KioskConfig } from './mode';

const listeners = new Set<() => void>();
let current: KioskConfig | undefined;
let loaded = false;

function snapshot(): KioskConfig | undefined {
  if (!loaded) {
    current = readKiosk();
    loaded = true;
  }
  return current;
}

/** Turns kiosk mode on (with its configuration) or off, for every component at once. */
export function setKiosk(config: KioskConfig | undefined): void {
  saveKiosk(config);
  current = config;
  loaded = true;
  for (const l of listeners) l();
}

/** The terminal's kiosk configuration, or undefined when this is an ordinary browser. */
export function useKiosk(): KioskConfig | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    snapshot,
    () => undefined,
  );
}
