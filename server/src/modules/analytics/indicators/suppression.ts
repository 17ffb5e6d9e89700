/**
 * Small-cell suppression of public figures, primary and secondary (complementary), written once
 * and applied to every answer the public gets (indicators, open-data datasets).
 *
 * Primary: a cell counting fewer than k people is withheld. Secondary: the cells of one answer
 * partition the slice, whose total the public can also read (`by=total`, or the same slice broken
 * down another way), so one withheld cell would be the total minus the published others. When an
 * answer withholds any cell, it also withholds the next smallest cells (fewest people, then by key)
 * until at least two are withheld and together they count at least k people: the total minus the
 * published others is then a sum of several withheld cells, never one of them.
 */

/** Indices of the cells of one answer to withhold, given each cell's count of distinct people. */
export function withheldCells(counts: readonly number[], k: number, keys: readonly string[] = []): Set<number> {
  const withheld = new Set(counts.flatMap((n, i) => (n < k ? [i] : [])));
  if (withheld.size === 0) return withheld;
  const others = counts
    .map((n, i) => ({ n, i, key: keys[i] ?? '' }))
    .filter((c) => !withheld.has(c.i))
    .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  const sum = () => [...withheld].reduce((s, i) => s + counts[i]!, 0);
  for (const next of others) {
    if (withheld.size >= 2 && sum() >= k) break;
    withheld.add(next.i);
  }
  return withheld;
}
