/**
 * The WPS加载项 folder `npm run build:wps` produces: every file WPS and `wpsjs publish` need, ribbon.xml well-formed
 * and starting with `<customUI` (the publish page refuses an XML declaration), its callbacks defined by main.js,
 * the pane URL from WPS_ADDIN_URL, the pane without Office.js, and every script parseable by the old Chromium some
 * WPS builds embed (the Edge 18 level of test/build/bundle.test.ts, no `crypto.randomUUID`; main.js plain ES5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as acorn from 'acorn';
import { SaxesParser } from 'saxes';
import { runNode, WEBPACK_CLI, WPS_URL_SETTING as URL_SETTING, wpsBuild } from '../helpers/builds';
import { syntaxGaps } from '../helpers/bundleSyntax';

const PANE_URL = `${URL_SETTING}/taskpane.html`;

function wellFormed(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

describe('npm run build:wps', () => {
  // The build spawns webpack: bounded by what a hang would be, not by how fast a loaded machine is.
  jest.setTimeout(600_000);
  let out: string;
  let files: string[];
  const read = (f: string): string => readFileSync(join(out, f), 'utf8');

  beforeAll(async () => {
    // Made once per run with WPS_ADDIN_URL = URL_SETTING and shared with test/e2e/wps.test.ts (test/helpers/builds.ts).
    out = await wpsBuild();
    files = readdirSync(out);
  });

  it('has the add-in’s files: index.html, main.js, ribbon.xml, manifest.xml, the pane, icons, package.json, jsplugins.xml', () => {
    expect(files).toEqual(expect.arrayContaining(['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'taskpane.html', 'package.json', 'jsplugins.xml', 'assets']));
    expect(files.some((f) => /^taskpane\.[0-9a-f]+\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^ribbon\.[0-9a-f]+\.js$/.test(f))).toBe(true);
    expect(readdirSync(join(out, 'assets'))).toContain('icon-32.png');
    expect(JSON.parse(read('package.json'))).toMatchObject({ name: 'AnnexAudit', addonType: 'et' });
    expect(() => wellFormed(read('manifest.xml'))).not.toThrow();
  });

  it('ribbon.xml starts with <customUI, is well-formed, has the three buttons, and names only callbacks main.js defines', () => {
    const xml = read('ribbon.xml');
    expect(xml.startsWith('<customUI')).toBe(true);
    expect(() => wellFormed(xml)).not.toThrow();
    expect(() => wellFormed(`${xml}<extra/>`)).toThrow();
    const labels = [...xml.matchAll(/<button [^>]*label="([^"]+)"/g)].map((m) => m[1]);
    expect(labels).toEqual(['打开审核助手', '一键重算', '清除标记']);
    const callbacks = new Set([...xml.matchAll(/\b(?:onLoad|onAction|getImage)="(\w+)"/g)].map((m) => m[1]));
    const main = acorn.parse(read('main.js'), { ecmaVersion: 5, sourceType: 'script' }) as unknown as { body: { type: string; id?: { name: string }; declarations?: { id: { name: string } }[] }[] };
    const defined = new Set(main.body.flatMap((n) => (n.type === 'FunctionDeclaration' && n.id ? [n.id.name] : (n.declarations ?? []).map((d) => d.id.name))));
    for (const c of callbacks) expect(defined).toContain(c);
  });

  it('main.js opens the pane at the URL from WPS_ADDIN_URL, runs the commands, and says so when the commands did not load', async () => {
    const calls: unknown[][] = [];
    const alerts: string[] = [];
    const api = {
      openPane: (url: string) => (calls.push(['openPane', url]), Promise.resolve(null)),
      recompute: () => (calls.push(['recompute']), Promise.resolve('已写入汇总表')),
      clear: () => (calls.push(['clear']), Promise.resolve('已清除标记。')),
    };
    const window: Record<string, unknown> = { AnnexAuditWps: api, localStorage: { getItem: () => null } };
    const sandbox: Record<string, unknown> = { window, alert: (m: string) => alerts.push(m) };
    runInNewContext(read('main.js'), sandbox);
    const onAction = sandbox['OnAction'] as (c: { Id: string }) => boolean;
    expect(onAction({ Id: 'annexAuditOpen' })).toBe(true);
    onAction({ Id: 'annexAuditRecompute' });
    onAction({ Id: 'annexAuditClear' });
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual([['openPane', PANE_URL], ['recompute'], ['clear']]);
    expect(alerts).toEqual(['已写入汇总表', '已清除标记。']);
    delete window['AnnexAuditWps'];
    onAction({ Id: 'annexAuditRecompute' });
    expect(alerts[2]).toMatch(/^附件审核助手未能加载/);
    expect(read('jsplugins.xml')).toContain(`url="${URL_SETTING}/"`);
  });

  it('index.html loads main.js and then (through the floor guard\'s loader) the ribbon commands; the pane page loads no Office.js', () => {
    const index = read('index.html');
    const scripts = [...index.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(['main.js']);
    // The loader comes after main.js and loads the ribbon commands (test/build/floor.test.ts runs it).
    const loaded = /<script data-annex-scripts="([^"]*)"/.exec(index)?.[1];
    expect(loaded).toMatch(/^ribbon\.[0-9a-f]+\.js$/);
    expect(index.indexOf('data-annex-scripts')).toBeGreaterThan(index.indexOf('main.js'));
    const pane = read('taskpane.html');
    expect(pane).not.toMatch(/office\.js/i);
    expect(pane).toMatch(/taskpane\.[0-9a-f]+\.js/);
  });

  it('every script parses at the level of the old Chromium WPS may embed (Edge 18 level; no crypto.randomUUID); main.js as ES5', () => {
    const chunks = files.filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(3);
    for (const f of chunks.filter((c) => c !== 'main.js')) {
      const src = read(f);
      expect({ chunk: f, gaps: syntaxGaps(src, f) }).toEqual({ chunk: f, gaps: [] });
      expect({ chunk: f, randomUUID: src.includes('randomUUID') }).toEqual({ chunk: f, randomUUID: false });
    }
    expect(() => acorn.parse(read('main.js'), { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  it('refuses a plain-http WPS_ADDIN_URL for production', async () => {
    const r = await runNode([WEBPACK_CLI, '--config', 'webpack.wps.config.js', '--mode', 'production', '--output-path', join(tmpdir(), 'annex-wps-never')], {
      WPS_ADDIN_URL: 'http://intranet/annex',
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('WPS_ADDIN_URL must be https://');
  });
});
