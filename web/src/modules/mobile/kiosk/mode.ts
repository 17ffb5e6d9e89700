/**
 * Kiosk mode (自助终端) for hall terminals: entered by opening `/kiosk` on the terminal (once; it
 * stays on across reloads), configured by that URL's query — `idle` (seconds without a touch before
 * sign-out and wipe, 30–1800, default 120), `reader` (`simulator` or `bridge`) and `bridge` (the
 * card reader's local bridge, e.g. `http://127.0.0.1:17890`). `/kiosk?exit=1` leaves it.
 */
import { writeLightCookies } from '../../../ui/light-cookies';

const KEY = 'tongban.kiosk';
const CLASS = 'kiosk-mode';

export interface KioskConfig {
  idleSeconds: number;
  /** The last seconds of idleness show a countdown with 继续使用. */
  warnSeconds: number;
  reader: 'simulator' | 'bridge';
  bridgeUrl?: string;
}

const DEFAULTS: KioskConfig = { idleSeconds: 120, warnSeconds: 20, reader: 'simulator' };

export function readKiosk(): KioskConfig | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? { ...DEFAULTS, ...(JSON.parse(raw) as Partial<KioskConfig>) } : undefined;
  } catch {
    return undefined;
  }
}

/** The configuration a `/kiosk?…` URL asks for. */
export function kioskConfigFrom(params: URLSearchParams, current = readKiosk()): KioskConfig {
  const idle = Number(params.get('idle'));
  const bridge = params.get('bridge');
  const reader = params.get('reader');
  return {
    ...DEFAULTS,
    ...current,
    ...(Number.isInteger(idle) && idle >= 30 && idle <= 1800 ? { idleSeconds: idle } : {}),
    ...(reader === 'simulator' || reader === 'bridge' ? { reader } : {}),
    ...(bridge && /^https?:\/\/(127\.0\.0\.1|localhost)(:\d{2,5})?$/.test(bridge) ? { bridgeUrl: bridge } : {}),
  };
}

export function saveKiosk(config: KioskConfig | undefined): void {
  try {
    if (config) localStorage.setItem(KEY, JSON.stringify(config));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: kiosk mode lasts for this page only.
  }
  writeLightCookies();
  document.documentElement.classList.toggle(CLASS, Boolean(config));
}

/** Empties this browser's storage except the terminal's own configuration. */
export function wipeStorage(): void {
  try {
    const keep = localStorage.getItem(KEY);
    localStorage.clear();
    sessionStorage.clear();
    if (keep) localStorage.setItem(KEY, keep);
  } catch {
    // Nothing stored, nothing to wipe.
  }
  // The next person's first page must not come in the last person's language or 长者模式.
  writeLightCookies();
}
