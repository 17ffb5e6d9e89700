/**
 * Fills a template's `{{variables}}`, escaped for the channel it goes out on, so that what a
 * person typed (an item name, a complaint subject) cannot become markup or a forged sender:
 * - every channel: control characters (CR/LF: header injection) become spaces, values are capped;
 * - SMS: the brackets of a signature (【…】) and angle brackets are dropped — only the gateway's
 *   own signature may name the sender;
 * - e-mail: the subject is one line; the HTML part is the whole text HTML-escaped (the template
 *   too: templates are plain text), lines as <br>;
 * - WeChat: values are capped at the 20 characters a `thing` field holds.
 */
import type { ChannelName } from '../notify.tables.js';
import type { Text } from './catalogue.js';

export interface Rendered {
  title: string;
  text: string;
  /** E-mail only. */
  html?: string;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const VAR = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

const cap = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function escapeValue(value: string, channel: ChannelName): string {
  const plain = value.replace(CONTROL, ' ').trim();
  switch (channel) {
    case 'sms':
      return cap(plain.replace(/[【】<>]/g, ''), 60);
    case 'wechat':
      return cap(plain, 20);
    default:
      return cap(plain, 200);
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c as '&']);

/** The variables a template text names (for checking an administrator's template). */
export const variablesOf = (text: string): string[] => [...text.matchAll(VAR)].map((m) => m[1]!);

export function render(template: Text, vars: Record<string, string>, channel: ChannelName): Rendered {
  const fill = (t: string) => t.replace(VAR, (_, name: string) => escapeValue(vars[name] ?? '', channel));
  const title = fill(template.title).replace(CONTROL, ' ');
  const text = fill(template.body);
  if (channel !== 'email') return { title, text };
  const html = `<!doctype html><html><body><p>${escapeHtml(text).replace(/\n/g, '<br>')}</p></body></html>`;
  return { title, text, html };
}
