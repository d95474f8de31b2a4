/**
 * Issue 20: every built page (the Office pane, the ribbon's function file, the WPS pane, the WPS ribbon page) is
 * loaded in a `vm` context (jsdom's) shaped like the runtime floor of runtime-floor.json — without `globalThis`,
 * `BigInt`, `Promise.allSettled`, `Object.fromEntries`, `queueMicrotask`, `TextEncoder` … — and like runtimes below
 * it. At the floor each page must run (the polyfill chunk, then its bundle); below it each must show the guard's
 * message (in the pane, in a dialog for an Office ribbon button, in an alert for a WPS one) and load no bundle.
 * Never an uncaught error, never a blank pane, never a silent button.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';
import type { DOMWindow } from 'jsdom';
import { paneBuild, ROOT, wpsBuild } from '../helpers/builds';
import { FLOOR, type LoadedPage, loadPage, type Shape, UA } from '../helpers/floorPage';
import { UI } from '../../src/core/i18n/ui';

type Win = DOMWindow & Record<string, unknown>;

const text = (w: DOMWindow): string => w.document.getElementById('root')?.textContent ?? '';
const ours = (requested: readonly string[]) => requested.filter((f) => f.endsWith('.js'));

/** A stand-in for what the function file uses of Office.js: associate, the dialog, onReady. */
function officeStub(win: Win) {
  const associated: Record<string, (event: { completed: () => void }) => unknown> = {};
  const dialogs: string[] = [];
  const closers: (() => void)[] = [];
  win['Office'] = {
    actions: { associate: (name: string, fn: (event: { completed: () => void }) => unknown) => (associated[name] = fn) },
    onReady: () => new Promise(() => undefined),
    context: {
      displayLanguage: 'zh-CN',
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          dialogs.push(url);
          cb({ status: 'succeeded', value: { addEventHandler: (_t: string, h: () => void) => closers.push(h) } });
        },
      },
    },
    AsyncResultStatus: { Succeeded: 'succeeded' },
    EventType: { DialogEventReceived: 'dialogEventReceived' },
    HostType: { Excel: 'Excel' },
  };
  return { associated, dialogs, closers };
}

describe('the built pages at and below the runtime floor (runtime-floor.json)', () => {
  jest.setTimeout(600_000);
  let pane: string;
  let wps: string;
  const open: LoadedPage[] = [];
  const load = async (...args: Parameters<typeof loadPage>): Promise<LoadedPage> => {
    const p = await loadPage(...args);
    open.push(p);
    return p;
  };

  beforeAll(async () => {
    [pane, wps] = await Promise.all([paneBuild(), wpsBuild()]);
  });

  afterAll(() => {
    for (const p of open) p.close();
  });

  it('the floor file is consistent: the guard and loader are ES5, and the build targets are the floor', () => {
    const html = readFileSync(join(pane, 'taskpane.html'), 'utf8');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(3); // the syntax probe, the guard, the loader
    expect(() => acorn.parse(inline[1] ?? '', { ecmaVersion: 5 })).not.toThrow();
    expect(() => acorn.parse(inline[2] ?? '', { ecmaVersion: 5 })).not.toThrow();
    expect(inline[1]).toContain(FLOOR.floor.label);
    // The polyfills cover the floor; nothing the floor must have natively is in the polyfilled list.
    for (const r of FLOOR.required) expect(FLOOR.polyfilled).not.toContain(r);
  });

  it('the docs state the floor of runtime-floor.json, in one page the deployment guides point to', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'runtime-floor.md'), 'utf8');
    expect(doc).toContain(`**Floor: ${FLOOR.floor.label}**`);
    for (const e of FLOOR.floor.engines) expect(doc).toContain(`${e.engine.replace(/ \(.*\)$/, '')} ${e.version}`);
    for (const guide of ['deployment.md', 'deployment-wps.md']) expect(readFileSync(join(ROOT, 'docs', guide), 'utf8')).toContain('(runtime-floor.md)');
  });

  const floorShapes: [string, string][] = [
    ['Chromium 70 (old WPS)', UA.chromium70],
    ['EdgeHTML 18', UA.edge18],
    ['Safari 12', UA.safari12],
  ];

  describe.each(floorShapes)('at the floor, %s', (_name, userAgent) => {
    it('the Office pane loads the polyfills, then its bundle, and renders (file mode outside Office)', async () => {
      const p = await load(pane, 'taskpane.html', { shape: 'floor', userAgent, settled: (w) => /打开工作簿/.test(text(w)) || (w as Win)['__paneReady'] !== undefined && text(w) !== '' });
      expect(p.errors).toEqual([]);
      expect(ours(p.requested)[0]).toMatch(/^polyfills\.[0-9a-f]+\.js$/);
      expect(ours(p.requested)[1]).toMatch(/^taskpane\.[0-9a-f]+\.js$/);
      expect(text(p.window)).toContain('附件审核助手');
      expect(text(p.window)).toContain('打开工作簿');
      // The shims came from the polyfill chunk, not from the bundle: BigInt stays absent.
      expect((p.window as Win)['BigInt']).toBeUndefined();
    });

    it('the ribbon’s function file registers both commands', async () => {
      let office: ReturnType<typeof officeStub> | undefined;
      const p = await load(pane, 'commands.html', { shape: 'floor', userAgent, before: (w) => (office = officeStub(w as Win)), settled: (w) => (w as Win)['__annexStarted'] === true });
      expect(p.errors).toEqual([]);
      expect(ours(p.requested).map((f) => f.replace(/\.[0-9a-f]+\.js$/, ''))).toEqual(['polyfills', 'commands']);
      expect(Object.keys(office?.associated ?? {}).sort()).toEqual(['clearMarks', 'recomputeSummaries']);
    });

    it('the WPS pane loads and renders', async () => {
      const p = await load(wps, 'taskpane.html', { shape: 'floor', userAgent, settled: (w) => /打开工作簿/.test(text(w)) });
      expect(p.errors).toEqual([]);
      expect(ours(p.requested)[0]).toMatch(/^polyfills\./);
      expect(text(p.window)).toContain('附件审核助手');
    });

    it('the WPS ribbon page defines the commands main.js calls', async () => {
      const p = await load(wps, 'index.html', { shape: 'floor', userAgent, before: (w) => ((w as Win)['alert'] = () => undefined), settled: (w) => (w as Win)['AnnexAuditWps'] !== undefined });
      expect(p.errors).toEqual([]);
      expect(ours(p.requested).map((f) => f.replace(/\.[0-9a-f]+\.js$/, ''))).toEqual(['main.js', 'polyfills', 'ribbon']);
      expect(Object.keys((p.window as Win)['AnnexAuditWps'] as object).sort()).toEqual(['clear', 'openPane', 'recompute']);
      expect((p.window as Win)['AnnexAuditBlocked']).toBeUndefined();
    });
  });

  const belowShapes: [string, Shape, string, string][] = [
    ['an engine without Proxy/Reflect (Chromium 49)', 'below', UA.chromium49, 'Chromium 49'],
    ['an engine that cannot parse ES2017', 'noSyntax', UA.chromium49, 'Chromium 49'],
    ['Trident (IE 11)', 'below', UA.trident, 'Trident (Internet Explorer 11)'],
  ];

  describe.each(belowShapes)('below the floor, %s', (_name, shape, userAgent, engine) => {
    const officeText = UI['excel.oldWebview']['zh-CN'].replace('{engine}', engine).replace('{floor}', FLOOR.floor.label);
    const wpsText = UI['wps.oldWebview']['zh-CN'].replace('{engine}', engine).replace('{floor}', FLOOR.floor.label);

    it('the Office pane shows the message and loads no script', async () => {
      const p = await load(pane, 'taskpane.html', { shape, userAgent, settled: (w) => text(w) !== '' });
      expect(p.errors.filter((e) => !/Unexpected token =>/.test(e))).toEqual([]);
      expect(ours(p.requested)).toEqual([]);
      expect(text(p.window)).toContain(officeText);
      expect(text(p.window)).toContain('This Office uses an outdated browser component');
    });

    it('an Office ribbon button shows the message in a dialog, then completes the event', async () => {
      let office: ReturnType<typeof officeStub> | undefined;
      const p = await load(pane, 'commands.html', { shape, userAgent, before: (w) => (office = officeStub(w as Win)), settled: () => Object.keys(office?.associated ?? {}).length === 2 });
      expect(p.errors.filter((e) => !/Unexpected token =>/.test(e))).toEqual([]);
      expect(ours(p.requested)).toEqual([]);
      const completed: string[] = [];
      office?.associated['recomputeSummaries']?.({ completed: () => completed.push('recompute') });
      expect(office?.dialogs).toHaveLength(1);
      const shown = new URL(office?.dialogs[0] ?? '');
      expect(shown.pathname).toBe('/message.html');
      expect(shown.searchParams.get('m')).toBe(officeText);
      expect(completed).toEqual([]); // not before the user closed the dialog
      office?.closers[0]?.();
      expect(completed).toEqual(['recompute']);
    });

    it('the WPS pane shows the WPS message', async () => {
      const p = await load(wps, 'taskpane.html', { shape, userAgent, settled: (w) => text(w) !== '' });
      expect(p.errors.filter((e) => !/Unexpected token =>/.test(e))).toEqual([]);
      expect(ours(p.requested)).toEqual([]);
      expect(text(p.window)).toContain(wpsText);
    });

    it('a WPS ribbon button answers with the WPS message', async () => {
      const alerts: string[] = [];
      const p = await load(wps, 'index.html', { shape, userAgent, before: (w) => ((w as Win)['alert'] = (m: string) => alerts.push(m)), settled: (w) => typeof (w as Win)['AnnexAuditBlocked'] === 'string' });
      expect(p.errors.filter((e) => !/Unexpected token =>/.test(e))).toEqual([]);
      expect(ours(p.requested)).toEqual(['main.js']);
      ((p.window as Win)['OnAction'] as (c: { Id: string }) => boolean)({ Id: 'annexAuditRecompute' });
      expect(alerts).toEqual([wpsText]);
    });
  });
});
