/** A `tel:` href for a single phone number, or undefined for free text ("0851-12345 转 2"). */
export function telHref(phone: string): string | undefined {
  return /^[+\d][\d\s()-]{2,30}$/.test(phone.trim()) ? `tel:${phone.replace(/[^\d+]/g, '')}` : undefined;
}
