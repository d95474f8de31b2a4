/** Rows that repeat an earlier row's key: the one helper every duplicate rule uses. */

export interface Duplicate<T> {
  readonly row: T;
  /** The first row with the same key. */
  readonly first: T;
}

/**
 * Each row whose key an earlier row already had, paired with that first row. Blank keys are never
 * duplicates (a row whose name was not read cannot repeat another).
 */
/** A key of blank parts only (`''`, `'|'`, `'||'`): no row's key. */
function blankKey(k: string): boolean {
  for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) !== 0x7c) return false;
  return true;
}

export function duplicatesByKey<T>(rows: readonly T[], key: (row: T) => string): Duplicate<T>[] {
  const seen = new Map<string, T>();
  const out: Duplicate<T>[] = [];
  for (const row of rows) {
    const k = key(row);
    if (blankKey(k)) continue;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, row);
    else out.push({ row, first });
  }
  return out;
}
