/** The rule runner: every rule on its own; a throw costs one finding; a rule without its columns does not run. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core';
import { makeGuard } from '../../src/core/guard';
import { FindingSink } from '../../src/core/finding';
import { RULES, runRules, type Rule } from '../../src/core/annexes/rules';
import { sampleGrids } from '../helpers/grids';

async function sampleContext(file: string, settings: unknown = {}) {
  const a = auditWorkbook(await sampleGrids(file), settings);
  const sink = new FindingSink();
  return { a, sink, base: { sink, settings: a.settings, tables: a.tables, records: a.records } };
}

describe('runRules', () => {
  it('the registry names each rule once', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  /** Every exported rule of every file under src/core/annexes, with the file it is in. */
  async function exportedRules(): Promise<{ file: string; id: string }[]> {
    const root = join(__dirname, '..', '..', 'src', 'core', 'annexes');
    const sources = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const out: { file: string; id: string }[] = [];
    for (const f of sources) {
      const mod = (await import(join(root, f))) as Record<string, unknown>;
      for (const v of Object.values(mod)) {
        if (typeof v === 'object' && v !== null && 'id' in v && 'run' in v && typeof (v as Rule).run === 'function') out.push({ file: join(root, f), id: (v as Rule).id });
      }
    }
    return out;
  }

  it('every file under src/core/annexes that exports a rule has its spec beside it', async () => {
    const rules = await exportedRules();
    expect(new Set(rules.map((r) => r.id)).size).toBeGreaterThanOrEqual(RULES.length);
    expect([...new Set(rules.map((r) => r.file))].filter((f) => !existsSync(f.replace(/\.ts$/, '.test.ts')))).toEqual([]);
  });

  it('every rule a file under src/core/annexes exports is in RULES (a rule left out of the registry would never run, and its spec alone would not notice)', async () => {
    const exported = (await exportedRules()).map((r) => r.id);
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  it('a rule that throws is one engine/rule-failed on its own sheet; the rules after it still run', async () => {
    const { base, sink } = await sampleContext('incentive-2022.xlsx');
    const boom: Rule = { id: 'boom', kind: 'liaison-log', needs: [], run: () => { throw new Error('boom'); } };
    runRules(base, makeGuard(sink), [boom, ...RULES]);
    const failed = sink.list().filter((f) => f.code === 'engine/rule-failed');
    expect(failed.map((f) => [f.sheet, f.params['rule']])).toEqual([['附件5', 'boom']]);
    // The sample's rule findings are all still there (dup/liaison on 附件5, the 附件2 cross findings …).
    expect(sink.list().map((f) => f.code)).toEqual(expect.arrayContaining(['dup/liaison', 'cross/key-item-extra', 'cross/key-item-missing', 'cross/marker-count', 'text/repeated-passage']));
  });

  it('a rule whose columns were not placed does not run', async () => {
    const { base, sink } = await sampleContext('incentive-2022.xlsx');
    const ran: string[] = [];
    const probe = (needs: Rule['needs']): Rule => ({ id: needs.join(','), kind: 'rating-tally', needs, run: () => void ran.push(needs.join(',')) });
    runRules(base, makeGuard(sink), [probe(['rating-tally:tally-row-sum']), probe(['rating-tally:no-such-check'])]);
    expect(ran).toEqual(['rating-tally:tally-row-sum']);
  });

  it('a rule whose annex is absent does not run', async () => {
    const { base, sink } = await sampleContext('keywork-2024.xlsx');
    const ran: string[] = [];
    runRules(base, makeGuard(sink), [{ id: 'x', kind: 'liaison-log', needs: [], run: () => void ran.push('x') }]);
    expect(ran).toEqual([]);
  });

  it('the runner gives the audit exactly the sample findings of the rule layer, deterministically', async () => {
    const { a, base, sink } = await sampleContext('incentive-2022.xlsx');
    runRules(base, makeGuard(sink), RULES);
    const fromRules = new Set(sink.list().map((f) => `${f.code} ${f.sheet}!${f.cell}`));
    const inAudit = new Set(a.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`));
    for (const k of fromRules) expect(inAudit.has(k)).toBe(true);
  });
});
