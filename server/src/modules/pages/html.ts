/** HTML written on the server: every interpolated value is escaped unless it is already {@link Html}. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Part = Html | string | number | null | undefined | false | readonly Part[];

const render = (part: Part): string =>
  part === null || part === undefined || part === false
    ? ''
    : part instanceof Html
      ? part.text
      : Array.isArray(part)
        ? part.map(render).join('')
        : escapeHtml(String(part));

/** `html\`<p>${text}</p>\``: text escaped, nested `html` fragments and arrays of them kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

/** A link to the same page with other query parameters, or to another page. */
export const href = (path: string, query: Record<string, string | undefined> = {}): string => {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};
