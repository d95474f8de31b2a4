/**
 * Shares as the 通报 publishes them: one decimal, rounded by the largest-remainder method so that
 * the shares of a group add up to exactly 100.0%.
 */

/**
 * Largest-remainder rounding of `counts` as percentages with `decimals` decimals. Ties in the
 * remainder go to the earlier class (the document's order), which reproduces the published 8.8% /
 * 80% / 11.2% for 7 / 64 / 9 of 80.
 *
 * @example largestRemainderShares([7, 64, 9]) // → [8.8, 80, 11.2]
 */
export function largestRemainderShares(counts: readonly number[], decimals = 1): number[] {
  const total = counts.reduce((a, c) => a + c, 0);
  if (total <= 0) return counts.map(() => 0);
  const scale = 100 * 10 ** decimals;
  // Work in integers (units of 10^-decimals percent) so float noise never decides a tie.
  const exact = counts.map((c) => (c * scale) / total);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = scale - floors.reduce((a, f) => a + f, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x - (floors[i] ?? 0) }))
    .sort((a, b) => (Math.abs(b.rem - a.rem) > 1e-9 ? b.rem - a.rem : a.i - b.i));
  const units = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    units[i] = (units[i] ?? 0) + 1;
    left--;
  }
  return units.map((u) => u / 10 ** decimals);
}

/** Plain half-up rounding of count ÷ total as a percentage. */
export function naiveShare(count: number, total: number, decimals = 1): number {
  if (total <= 0) return 0;
  const f = 10 ** decimals;
  return Math.round(((count * 100) / total) * f + 1e-9) / f;
}

/** `80` → `80`, `8.8` → `8.8`: the document writes whole shares without `.0`. */
export function formatShare(share: number, decimals = 1): string {
  const s = share.toFixed(decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
