/**
 * The CJK font every generated document embeds (as a subset): Noto Sans Hans from the
 * `@embedpdf/fonts-sc` package — installed with the project, never fetched, no system fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const CJK_FONT_FAMILY = 'Noto Sans Hans';
let bytes: Uint8Array | undefined;

export function cjkFont(): Uint8Array {
  bytes ??= new Uint8Array(
    fs.readFileSync(
      path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '../fonts/NotoSansHans-Regular.otf'),
    ),
  );
  return bytes;
}

/**
 * Splits text into lines no wider than `max` by a width function (Chinese has no spaces to break
 * at). Widths are summed character by character: shaping each growing line again is quadratic.
 */
export function wrapText(text: string, max: number, width: (s: string) => number): string[] {
  const out: string[] = [];
  const widths = new Map<string, number>();
  let line = '';
  let lineWidth = 0;
  for (const ch of text) {
    if (ch === '\n') {
      out.push(line);
      line = '';
      lineWidth = 0;
      continue;
    }
    const w = widths.get(ch) ?? width(ch);
    widths.set(ch, w);
    if (line && lineWidth + w > max) {
      out.push(line);
      line = '';
      lineWidth = 0;
    }
    line += ch;
    lineWidth += w;
  }
  return [...out, line];
}
