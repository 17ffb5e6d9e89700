import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cjkPdf } from './cjk-pdf.js';
import { wrapText } from './line-break.js';

// The rules as the standard states them, written out here rather than imported: the test is the
// specification the module is held to.
const CLOSING = '。，、；：？！）》”';
const OPENING = '（《“';
const HAN = '中华人民共和国行政许可法第三十八条申请符合定';
const LATIN = 'ABCXYZ0123456789';
const isLatin = (ch: string | undefined) => ch !== undefined && /^[A-Za-z0-9]$/.test(ch);

/** Full-width characters 10 wide, Latin 6, a space 3: the proportions of a CJK font. */
const width = (s: string) => [...s].reduce((w, ch) => w + (ch === ' ' ? 3 : isLatin(ch) ? 6 : 10), 0);

const han = fc.constantFrom(...HAN);
const closing = fc.constantFrom(...CLOSING);
/**
 * Text made of the pieces a line may not break inside, each narrower than the narrowest line:
 * an opening mark, a character and up to two closing marks; a Latin word followed by a space or
 * a closing mark; a doubled 省略号 or 破折号.
 */
const token = fc.oneof(
  fc
    .tuple(fc.option(fc.constantFrom(...OPENING)), han, fc.array(closing, { maxLength: 2 }))
    .map(([open, ch, close]) => `${open ?? ''}${ch}${close.join('')}`),
  fc
    .tuple(fc.string({ unit: fc.constantFrom(...LATIN), minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '，', '）'))
    .map(([word, end]) => word + end),
  fc.constantFrom('……', '——'),
  han,
  han,
);
const text = fc.array(token, { minLength: 1, maxLength: 80 }).map((t) => t.join(''));
const max = fc.integer({ min: 60, max: 200 });

/**
 * Where each line ends in the text it came from: the line as written there, the spaces dropped at
 * the break and the character the next line starts with. Fails unless the lines are the text, in
 * order, less only those spaces.
 */
function breaks(t: string, lines: string[]) {
  let at = 0;
  return lines.map((line, i) => {
    expect(t.startsWith(line, at)).toBe(true);
    const start = at;
    at += line.length;
    if (i === lines.length - 1) {
      expect(at).toBe(t.length);
      return undefined;
    }
    const dropped = /^ */.exec(t.slice(at))?.[0] ?? '';
    at += dropped.length;
    return {
      line,
      written: t.slice(start, at),
      dropped,
      last: t[start + line.length - 1],
      first: t[at],
      second: t[at + 1],
    };
  });
}

describe('wrapText (折行, 避头尾)', () => {
  it('keeps every character, in order, and breaks only where a line is full', () => {
    fc.assert(
      fc.property(text, max, (t, m) => {
        const lines = wrapText(t, m, width);
        for (const [i, b] of breaks(t, lines).entries()) {
          expect(width(lines[i] as string)).toBeLessThanOrEqual(m);
          // Greedy: the next line's first character would not have fitted, or it could not be
          // parted from the one after it.
          if (b)
            expect(
              width(b.written + b.first) > m ||
                CLOSING.includes(b.second ?? '') ||
                OPENING.includes(b.first ?? '') ||
                (isLatin(b.first) && isLatin(b.second)) ||
                b.first === b.second,
            ).toBe(true);
        }
      }),
    );
  });

  it('never begins a line with a closing mark, never ends one with an opening mark, never splits a Latin word, …… or ——', () => {
    fc.assert(
      fc.property(text, max, (t, m) => {
        for (const b of breaks(t, wrapText(t, m, width))) {
          if (!b) continue;
          expect(CLOSING).not.toContain(b.first);
          expect(OPENING).not.toContain(b.last);
          if (b.dropped === '') {
            expect(['……', '——']).not.toContain(`${b.last}${b.first}`);
            expect(isLatin(b.last) && isLatin(b.first)).toBe(false);
          }
        }
      }),
    );
  });

  it('breaks anything that cannot fit a line of its own, and keeps each line within the width', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 10, max: 120 }), (t, m) => {
        const w = (s: string) => [...s].length * 10;
        const paragraphs = t.split('\n');
        const lines = wrapText(t, m, w);
        expect(lines.length).toBeGreaterThanOrEqual(paragraphs.length);
        expect(lines.join('').replaceAll(' ', '')).toBe(paragraphs.join('').replaceAll(' ', ''));
        for (const line of lines) expect(w(line) <= m || [...line].length === 1).toBe(true);
      }),
    );
  });

  it('loses nothing of text made of spaces, marks and words, whatever the width', () => {
    const unit = fc.constantFrom('中', '国', 'A', '7', ' ', ' ', '。', '.', '，', '（', '）', '…', '—', '\n');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), fc.integer({ min: 5, max: 80 }), (t, m) => {
        const lines = wrapText(t, m, width);
        expect(lines.join('').replaceAll(' ', '')).toBe(t.replaceAll('\n', '').replaceAll(' ', ''));
        for (const line of lines) expect(width(line) <= m || [...line].length === 1).toBe(true);
      }),
    );
  });

  it('keeps a line break the author wrote and drops only the space a line breaks at', () => {
    expect(wrapText('一二\n三', 100, width)).toEqual(['一二', '三']);
    expect(wrapText('', 100, width)).toEqual(['']);
    expect(wrapText('  缩进', 100, width)).toEqual(['  缩进']);
    expect(wrapText('ABCDE FGHIJ KLMNO', 70, width)).toEqual(['ABCDE FGHIJ', 'KLMNO']);
    // A URL longer than the line is broken where it must be, but never before its "." or ":".
    expect(wrapText('https://tongban.example/track/A5201030000012', 60, width)).toEqual([
      'https://',
      'tongban.e',
      'xample/tr',
      'ack/A5201',
      '030000012',
    ]);
  });

  it('wraps a decision as a reader expects with the real font: the full stop stays with its sentence, 《 with its title', async () => {
    const paragraph =
      '\u3000\u3000你（单位）于2026年11月2日提出的“食品经营许可（新办）”申请，本机关于2026年11月3日依法受理。经审查，申请符合法定条件、标准，根据《中华人民共和国食品安全法》的规定，决定准予行政许可。';
    let lines: string[] = [];
    await cjkPdf(async (doc, font) => {
      doc.addPage();
      const at13 = (s: string) => font.widthOfTextAtSize(s, 13);
      // Widths chosen so that a character-by-character break would put "。" first on a line or
      // "《" last on one.
      for (const w of [430, 434, 436, 440, 450, 455, 460, 470, 480]) {
        lines = wrapText(paragraph, w, at13);
        for (const [i, line] of lines.entries()) {
          expect(at13(line)).toBeLessThanOrEqual(w);
          if (i > 0) expect('。，、；：）》”').not.toContain(line[0]);
          expect(line.endsWith('《') || line.endsWith('“') || line.endsWith('（')).toBe(false);
          expect(/\d$/.test(line) && /^\d/.test(lines[i + 1] ?? '')).toBe(false);
        }
        expect(lines.join('')).toBe(paragraph);
      }
    });
    expect(lines.length).toBeGreaterThan(1);
  });
});
