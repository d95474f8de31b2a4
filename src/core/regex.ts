/**
 * Regex helpers for the old webviews Office still uses (EdgeHTML 18 in Excel 2019, Trident): they cannot
 * parse lookbehind `(?<!…)`, so the core writes none and filters matches here instead.
 */

/**
 * The next match of the global `re` whose number group does not directly follow a character of `before`
 * — what `(?<![before])` in front of that group does. `groupStart` says where the guarded group starts in
 * the match (0: at its start). A rejected match is retried one character later, as the regex engine
 * would move on from a failed lookbehind at the start of the pattern.
 *
 * @example execNotAfter(/(\d+)月/g, '12.3月5月', /[\d.]/) // matches `5月`, not the `3月` of `12.3`
 */
export function execNotAfter(re: RegExp, text: string, before: RegExp, groupStart: (m: RegExpExecArray) => number = () => 0): RegExpExecArray | null {
  for (;;) {
    const m = re.exec(text);
    if (m === null) return null;
    const at = m.index + groupStart(m);
    if (at === 0 || !before.test(text.charAt(at - 1))) return m;
    re.lastIndex = m.index + 1;
  }
}
