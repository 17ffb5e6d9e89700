/**
 * Chinese-aware tokens for the search index and for queries: jieba segmentation (search mode,
 * jieba-rs compiled to WebAssembly: one package for every platform, no native binaries),
 * full pinyin and initials of every word and phrase ("yyzz" → 营业执照), synonyms, and a stop
 * list for the words people wrap a request in ("我要…办理", "怎么办").
 */
import { cut_for_search as cutForSearch } from 'jieba-wasm';
import { pinyin } from 'pinyin-pro';

/** Words that carry no meaning for finding an item. */
const STOP = new Set([
  '我',
  '我要',
  '我想',
  '想',
  '要',
  '请问',
  '怎么',
  '怎样',
  '如何',
  '在哪',
  '哪里',
  '哪儿',
  '去哪',
  '什么',
  '需要',
  '办理',
  '办',
  '申请',
  '手续',
  '流程',
  '的',
  '了',
  '吗',
  '呢',
  '啊',
  '和',
  '与',
  '及',
  '或',
  '在',
  '给',
  '把',
  '一下',
  '可以',
  '能',
  '能否',
  '是否',
  '网上',
  '服务',
  '事项',
]);

/** Leading phrasing stripped before the whole query is matched as a phrase ("我要开饭店" → "开饭店"). */
const LEADING = /^(我想要|我想|我要|请问|怎么|如何|怎样|想要|帮我)+/;
const TRAILING = /(怎么办理|怎么办|如何办理|在哪里办|在哪办|要什么材料|需要什么材料|的流程|流程|手续|办理)+$/;

/**
 * Names of items at a later stage of a licence's or a record's life. Someone who asks in general
 * terms ("营业执照", "婚姻登记") usually wants the first-time item; asked with one of these words
 * ("驾照换证") they want exactly that stage.
 */
export const LATER_STAGE = '变更|注销|补发|补领|补证|换证|换发|换领|延续|撤销|迁出|离婚|遗失|挂失|停业|歇业';
const LATER_STAGE_RE = new RegExp(LATER_STAGE);

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;
const LATIN_RUN = /[a-z0-9]+/g;

export function normaliseQuery(q: string): string {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/[，。、；：？！“”‘’（）《》【】,.;:?!"'()<>[\]{}|\\/@#$%^&*+=~`]/g, ' ')
    .trim()
    .slice(0, 100);
}

/** The query's core phrase without "我要…办理" wrapping, spaces removed. */
export function corePhrase(q: string): string {
  return normaliseQuery(q).replace(/\s+/g, '').replace(LEADING, '').replace(TRAILING, '');
}

function words(text: string): string[] {
  return cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && !/^[\p{P}\p{S}\s]+$/u.test(w));
}

/**
 * Full pinyin and initials of a Han phrase of two characters or more, without tones or spaces:
 * 营业执照 → yingyezhizhao, yyzz. One character's pinyin is one syllable: it would match by
 * coincidence ("ban" is 办, 班, 半…), so single characters have none.
 */
export function pinyinForms(phrase: string): string[] {
  if ((phrase.match(HAN_G) ?? []).length < 2) return [];
  const full = pinyin(phrase, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^a-z0-9]/g, '');
  const initials = pinyin(phrase, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^a-z0-9]/g, '');
  return [full, initials].filter((s) => s.length > 1);
}

/** Lexemes for indexing a text of strong weight (names, keywords): words, the phrase itself, pinyin. */
export function strongTokens(phrases: string[]): string[] {
  const out = new Set<string>();
  for (const raw of phrases) for (const t of phraseLexemes(raw)) out.add(t);
  return [...out];
}

/** Lexemes for indexing body text (conditions, materials, legal basis): words only. */
export function weakTokens(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const w of textLexemes(t)) out.add(w);
  return [...out];
}

/**
 * Lexemes of one text, remembered: the catalogue repeats the same names, materials and
 * conditions in every county's implementation of an item (12,000 implementations, a few
 * thousand distinct texts), and segmenting is the cost of building the index.
 */
function remembered(compute: (text: string) => readonly string[]): (text: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (text) => {
    let found = cache.get(text);
    if (found === undefined) {
      if (cache.size >= 20_000) cache.clear();
      found = compute(text);
      cache.set(text, found);
    }
    return found;
  };
}

const phraseLexemes = remembered((raw) => {
  const out = new Set<string>();
  const phrase = normaliseQuery(raw).replace(/\s+/g, '');
  if (!phrase) return [];
  out.add(phrase);
  for (const p of pinyinForms(phrase)) out.add(p);
  for (const w of words(phrase)) {
    out.add(w);
    if (w.length > 1) for (const p of pinyinForms(w)) out.add(p);
  }
  return [...out];
});

const textLexemes = remembered((t) => words(normaliseQuery(t)).filter((w) => !STOP.has(w) && w.length > 1));

/** Words of an English name that say something (no "of", "the"…), for indexing and matching. */
const ENGLISH_STOP = new Set([
  'of',
  'the',
  'and',
  'for',
  'a',
  'an',
  'to',
  'in',
  'on',
  'with',
  'or',
  'by',
  'at',
  'from',
]);
export function englishTokens(name: string): string[] {
  const words = name.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return [...new Set(words.filter((w) => w.length > 1 && !ENGLISH_STOP.has(w)))];
}

/** A pinyin syllable at the start of a Latin lexeme (longest finals first). */
const SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|er|a|o|e|i|u|v)/;

/**
 * The shortest query prefix that may match a Latin lexeme: past its first pinyin syllable (one
 * syllable is one character: "zhi" must not find 执照 by 执), at least two letters of initials
 * ("yy" for yyzz covers two characters) and three of an English word; codes (digits first) from one.
 */
export function minPrefixLength(lexeme: string): number {
  // A code (digits first) from one character; pinyin with digits inside ("nianman70zhousui" for
  // 年满70周岁) is judged by its letters before the first digit, like any other pinyin.
  if (/^\d/.test(lexeme)) return 1;
  const letters = /^[a-z]+/.exec(lexeme)?.[0] ?? lexeme;
  const syllable = SYLLABLE.exec(letters)?.[0].length ?? 0;
  // Initials are consonants but for a few syllables (安 a, 额 e, 欧 o); a word with vowels is English.
  const initials = syllable === 0 && !/[aeiou]/.test(letters.slice(1));
  return Math.min(lexeme.length, initials ? 2 : Math.max(syllable + 1, 3));
}

export interface QueryTokens {
  /** Han words (with synonym expansions) matched exactly. */
  terms: string[];
  /** Latin runs matched as prefixes of pinyin or codes. */
  prefixes: string[];
  /**
   * What the query asks for in its own words (Han words without synonyms, Latin runs): each one
   * the index knows nothing of still counts in the query's weight, so that one matched
   * coincidence among unknown words is not a result.
   */
  anchors: string[];
  /** Characters of the query's words that synonyms answer (known whatever the index holds). */
  covered: number;
  /** The core phrase, matched whole for a strong boost. */
  phrase: string;
  /** The query names a later life-cycle stage (变更, 注销, 补证…). */
  laterStage: boolean;
}

export type Synonyms = ReadonlyMap<string, readonly string[]>;

export function queryTokens(q: string, synonyms: Synonyms = new Map()): QueryTokens {
  const normalised = normaliseQuery(q);
  const phrase = corePhrase(q);
  const prefixes = [...new Set(normalised.match(LATIN_RUN) ?? [])].filter((p) => p.length >= 2 || /\d/.test(p));
  const han = normalised.replace(LATIN_RUN, ' ');
  const terms = new Set<string>();
  const hanWords = words(han).filter((w) => HAN.test(w));
  const meaningful = hanWords.filter((w) => !STOP.has(w));
  // Single characters say little ("开" in 开饭店) and match by coincidence; only a query of one
  // character is searched for it. The whole phrase counts when a word of it was recognised.
  const lone = meaningful.length === 1 && [...phrase].length === 1;
  const chosen = lone ? meaningful : meaningful.filter((w) => w.length > 1);
  for (const w of chosen) terms.add(w);
  if (chosen.length > 0 && phrase && HAN.test(phrase)) terms.add(phrase);
  // A word with synonyms is answered by them; the whole phrase only lifts what its words found.
  const expanded = new Set<string>();
  for (const t of [...terms]) {
    const expansions = synonyms.get(t) ?? [];
    if (expansions.length > 0) expanded.add(t);
    for (const e of expansions) for (const w of [e, ...words(e)]) if (w.length > 1 && !STOP.has(w)) terms.add(w);
  }
  const answered = (w: string) => expanded.has(w) || (expanded.has(phrase) && phrase.includes(w));
  const anchors = [...chosen.filter((w) => !answered(w)), ...prefixes];
  const covered = chosen.filter(answered).reduce((n, w) => n + w.length, 0);
  return { terms: [...terms], prefixes, anchors, covered, phrase, laterStage: LATER_STAGE_RE.test(normalised) };
}
