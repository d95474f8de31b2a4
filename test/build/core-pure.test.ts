/**
 * src/core is pure: no Excel, Office, DOM or Node I/O (DESIGN.md; eslint forbids the imports and globals by
 * name). This proves it by running it: the core's sources, compiled one by one, are loaded into a fresh V8
 * context that has only ECMAScript's own globals (no `require` of packages, no `process`, `window`, `document`,
 * `Office`, `Excel`, `wps`, no timers, no `TextEncoder`), with a `require` that resolves only files under
 * src/core. The engine then audits both samples and builds their summary plans, and must give what the core
 * gives when loaded normally.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { transformSync } from '@swc/core';
import * as core from '../../src/core';
import { sampleGrids } from '../helpers/grids';

const CORE = resolve(__dirname, '..', '..', 'src', 'core');

type Loaded = Record<string, unknown>;

/** The core's index loaded in `context`; any import leaving src/core throws naming the file and the import. */
function loadCore(context: object): { index: Loaded; files: string[] } {
  const cache = new Map<string, { exports: Loaded }>();
  const load = (file: string): Loaded => {
    const hit = cache.get(file);
    if (hit) return hit.exports;
    const module = { exports: {} as Loaded };
    cache.set(file, module);
    const { code } = transformSync(readFileSync(file, 'utf8'), { filename: file, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
    const fn = runInContext(`(function (exports, require, module) {${code}\n})`, context, { filename: file }) as (e: Loaded, r: (s: string) => Loaded, m: { exports: Loaded }) => void;
    fn(module.exports, (spec) => {
      if (!spec.startsWith('.')) throw new Error(`${relative(CORE, file)} imports '${spec}', which is outside src/core`);
      const target = resolveTs(join(dirname(file), spec));
      if (relative(CORE, target).startsWith('..')) throw new Error(`${relative(CORE, file)} imports '${spec}', which is outside src/core`);
      return load(target);
    }, module);
    return module.exports;
  };
  const index = load(join(CORE, 'index.ts'));
  return { index, files: [...cache.keys()] };
}

function resolveTs(base: string): string {
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* next */
    }
  }
  throw new Error(`cannot resolve ${base}`);
}

/** What an audit and its plans amount to, as plain data (the two realms' objects compared by their JSON). */
function outcome(engine: Loaded, grids: unknown): string {
  const audit = (engine['auditWorkbook'] as (g: unknown) => { findings: unknown[]; counts: unknown; profile: unknown })(grids);
  const plans = (engine['buildSummaryPlans'] as (a: unknown, lang?: string) => unknown)(audit, 'zh-CN');
  return JSON.stringify({ findings: audit.findings, counts: audit.counts, profile: audit.profile, plans });
}

describe('src/core runs with nothing but ECMAScript', () => {
  const context = createContext({});

  it('has no host globals to lean on in the context it is loaded into', () => {
    expect(runInContext('[typeof process, typeof window, typeof document, typeof Office, typeof Excel, typeof wps, typeof setTimeout, typeof TextEncoder, typeof require].join()', context)).toBe(
      Array(9).fill('undefined').join(),
    );
  });

  it.each(['incentive-2022.xlsx', 'keywork-2024.xlsx'])('audits %s and builds its plans there exactly as it does when loaded normally', async (sample) => {
    const { index, files } = loadCore(context);
    expect(files.length).toBeGreaterThan(50);
    const grids = await sampleGrids(sample);
    // Grids are plain data (the adapters' output); handed over as JSON so nothing of this realm comes along.
    const there = outcome(index, runInContext(`JSON.parse(${JSON.stringify(JSON.stringify(grids))})`, context));
    const here = outcome(core as unknown as Loaded, grids);
    expect(JSON.parse(there).findings.length).toBeGreaterThan(0);
    expect(there).toBe(here);
  });
});
