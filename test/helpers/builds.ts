/**
 * The production builds the build and browser suites share: one pane build (as `npm run preview` makes it, Office.js
 * loaded from /office-js/) and one WPS build per jest run, made by whichever suite asks first and reused by the
 * others, in any worker (a lock directory, then a `.done` marker). They live in the run's directory under
 * .test-build/ (test/helpers/globalSetup.ts makes it, globalTeardown.ts removes it).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const WEBPACK_CLI = require.resolve('webpack-cli/bin/cli.js');

/** The WPS build's WPS_ADDIN_URL (test/build/wps.test.ts checks the URLs built from it). */
export const WPS_URL_SETTING = 'https://addins.example.gov.cn/annex-audit-wps';

/** This run's directory for shared builds (set by globalSetup; a directory of its own when a file runs without it). */
export function runDir(): string {
  const dir = process.env['ANNEX_TEST_RUN_DIR'] ?? join(ROOT, '.test-build', `adhoc-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run node with `args` in the repository, without blocking this worker's event loop. */
export function runNode(args: string[], env: Record<string, string | undefined>): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `dir` made once per run by `make`, whichever worker asks first; the others wait for it (on the `.done` marker,
 * never on a clock). A failed build is reported to every suite that asked for it.
 */
async function once(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(runDir(), name);
  const done = join(dir, '.done');
  const failed = `${dir}.failed`;
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(done)) return dir;
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // Someone else builds; if that worker died, take over.
      const owner = Number(readFileSafe(join(lock, 'pid')));
      if (owner > 0 && !alive(owner)) rmSync(lock, { recursive: true, force: true });
    }
    if (!mine) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    writeFileSync(join(lock, 'pid'), String(process.pid));
    try {
      rmSync(dir, { recursive: true, force: true });
      await make(dir);
      writeFileSync(done, '');
      return dir;
    } catch (e) {
      writeFileSync(failed, (e as Error).message);
      throw e;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function webpack(out: string, config: string[], env: Record<string, string>): Promise<void> {
  const r = await runNode([WEBPACK_CLI, ...config, '--mode', 'production', '--output-path', out], env);
  if (r.status !== 0) throw new Error(`webpack ${config.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * The production pane (taskpane, commands, manifest) as `npm run preview` builds it: Office.js from /office-js/
 * (the preview serves the npm copy there). The same chunks as any production build; only the Office.js URL differs.
 */
export function paneBuild(): Promise<string> {
  return once('pane', (dir) => webpack(dir, [], { OFFICE_JS_URL: '/office-js/office.js', OFFICE_JS_QUIET: '1' }));
}

/** The WPS加载项 folder as `npm run build:wps` makes it, for WPS_ADDIN_URL = WPS_URL_SETTING. */
export function wpsBuild(): Promise<string> {
  return once('wps', (dir) => webpack(dir, ['--config', 'webpack.wps.config.js'], { WPS_ADDIN_URL: WPS_URL_SETTING }));
}


/**
 * The URL of `npm run preview --no-build` serving paneBuild(), started once per run by the first browser suite that
 * asks (in a process of its own, so it outlives that suite's worker) and stopped by globalTeardown.
 */
export function previewServer(): Promise<string> {
  return once('preview', async (dir) => {
    const pane = await paneBuild();
    mkdirSync(dir, { recursive: true });
    const log = join(dir, 'server.log');
    const fd = openSync(log, 'w');
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'preview.js'), '--no-build'], {
      cwd: ROOT,
      env: { ...process.env, PREVIEW_OUT: pane, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    closeSync(fd);
    child.unref();
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    writeFileSync(join(dir, 'pid'), String(child.pid));
    for (;;) {
      const url = /^preview: (http:\/\/\S+)\/taskpane\.html$/m.exec(readFileSafe(log))?.[1];
      if (url) {
        writeFileSync(join(dir, 'url'), url);
        return;
      }
      if (exited !== undefined) throw new Error(`preview server exited (${exited}):\n${readFileSafe(log)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }).then((dir) => readFileSync(join(dir, 'url'), 'utf8'));
}
