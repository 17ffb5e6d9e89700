/** Template text as the server reads it (notify/templates/render.ts): `{{variable}}` placeholders. */
const VAR = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The variables a text names that its kind does not declare. */
export const unknownVariables = (text: string, allowed: readonly string[]): string[] =>
  [...text.matchAll(VAR)].map((m) => m[1]!).filter((v) => !allowed.includes(v));

/** The text with its variables filled in (for the preview; React escapes what it shows). */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(VAR, (_, name: string) => values[name] ?? '');
