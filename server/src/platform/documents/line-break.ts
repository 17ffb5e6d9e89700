/**
 * Line breaking for Chinese documents (折行). Chinese has no spaces between words, so a line may
 * break between any two characters, with the rules of 标点符号用法 (GB/T 15834) and W3C's
 * 中文排版需求 (clreq), 避头尾:
 * - closing marks (。，、；：？！ and closing brackets and quotes) never begin a line, and
 *   opening brackets and quotes never end one: the character before a closing mark, or after an
 *   opening one, moves with it to the next line;
 * - a 省略号 …… or 破折号 —— is never split across lines;
 * - a run of Latin letters and digits (a tracking code, a credit code, a year, an English word)
 *   stays on one line, and a space is where Latin text breaks.
 * A run that cannot fit on a line of its own is broken anyway, first where the punctuation rules
 * allow, then between any characters, so no line is wider than the width unless it holds a
 * single character wider than that.
 */

/** 行首禁则: may not begin a line. */
const NOT_AT_START = new Set([...'。．，、；：？！）］｝》〉」』】〕〗〙”’％‰℃·・々ー〜～,.;:?!)]}%']);
/** 行尾禁则: may not end a line. */
const NOT_AT_END = new Set([...'（［｛《〈「『【〔〖〘“‘([{']);
/** Marks written doubled that are never split (…… and ——). */
const PAIRED = new Set(['…', '—', '⋯']);
const LATIN = /^[\p{Script=Latin}\p{Nd}_'\-.@#&+/]$/u;

const glued = (a: string, b: string): boolean => NOT_AT_START.has(b) || NOT_AT_END.has(a) || (PAIRED.has(a) && a === b);
const sameWord = (a: string, b: string): boolean => LATIN.test(a) && LATIN.test(b);

/**
 * Splits text into lines no wider than `max` by a width function; `\n` ends a line. Widths are
 * summed character by character (shaping each growing line again would be quadratic), and spaces
 * where a line breaks are dropped.
 */
export function wrapText(text: string, max: number, width: (s: string) => number): string[] {
  const widths = new Map<string, number>();
  const measure = (ch: string): number => {
    let w = widths.get(ch);
    if (w === undefined) {
      w = width(ch);
      widths.set(ch, w);
    }
    return w;
  };
  return text.split('\n').flatMap((paragraph) => wrapParagraph([...paragraph], max, measure));
}

function wrapParagraph(chars: string[], max: number, measure: (ch: string) => number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  const put = (whole: string[]) => {
    let piece = whole;
    let w = sum(piece, measure);
    if (line.length > 0 && lineWidth + w > max) {
      lines.push(trimEnd(line));
      line = [];
      lineWidth = 0;
      // The spaces a line broke at are not carried over; what follows them is.
      const spaces = piece.findIndex((ch) => ch !== ' ');
      if (spaces !== 0) {
        piece = spaces === -1 ? [] : piece.slice(spaces);
        w = sum(piece, measure);
      }
    }
    line.push(...piece);
    lineWidth += w;
  };
  for (const unit of pieces(chars, (a, b) => glued(a, b) || sameWord(a, b) || (a === ' ' && b === ' '))) {
    if (sum(unit, measure) <= max) put(unit);
    // Too long for any line: break it where the punctuation allows, and a piece still too long
    // between its characters.
    else
      for (const part of pieces(unit, glued))
        if (sum(part, measure) <= max) put(part);
        else for (const ch of part) put([ch]);
  }
  lines.push(line.join(''));
  return lines;
}

/** Cuts characters into the pieces no line may break inside. */
function pieces(chars: string[], together: (a: string, b: string) => boolean): string[][] {
  const out: string[][] = [];
  for (const [i, ch] of chars.entries()) {
    if (i > 0 && together(chars[i - 1] as string, ch)) out[out.length - 1]?.push(ch);
    else out.push([ch]);
  }
  return out;
}

function sum(chars: string[], measure: (ch: string) => number): number {
  let w = 0;
  for (const ch of chars) w += measure(ch);
  return w;
}

function trimEnd(line: string[]): string {
  return line.join('').replace(/ +$/, '');
}
