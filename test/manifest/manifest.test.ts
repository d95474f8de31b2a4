/** The XML manifest: valid offline (converted and schema-checked), and its ribbon matches the commands code. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  // The schema validation is a process (scripts/validate-manifest.sh): bounded by a hang, not by speed.
  jest.setTimeout(120_000);

  it('passes the offline schema validation', () => {
    const r = spawnSync('bash', [join(ROOT, 'scripts', 'validate-manifest.sh')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout + r.stderr).toContain('manifest OK');
    expect(r.status).toBe(0);
  });

  it('has the pane button and the 一键重算 / 清除标记 function commands, wired to functions the commands file registers', () => {
    const functions = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(functions).toEqual(['recomputeSummaries', 'clearMarks']);
    const code = readFileSync(join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    for (const f of functions) expect(code).toContain(`Office.actions.associate('${f}'`);
    expect(manifest).toMatch(/<FunctionFile resid="Commands.Url"\/>/);
    expect(manifest).toMatch(/DefaultValue="一键重算"/);
    expect(manifest).toMatch(/DefaultValue="清除标记"/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it('HighResolutionIconUrl is the 64×64 icon (problem 10: 64×64 for non-Outlook hosts, convert-xml-to-json-manifest.md)', () => {
    expect(/<HighResolutionIconUrl DefaultValue="[^"]*\/assets\/icon-64\.png"\/>/.test(manifest)).toBe(true);
    expect(/<IconUrl DefaultValue="[^"]*\/assets\/icon-32\.png"\/>/.test(manifest)).toBe(true);
  });

  it('every icon it names exists in assets/ at that size', () => {
    const icons = [...manifest.matchAll(/assets\/(icon-(\d+)\.png)/g)];
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const [, file, size] of icons) {
      const png = readFileSync(join(ROOT, 'assets', file ?? ''));
      expect(existsSync(join(ROOT, 'assets', file ?? ''))).toBe(true);
      // PNG IHDR: width and height at bytes 16..23.
      expect(png.readUInt32BE(16)).toBe(Number(size));
      expect(png.readUInt32BE(20)).toBe(Number(size));
    }
  });
});
