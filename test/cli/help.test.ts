/** `--help` and `-h` on every command (issue 24 item 8): that command's usage on stdout, exit 0. */
import { main } from '../../src/cli/main';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s) > 0, err: (s) => err.push(s) > 0 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const savedLang = process.env['ANNEX_AUDIT_LANG'];
beforeAll(() => {
  delete process.env['ANNEX_AUDIT_LANG'];
});
afterAll(() => {
  if (savedLang === undefined) delete process.env['ANNEX_AUDIT_LANG'];
  else process.env['ANNEX_AUDIT_LANG'] = savedLang;
});

describe('--help on every command', () => {
  it.each(['check', 'summarize', 'clear', 'template', 'diff', 'merge'])('%s --help and -h print that command’s usage and exit 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const r = await run(command, flag);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      const lines = r.out.split('\n');
      expect(lines[0]).toBe('用法：');
      expect(lines[1]).toMatch(new RegExp(`^  annex-audit ${command} `));
      expect(lines.filter((l) => l.startsWith('  annex-audit '))).toHaveLength(1);
      expect(lines.at(-1)).toMatch(/^退出码/);
    }
    const en = await run(command, 'x.xlsx', '--lang', 'en-US', '--help');
    expect(en.code).toBe(0);
    expect(en.out.split('\n')[0]).toBe('Usage:');
  });

  it('template --help lists the kinds', async () => {
    const r = await run('template', '--help');
    expect(r.out).toMatch(/类型：.*all-incentive/);
  });
});
