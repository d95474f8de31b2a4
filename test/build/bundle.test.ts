/**
 * The built pane and function file run in the webviews Office still uses (problem 2). Office 2019 retail and
 * Microsoft 365 before 16.0.13530 on Windows use EdgeHTML 18, older ones Trident (IE 11)
 * (office-js-docs-pr concepts/browsers-used-by-office-web-add-ins.md). Every built chunk must parse as
 * ES2018, with none of the ES2018+ syntax Edge 18 lacks (object rest/spread, async iteration, `?.`, `??`,
 * class fields); Trident gets an ES5 page that names the Office to update instead of a blank pane.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { walk, type Walked } from '../helpers/bundleSyntax';

const ROOT = join(__dirname, '..', '..');

describe('built bundle (webpack production)', () => {
  jest.setTimeout(300_000);
  let out: string;
  let files: string[];

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'annex-pane-'));
    const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, OFFICE_JS_QUIET: '1' },
    });
    if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
    files = readdirSync(out);
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

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

  it('self-hosted Office.js (OFFICE_JS_SELF_HOST=1): the files are copied beside the pane and both pages load them from there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-pane-self-'));
    try {
      const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, OFFICE_JS_SELF_HOST: '1', ADDIN_BASE_URL: 'https://addins.example.gov.cn/annex-audit' },
      });
      expect(r.status).toBe(0);
      const url = 'https://addins.example.gov.cn/annex-audit/office-js/office.js';
      expect(readFileSync(join(dir, 'taskpane.html'), 'utf8')).toContain(url);
      expect(readFileSync(join(dir, 'commands.html'), 'utf8')).toContain(url);
      expect(readdirSync(join(dir, 'office-js'))).toEqual(expect.arrayContaining(['office.js', 'excel-win32-16.01.js']));
      expect(readFileSync(join(dir, 'manifest.xml'), 'utf8')).toContain('<SourceLocation DefaultValue="https://addins.example.gov.cn/annex-audit/taskpane.html"/>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a production build refuses a plain-http ADDIN_BASE_URL (Office requires https)', () => {
    const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', join(tmpdir(), 'annex-never')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ADDIN_BASE_URL: 'http://intranet/annex' },
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('ADDIN_BASE_URL must be https://');
  });
});
