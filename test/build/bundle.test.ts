/**
 * The built pane and function file run in the webviews Office still uses (problem 2). Office 2019 retail and
 * Microsoft 365 before 16.0.13530 on Windows use EdgeHTML 18, older ones Trident (IE 11)
 * (office-js-docs-pr concepts/browsers-used-by-office-web-add-ins.md). Every built chunk must parse as
 * ES2018, with none of the ES2018+ syntax Edge 18 lacks (object rest/spread, async iteration, `?.`, `??`,
 * class fields); Trident gets an ES5 page that names the Office to update instead of a blank pane.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { walk, type Walked } from '../helpers/bundleSyntax';
import { paneBuild, ROOT, runNode, WEBPACK_CLI } from '../helpers/builds';

/** Every file under `dir`, as relative paths. */
function tree(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tree(dir, join(rel, e.name)) : [join(rel, e.name)])).sort();
}

describe('built bundle (webpack production)', () => {
  // Builds spawn webpack: bounded by what a hang would be, not by how fast a loaded machine is.
  jest.setTimeout(600_000);
  let out: string;
  let files: string[];

  beforeAll(async () => {
    // The production build the preview serves (test/helpers/builds.ts), made once per run and shared with the browser
    // suites; its chunks are those of any production build (only the Office.js URL in them differs).
    out = await paneBuild();
    files = readdirSync(out);
  });

  it('every chunk parses as ES2018 and uses none of the syntax EdgeHTML 18 lacks (lookbehind included)', () => {
    const chunks = files.filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => f.startsWith('taskpane.'))).toBe(true);
    expect(chunks.some((f) => f.startsWith('commands.'))).toBe(true);
    const lookbehind = new Set<string>();
    for (const f of chunks) {
      const src = readFileSync(join(out, f), 'utf8');
      let ast: acorn.Node;
      try {
        ast = acorn.parse(src, { ecmaVersion: 2018, sourceType: 'script' });
      } catch (e) {
        throw new Error(`${f} does not parse as ES2018: ${(e as Error).message}`);
      }
      const walked: Walked = { edge18Gaps: [], lookbehind };
      walk(ast, walked);
      expect({ chunk: f, gaps: walked.edge18Gaps }).toEqual({ chunk: f, gaps: [] });
    }
  });

  it('the pane page carries an ES5 guard that replaces a blank pane on Trident / a failed start on EdgeHTML with the catalogue message', () => {
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    const guard = /<script>((?:(?!<\/script>)[\s\S])*Trident(?:(?!<\/script>)[\s\S])*)<\/script>/.exec(html)?.[1];
    expect(guard).toBeDefined();
    expect(() => acorn.parse(guard ?? '', { ecmaVersion: 5 })).not.toThrow();
    expect(guard).toContain('此 Office 使用的浏览器组件过旧');
    expect(guard).toContain('Update Office to a current Microsoft 365');
    // The guard runs before Office.js and before the pane's own (deferred) script.
    expect(html.indexOf('Trident')).toBeLessThan(html.indexOf('office.js'));
  });

  it('self-hosted Office.js (OFFICE_JS_SELF_HOST=1): the files are copied beside the pane and both pages load them from there', async () => {
    // The real build with a stand-in Office.js folder and one-line entries (test/helpers/stubEntries.js): the same
    // pages, manifest and copying in seconds, without compiling the pane again or copying the 86 MB npm copy.
    const work = mkdtempSync(join(tmpdir(), 'annex-pane-self-'));
    try {
      const source = join(work, 'office-js-source');
      const shipped = '/* as shipped */\nvar  officeJs = 1;\n';
      mkdirSync(join(source, 'zh-cn'), { recursive: true });
      for (const f of ['office.js', 'excel-win32-16.01.js', join('zh-cn', 'office_strings.js')]) writeFileSync(join(source, f), `${shipped}// ${f}\n`);
      const dir = join(work, 'out');
      const r = await runNode([join(ROOT, 'test', 'helpers', 'stubEntries.js'), 'webpack.config.js', dir], {
        OFFICE_JS_SELF_HOST: '1',
        OFFICE_JS_DIR: source,
        ADDIN_BASE_URL: 'https://addins.example.gov.cn/annex-audit',
      });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      const url = 'https://addins.example.gov.cn/annex-audit/office-js/office.js';
      expect(readFileSync(join(dir, 'taskpane.html'), 'utf8')).toContain(url);
      expect(readFileSync(join(dir, 'commands.html'), 'utf8')).toContain(url);
      // Every file of the folder, subfolders included, copied as shipped (never re-minified).
      expect(tree(join(dir, 'office-js'))).toEqual(tree(source));
      for (const f of tree(source)) expect(readFileSync(join(dir, 'office-js', f), 'utf8')).toBe(readFileSync(join(source, f), 'utf8'));
      expect(readFileSync(join(dir, 'manifest.xml'), 'utf8')).toContain('<SourceLocation DefaultValue="https://addins.example.gov.cn/annex-audit/taskpane.html"/>');
      // Without OFFICE_JS_DIR the files come from the npm copy, which has the ones the pages load.
      expect(readdirSync(join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist'))).toEqual(expect.arrayContaining(['office.js', 'excel-win32-16.01.js']));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('a production build refuses a plain-http ADDIN_BASE_URL (Office requires https)', async () => {
    const r = await runNode([WEBPACK_CLI, '--mode', 'production', '--output-path', join(tmpdir(), 'annex-never')], { ADDIN_BASE_URL: 'http://intranet/annex' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('ADDIN_BASE_URL must be https://');
  });
});
