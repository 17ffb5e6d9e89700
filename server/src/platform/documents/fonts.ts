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
