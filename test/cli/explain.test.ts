/** `check --explain`: how each table was read, on stderr; stdout stays the report (issue 18, item 8). */
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { SAMPLES } from '../helpers/grids';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('check --explain', () => {
  jest.setTimeout(120_000);

  it('prints each table’s range, rows and columns on stderr; stdout is still the JSON report', async () => {
    const r = await cli('check', join(SAMPLES, 'incentive-2022.xlsx'), '--explain', '--format', 'json', '--lang', 'zh-CN');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ counts: { error: 2, warning: 12, info: 3 } });
    expect(r.err).toContain('── 工作表“附件1”：研判统计表（附件1），范围 A4:F31');
    expect(r.err).toContain('表头第4行；数据第6–31行；合计行：5');
    expect(r.err).toContain('“州直研判情况”← E列（表头“州直研判情况”，确定）');
  });

  it('in English for the key-work sample', async () => {
    const r = await cli('check', join(SAMPLES, 'keywork-2024.xlsx'), '--explain', '--format', 'json', '--lang', 'en-US');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/── Sheet "附件1": .+, range A\d+:[A-Z]+\d+/);
    expect(r.err).toContain('(header "');
  });

  it('the five incentive annexes stacked in one sheet (the README\'s fixture): five tables with their ranges, the sample\'s findings, one JSON entry per table', async () => {
    const file = join(__dirname, '..', 'fixtures', 'editions', 'incentive-stacked.xlsx');
    const r = await cli('check', file, '--explain', '--format', 'json', '--lang', 'zh-CN');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { counts: unknown; sheets: { name: string; kind: string; range?: string }[] };
    expect(json.counts).toEqual({ error: 2, warning: 12, info: 3 });
    expect(json.sheets.map((x) => [x.name, x.kind, x.range])).toEqual([
      ['汇总', 'rating-tally', 'A1:XFD33'],
      ['汇总', 'unit-key-items', 'A34:XFD50'],
      ['汇总', 'incentive-analysis', 'A51:XFD121'],
      ['汇总', 'progress-report', 'A122:XFD191'],
      ['汇总', 'liaison-log', 'A192:XFD293'],
    ]);
    for (const range of ['A4:F31', 'A37:C48', 'A54:J119', 'A124:E189', 'A195:C293']) expect(r.err).toContain(`范围 ${range}`);
    expect(r.err.match(/── 工作表“汇总”/g)).toHaveLength(5);
    expect(r.err).toContain('重点事项汇总表（附件2），范围 A37:C48');
    expect(r.err).toContain('对接情况统计（附件5），范围 A195:C293');
  });

  it('is listed in the usage', async () => {
    const r = await cli('check', '--help', '--lang', 'en-US');
    expect(r.out).toContain('[--explain]');
  });
});
