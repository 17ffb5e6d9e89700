/** The state a licence is in at a moment: its recorded status, then its validity dates (Beijing days). */
import { beijingDate } from '../../platform/calendar/beijing.js';
import type { LicenseStatus } from './licenses.tables.js';

export type EffectiveStatus = LicenseStatus | 'expired' | 'not_yet_valid';

export function effectiveStatus(
  l: { status: LicenseStatus; validFrom: string; validUntil: string | null },
  at: Date,
): EffectiveStatus {
  if (l.status !== 'valid') return l.status;
  const today = beijingDate(at);
  if (l.validUntil !== null && today > l.validUntil) return 'expired';
  if (today < l.validFrom) return 'not_yet_valid';
  return 'valid';
}
