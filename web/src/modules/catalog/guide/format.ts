import dayjs from 'dayjs';

/** A publication date as people write it: 2026年3月5日 / Mar 5, 2026. */
export function formatDate(iso: string, english: boolean): string {
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return english ? d.format('MMM D, YYYY') : d.format('YYYY年M月D日');
}

/** A `tel:` href for a single phone number, or undefined for free text ("0851-12345 转 2"). */
export function telHref(phone: string): string | undefined {
  return /^[+\d][\d\s()-]{2,30}$/.test(phone.trim()) ? `tel:${phone.replace(/[^\d+]/g, '')}` : undefined;
}
