/**
 * A built page loaded as a webview of a given runtime would load it: the HTML parsed by jsdom, its inline scripts
 * (the floor guard and loader) and every script they or the page load run in jsdom's `vm` context, served from the
 * build folder. Before anything runs, the context is shaped like the runtime: the built-ins runtime-floor.json
 * lists are deleted from it (`globalThis` itself included), and more for a runtime below the floor.
 * What the page threw (uncaught errors, jsdom script errors) is collected, never swallowed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DOMWindow, JSDOM, ResourceLoader, VirtualConsole } from 'jsdom';
import { until } from './wait';
import { ROOT } from './builds';

export interface RuntimeFloorFile {
  readonly floor: { readonly label: string; readonly browserslist: string; readonly engines: readonly { engine: string; version: string }[] };
  readonly required: readonly string[];
  readonly polyfilled: readonly string[];
  readonly absentAtFloor: readonly string[];
}

export const FLOOR = JSON.parse(readFileSync(join(ROOT, 'runtime-floor.json'), 'utf8')) as RuntimeFloorFile;

export const ORIGIN = 'https://addin.example.test';

/** User agents of the floor's engines and of ones below it (the guard names the engine in its message). */
export const UA = {
  chromium70: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.110 Safari/537.36',
  edge18: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763',
  safari12: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.0 Safari/605.1.15',
  chromium49: 'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36',
  trident: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
} as const;

/**
 * `floor`: everything runtime-floor.json says the floor lacks (polyfilled or absent) is deleted.
 * `below`: the floor minus `Proxy`, `Reflect` and `Promise.prototype.finally` (an engine older than the floor).
 * `noSyntax`: the floor, with the syntax probe failing as it does where ES2017 does not parse.
 */
export type Shape = 'floor' | 'below' | 'noSyntax';

function remove(win: DOMWindow, path: string): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let o: unknown = win;
  for (const p of parts) {
    if (o === null || o === undefined) return;
    o = (o as Record<string, unknown>)[p];
  }
  if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return;
  delete (o as Record<string, unknown>)[last];
  if ((o as Record<string, unknown>)[last] !== undefined) {
    // An inherited member (e.g. on a prototype further up): shadow it.
    Object.defineProperty(o, last, { value: undefined, configurable: true, writable: true });
  }
}

class FolderLoader extends ResourceLoader {
  readonly requested: string[] = [];
  constructor(
    private readonly dir: string,
    userAgent: string,
  ) {
    super({ userAgent });
  }
  override fetch(url: string): (Promise<Buffer> & { abort: () => void }) | null {
    const u = new URL(url);
    if (u.origin !== ORIGIN) return null;
    const name = decodeURIComponent(u.pathname.slice(1));
    this.requested.push(name);
    let body: Promise<Buffer>;
    try {
      body = Promise.resolve(readFileSync(join(this.dir, name)));
    } catch {
      body = Promise.reject(new Error(`404 ${name}`));
    }
    return Object.assign(body, { abort: () => undefined });
  }
}

export interface LoadedPage {
  readonly window: DOMWindow;
  /** Uncaught errors and script errors, as `message (file)` — the test expects none. */
  readonly errors: string[];
  /** Files the page requested from the build folder, in order. */
  readonly requested: readonly string[];
  close(): void;
}

export interface LoadOptions {
  readonly shape: Shape;
  readonly userAgent: string;
  /** Runs in the page's context before the HTML is parsed (host stubs: Office, WPS). */
  readonly before?: (win: DOMWindow) => void;
  /** Resolves when the page has done what it will do at load. */
  readonly settled: (win: DOMWindow, requested: readonly string[]) => boolean;
}

export async function loadPage(dir: string, page: string, options: LoadOptions): Promise<LoadedPage> {
  let html = readFileSync(join(dir, page), 'utf8');
  // Office.js is not ours: its tag goes, and the test stubs what the page uses of it.
  html = html.replace(/<script[^>]*src="?[^"\s>]*office\.js"?[^>]*><\/script>/gi, '');
  if (options.shape === 'noSyntax') html = html.replace(/<script>window\.__annexSyntax[^<]*<\/script>/, '<script>throw new SyntaxError("Unexpected token =>")</script>');
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (e: Error & { type?: string }) => {
    if (/^Not implemented/.test(e.message)) return; // jsdom's own gaps (scrolling, canvas), not the page's
    errors.push(`${e.message}${e.stack ? `\n${e.stack.split('\n').slice(0, 4).join('\n')}` : ''}`);
  });
  const loader = new FolderLoader(dir, options.userAgent);
  const dom = new JSDOM(html, {
    url: `${ORIGIN}/${page}`,
    runScripts: 'dangerously',
    resources: loader,
    pretendToBeVisual: true,
    virtualConsole,
    beforeParse(win) {
      const removed = [...FLOOR.polyfilled, ...FLOOR.absentAtFloor, ...(options.shape === 'below' ? ['Proxy', 'Reflect', 'Promise.prototype.finally'] : [])];
      for (const path of removed) remove(win, path);
      win.addEventListener('error', (e) => errors.push(`${e.message} (${e.filename || '?'})`));
      options.before?.(win);
    },
  });
  const win = dom.window;
  await until(() => win.document.readyState === 'complete' && options.settled(win, loader.requested));
  // One more turn for anything the page does right after (a dynamic import, a React commit).
  await new Promise((r) => setTimeout(r, 50));
  return { window: win, errors, requested: loader.requested, close: () => win.close() };
}
