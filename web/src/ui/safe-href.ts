/**
 * Links from guide data (blank forms, samples) are written by administrators: allow only http(s)
 * and same-site paths so that a bad entry can never become a `javascript:` link.
 */
export function safeHref(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (v.startsWith('/') && !v.startsWith('//')) return v;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
