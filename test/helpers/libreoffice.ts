/** Recalculate a workbook with LibreOffice headless (formulas recomputed on load: OOXMLRecalcMode = 0). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export function sofficePath(): string | null {
  for (const cmd of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() !== '') return r.stdout.trim();
  }
  return null;
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Open `bytes` in LibreOffice, recalculate, save as .xlsx; returns the saved bytes. */
export function recalcWithLibreOffice(bytes: Uint8Array, name = 'book.xlsx'): Buffer {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'annex-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  const input = join(dir, 'in', name);
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'out'));
  writeFileSync(input, bytes);
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), input],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return readFileSync(join(dir, 'out', basename(input)));
}

/**
 * Recalculate many workbooks in one LibreOffice start (starting it costs seconds; converting a file costs
 * little). Names must be unique; each comes back under its own name, saved as .xlsx. `ext` converts instead
 * (e.g. 'ods', 'xls') to make another program's copy of a file.
 */
export function recalcManyWithLibreOffice(files: readonly { name: string; bytes: Uint8Array }[], to = 'xlsx:Calc MS Excel 2007 XML'): Map<string, Buffer> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'annex-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'out'));
  const inputs = files.map((f) => {
    const p = join(dir, 'in', f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', join(dir, 'out'), ...inputs], {
    stdio: 'pipe',
    timeout: 600_000,
  });
  const ext = to.split(':')[0] ?? 'xlsx';
  const out = new Map<string, Buffer>();
  for (const f of files) {
    const saved = join(dir, 'out', basename(f.name).replace(/\.[^.]+$/, '') + '.' + ext);
    out.set(f.name, readFileSync(saved));
  }
  return out;
}
