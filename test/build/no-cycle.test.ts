/**
 * No import cycle under src/ (issue 22), type-only ones included: `import type`, `export type … from`,
 * `import('…')` types and dynamic imports are all edges. ESLint's `import/no-cycle` skips type imports, and the
 * cycle it would have missed was one (the profiles and rules imported `Guard` from the audit that runs them, a
 * 24-file strongly connected component; design-review-3). The graph is read with the TypeScript compiler's own
 * parser and module resolution, so it is the graph `tsc` sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, jsx: ts.JsxEmit.ReactJSX, allowJs: false };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file names: static and dynamic imports, re-exports and `import('…')` types. */
function specifiers(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) out.push(n.moduleSpecifier.text);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) out.push(n.moduleReference.expression.text);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) out.push(n.argument.literal.text);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteralLike(n.arguments[0])) out.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The import graph of `files`: each file → the files of the set it imports (packages are left out). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const inSet = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const to = specifiers(file)
      .map((s) => ts.resolveModuleName(s, file, OPTIONS, ts.sys).resolvedModule?.resolvedFileName)
      .filter((f): f is string => f !== undefined && inSet.has(f));
    graph.set(file, [...new Set(to)]);
  }
  return graph;
}

/** The strongly connected components with more than one file, or one file importing itself (Tarjan). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

describe('import cycles', () => {
  it('the check finds a cycle, a self-import and none in a chain', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    expect(cyclesOf(g({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c']]);
    expect(cyclesOf(g({ a: ['a'] }))).toEqual([['a']]);
    expect(cyclesOf(g({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('reads type-only imports and re-exports as edges', () => {
    const graph = importGraph(sources(join(ROOT, 'src', 'core')));
    // annexes/rules.ts imports only types from guard.ts; settings.ts and index.ts reach settingsFields.ts by export … from.
    expect(graph.get(join(ROOT, 'src', 'core', 'annexes', 'rules.ts'))).toContain(join(ROOT, 'src', 'core', 'guard.ts'));
    expect(graph.get(join(ROOT, 'src', 'core', 'index.ts'))).toContain(join(ROOT, 'src', 'core', 'settingsFields.ts'));
  });

  it('src/ has none, type-only ones included', () => {
    const graph = importGraph(sources(join(ROOT, 'src')));
    expect(graph.size).toBeGreaterThan(100);
    expect(cyclesOf(graph).map((c) => c.map((f) => relative(ROOT, f).split('\\').join('/')))).toEqual([]);
  });
});
