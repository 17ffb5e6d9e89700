/** Dates and amounts as people read them, in the page's language (China Standard Time). */
import dayjs from 'dayjs';

/** A date-only string (2026-03-05) or an instant, as a short local date. */
export function shortDate(iso: string | null | undefined, english: boolean): string {
  if (!iso) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00+08:00`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(english ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(d);
}

export function dateTime(iso: string, english: boolean): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(english ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** An amount in fen (分) as yuan with two decimals: 1500 → "15.00". */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** A publication date as people write it: 2026年3月5日 / Mar 5, 2026. */
export function formatDate(iso: string, english: boolean): string {
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return english ? d.format('MMM D, YYYY') : d.format('YYYY年M月D日');
}
