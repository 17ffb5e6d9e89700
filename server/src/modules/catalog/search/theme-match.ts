/**
 * Themes (一件事) in search results: a theme is shown when the query (with its synonyms) names it —
 * a word of its name or its "我要…" title — and ranked by how much of the query it covers, its
 * description counting for less. "生孩子" (synonyms 出生医学证明, 生育) → 新生儿出生一件事.
 */
import type { ThemeSummary } from '../../../../../contracts/catalog.js';
import { strongTokens, weakTokens, type QueryTokens } from './tokenizer.js';

interface ThemeEntry {
  theme: ThemeSummary;
  strong: Set<string>;
  weak: Set<string>;
}

export class ThemeMatcher {
  private readonly entries: ThemeEntry[];

  constructor(themes: readonly ThemeSummary[]) {
    this.entries = themes.map((theme) => ({
      theme,
      strong: new Set(strongTokens([theme.name, theme.name.replace(/一件事$/, ''), theme.title])),
      weak: new Set(weakTokens([theme.description])),
    }));
  }

  match(tokens: QueryTokens, limit = 3): ThemeSummary[] {
    const found: { theme: ThemeSummary; score: number }[] = [];
    for (const e of this.entries) {
      let score = 0;
      let named = false;
      for (const t of [...tokens.terms, ...tokens.prefixes]) {
        if (e.strong.has(t)) {
          score += 1;
          named = true;
        } else if (e.weak.has(t)) score += 0.3;
      }
      if (named) found.push({ theme: e.theme, score });
    }
    return found
      .sort((a, b) => b.score - a.score || a.theme.name.localeCompare(b.theme.name, 'zh'))
      .slice(0, limit)
      .map((f) => f.theme);
  }
}
