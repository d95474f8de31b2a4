/**
 * What a built script may use: ES2018 syntax without the parts EdgeHTML 18 lacks (object rest/spread, async
 * iteration, async generators) and without regex lookbehind, named groups, the `s` flag or `\p{…}` escapes,
 * which old Chromium-based webviews (some WPS builds) and Edge 18 cannot parse. Shared by the Office pane's bundle
 * test and the WPS folder's.
 */
import * as acorn from 'acorn';

export interface Walked {
  readonly edge18Gaps: string[];
  readonly lookbehind: Set<string>;
}

export function walk(node: unknown, out: Walked): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walk(n, out);
    return;
  }
  const n = node as { type?: string; regex?: { pattern: string; flags: string }; async?: boolean; generator?: boolean; await?: boolean };
  switch (n.type) {
    case 'SpreadElement':
    case 'RestElement':
      // Array spread/rest is ES2015; only object spread/rest (ES2018) is missing in Edge 18 — checked by the parent.
      break;
    case 'ObjectExpression':
    case 'ObjectPattern':
      for (const p of (node as { properties: { type: string }[] }).properties) if (p.type === 'SpreadElement' || p.type === 'RestElement') out.edge18Gaps.push(`object ${p.type}`);
      break;
    case 'ForOfStatement':
      if (n.await) out.edge18Gaps.push('for await');
      break;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
      if (n.async && n.generator) out.edge18Gaps.push('async generator');
      break;
    case 'Literal':
      if (n.regex) {
        if (/\(\?<[=!]/.test(n.regex.pattern)) out.edge18Gaps.push(`lookbehind /${n.regex.pattern}/`);
        if (/\(\?<[A-Za-z]/.test(n.regex.pattern) || n.regex.flags.includes('s') || /\\[pP]\{/.test(n.regex.pattern)) out.edge18Gaps.push(`regex /${n.regex.pattern}/${n.regex.flags}`);
      }
      break;
    default:
      break;
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'type' && typeof v === 'object') walk(v, out);
}

/** The gaps of one script (throws when it does not parse as ES2018 at all). */
export function syntaxGaps(src: string, name: string): string[] {
  let ast: acorn.Node;
  try {
    ast = acorn.parse(src, { ecmaVersion: 2018, sourceType: 'script' });
  } catch (e) {
    throw new Error(`${name} does not parse as ES2018: ${(e as Error).message}`);
  }
  const walked: Walked = { edge18Gaps: [], lookbehind: new Set() };
  walk(ast, walked);
  return walked.edge18Gaps;
}
