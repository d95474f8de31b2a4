/**
 * Manifest minimum, runtime feature checks and docs agree (problem 3). Every Excel.* and Office.* member the
 * shipped code uses is found with the TypeScript checker, with its `[Api set: …]` from @types/office-js; the
 * list must equal docs/office-api.md, and a member above the manifest's ExcelApi minimum must be named by a
 * feature in src/excel/requirements.ts (at that set or higher) and used only inside a check of that feature
 * (an `if`, `&&` or `?:` whose condition names the feature).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { FEATURE_SPECS, MANIFEST_EXCEL_API } from '../../src/excel/requirements';

const ROOT = join(__dirname, '..', '..');

interface Use {
  readonly member: string;
  readonly set: string;
  readonly file: string;
  readonly node: ts.Node;
}

function version(v: string): number[] {
  return v.split('.').map(Number);
}

function above(a: string, b: string): boolean {
  const x = version(a);
  const y = version(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

function apiSetOf(decl: ts.Declaration): string {
  const text = decl.getSourceFile().text.slice(decl.getFullStart(), decl.getStart());
  const m = /\[Api set: ([^\]]+)\]/.exec(text);
  if (m?.[1]) return m[1].trim();
  const req = /\*\*Requirement set\*\*: \{@link [^|]*\| ([^}]+)\}/.exec(text);
  return req?.[1]?.trim() ?? '—';
}

function collect(): Use[] {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.pane.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram({ rootNames: parsed.fileNames.filter((f) => /src\/(excel|commands|taskpane)\//.test(f)), options: parsed.options });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!/\/src\/(excel|commands|taskpane)\//.test(sf.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const decl = symbol?.declarations?.[0];
        if (decl && /@types\/office-js\/index\.d\.ts$/.test(decl.getSourceFile().fileName)) {
          const owner = decl.parent && (ts.isInterfaceDeclaration(decl.parent) || ts.isClassDeclaration(decl.parent)) ? decl.parent.name?.text : undefined;
          let ns = decl.parent;
          while (ns && !ts.isModuleDeclaration(ns)) ns = ns.parent;
          const nsName = ns && ts.isModuleDeclaration(ns) ? ns.name.text : '';
          const name = [nsName, owner, symbol?.name].filter(Boolean).join('.');
          if (/^(Excel|Office|OfficeExtension)\./.test(name)) uses.push({ member: name, set: apiSetOf(decl), file: sf.fileName.slice(ROOT.length + 1), node });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** True when the node sits in the taken branch of a condition that names the feature. */
function guarded(node: ts.Node, feature: string): boolean {
  const names = (n: ts.Node): boolean => n.getText().includes(feature);
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child === p.thenStatement && names(p.expression)) return true;
    if (ts.isConditionalExpression(p) && child === p.whenTrue && names(p.condition)) return true;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right && names(p.left)) return true;
  }
  return false;
}

describe('Office.js members and requirement sets', () => {
  const uses = collect();
  const table = new Map<string, string>();
  for (const u of uses) table.set(u.member, u.set);

  it('the manifest asks for the ExcelApi minimum the adapter declares', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    expect(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1]).toBe(MANIFEST_EXCEL_API);
  });

  it('every member above the manifest minimum belongs to a runtime-checked feature and is used only behind its check', () => {
    const unguarded: string[] = [];
    for (const u of uses) {
      const m = /ExcelApi ([\d.]+)/.exec(u.set);
      if (!m?.[1] || !above(m[1], MANIFEST_EXCEL_API)) continue;
      const short = u.member.replace(/^Excel\./, '');
      const spec = FEATURE_SPECS.find((f) => f.members.includes(short));
      if (!spec || above(m[1], spec.version)) {
        unguarded.push(`${u.member} (${u.set}) in ${u.file}: no feature in requirements.ts`);
        continue;
      }
      if (!guarded(u.node, spec.feature)) unguarded.push(`${u.member} (${u.set}) in ${u.file}: not inside a check of '${spec.feature}'`);
    }
    expect(unguarded).toEqual([]);
    // The analysis does see the one member above the minimum (so this test can fail).
    expect(table.get('Excel.Range.getMergedAreasOrNullObject')).toBe('ExcelApi 1.13');
  });

  it('docs/office-api.md lists exactly the members used, with their sets', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'office-api.md'), 'utf8');
    const listed = new Map<string, string>();
    for (const m of doc.matchAll(/^\| `([^`]+)` \| ([^|]+) \|$/gm)) listed.set(m[1] ?? '', (m[2] ?? '').trim());
    const used = [...table.entries()].sort(([a], [b]) => a.localeCompare(b));
    const rows = used.map(([k, v]) => `| \`${k}\` | ${v} |`).join('\n');
    if (JSON.stringify([...listed.entries()].sort(([a], [b]) => a.localeCompare(b))) !== JSON.stringify(used)) throw new Error(`update docs/office-api.md:\n${rows}`);
  });
});
