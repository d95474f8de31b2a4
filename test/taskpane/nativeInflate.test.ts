/**
 * The batch's workers inflate a package's parts with the browser's DecompressionStream before the reader
 * runs (src/taskpane/services/nativeInflate.ts, zipGuard.ts `preinflatePackage`): the same workbook as the
 * reader's own inflating, and the same budgets with the same refusals. Node has the same DecompressionStream.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflatedAhead, inflateRaw } from '../../src/taskpane/services/nativeInflate';
import { readLimits } from '../../src/xlsx/limits';
import { openWorkbook } from '../../src/xlsx/open';
import { INFLATERS, preinflatePackage } from '../../src/xlsx/zipGuard';
import { bomb, refusal } from '../hostile/make';

const ROOT = join(__dirname, '..', '..');
const KB = 1024;
const MB = 1024 * KB;

describe('parts inflated ahead by the browser', () => {
  const saved = INFLATERS.native;
  beforeAll(() => {
    // The pane's path: no Node zlib, so whatever is not inflated ahead would be inflated by fflate.
    INFLATERS.native = null;
  });
  afterAll(() => {
    INFLATERS.native = saved;
  });

  it.each(['samples/incentive-2022.xlsx', 'samples/keywork-2024.xlsx', 'test/fixtures/formats/keywork-2024.ods'])('%s reads exactly as without', async (path) => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
    const inflated = await inflatedAhead(bytes);
    expect(inflated?.size).toBeGreaterThan(3);
    expect([...(inflated?.values() ?? [])].every((v) => v instanceof Uint8Array)).toBe(true);
    expect(openWorkbook(bytes, 'x.xlsx', { inflated })).toEqual(openWorkbook(bytes, 'x.xlsx'));
  });

  it('a file that is no zip package is not inflated ahead', async () => {
    expect(await inflatedAhead(new TextEncoder().encode('a,b\n1,2\n'))).toBeUndefined();
  });

  it('a bomb stops at the part budget and is refused as before', async () => {
    const limits = readLimits({ partBytes: 1 * MB, totalBytes: 2 * MB });
    const bytes = bomb(8 * MB, 1000);
    const inflated = await preinflatePackage(bytes, inflateRaw, limits);
    expect([...inflated.values()]).toContain('over');
    const e = refusal(() => openWorkbook(bytes, 'bomb.xlsx', { limits, inflated }));
    expect(e.problem).toBe('part-too-large');
    expect(e.part).toBe('xl/worksheets/sheet1.xml');
  });

  it('parts under the part limit but over the total limit together are refused naming the total limit', async () => {
    const limits = readLimits({ partBytes: 1 * MB, totalBytes: 600 * KB });
    const bytes = bomb(900 * KB, 'honest');
    const e = refusal(() => openWorkbook(bytes, 'two.xlsx', { limits, inflated: undefined }));
    const ahead = await preinflatePackage(bytes, inflateRaw, limits);
    expect(refusal(() => openWorkbook(bytes, 'two.xlsx', { limits, inflated: ahead }))).toEqual(e);
    expect(e.problem).toBe('too-large');
  });

  it('a broken stream is left to the reader, which refuses it with its own reason', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'samples/incentive-2022.xlsx')));
    const broken = bytes.slice();
    // Garble the middle of the package (inside the shared strings' deflate stream).
    for (let i = Math.floor(broken.length / 2); i < Math.floor(broken.length / 2) + 64; i++) broken[i] = 0xff;
    const ahead = await inflatedAhead(broken);
    const without = (() => {
      try {
        return openWorkbook(broken, 'broken.xlsx');
      } catch (e) {
        return e;
      }
    })();
    const withAhead = (() => {
      try {
        return openWorkbook(broken, 'broken.xlsx', { inflated: ahead });
      } catch (e) {
        return e;
      }
    })();
    expect(withAhead).toEqual(without);
  });
});
