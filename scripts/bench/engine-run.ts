/**
 * One engine measurement in a process of its own, on the build of any checkout (`npm run bench` runs this
 * commit's and the previous one's alternately):
 *
 *   node --expose-gc -r tsx/cjs scripts/bench/engine-run.ts ROOT ROWS RUNS
 *
 * ROOT is a checkout with `dist/` built; its reader reads the incentive sample and its engine (parse +
 * validate + recompute + summary plans) checks the sample grown to ROWS annex rows (synthetic.ts), RUNS
 * times after a warm-up on 1,000 rows. Prints one JSON line: each run's milliseconds, the heap growth of one
 * more audit (MB, after a collection) and the findings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Audit, Grid } from '../../src/core';
import { syntheticIncentive } from './synthetic';

interface Engine {
  auditWorkbook(grids: readonly Grid[]): Audit;
  buildSummaryPlans(audit: Audit): unknown;
}

async function main(): Promise<void> {
  const [root = '.', rowsArg = '10000', runsArg = '5'] = process.argv.slice(2);
  /* eslint-disable @typescript-eslint/no-require-imports -- the engine of another checkout, by path */
  const core = require(join(root, 'dist', 'core')) as Engine;
  const { readGrids } = require(join(root, 'dist', 'xlsx')) as { readGrids(bytes: Uint8Array): Promise<Grid[]> };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sample = await readGrids(readFileSync(join(__dirname, '..', '..', 'samples', 'incentive-2022.xlsx')));
  const grids = syntheticIncentive(sample, Number(rowsArg));
  core.auditWorkbook(syntheticIncentive(sample, 1000));
  const ms: number[] = [];
  for (let i = 0; i < Number(runsArg); i++) {
    const t0 = performance.now();
    core.buildSummaryPlans(core.auditWorkbook(grids));
    ms.push(performance.now() - t0);
  }
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const audit = core.auditWorkbook(grids);
  const mb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  process.stdout.write(`${JSON.stringify({ ms, mb, findings: audit.findings.length })}\n`);
}

void main();
