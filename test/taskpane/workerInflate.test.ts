/**
 * The batch worker's inflater (src/taskpane/services/workerInflate.ts): zip parts inflated ahead by
 * DecompressionStream('deflate-raw') give the reader exactly what its own fflate path gives — the same grids,
 * and for a broken or oversized part the same WorkbookReadError — and the reader's inflater is put back after.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateAhead } from '../../src/taskpane/services/workerInflate';
import { openWorkbook } from '../../src/xlsx/open';
import { readZip, writeZip } from '../../src/xlsx/zip';
import { INFLATERS } from '../../src/xlsx/zipGuard';
import { bomb } from '../hostile/make';

const ROOT = join(__dirname, '..', '..');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));

/** The reader as the pane runs it without help (fflate), or what it threw. */
function fflateRead(bytes: Uint8Array, name: string): unknown {
  const saved = INFLATERS.native;
  INFLATERS.native = null;
  try {
    return openWorkbook(bytes, name);
  } catch (e) {
    return e;
  } finally {
    INFLATERS.native = saved;
  }
}

async function aheadRead(bytes: Uint8Array, name: string): Promise<{ out: unknown; used: boolean }> {
  const saved = INFLATERS.native;
  INFLATERS.native = null;
  let used = false;
  const done = await inflateAhead(bytes);
  const hook = INFLATERS.native as ((raw: Uint8Array, o: { maxOutputLength: number }) => Uint8Array) | null;
  if (hook)
    INFLATERS.native = (raw, o) => {
      used = true;
      return hook(raw, o);
    };
  try {
    return { out: openWorkbook(bytes, name), used };
  } catch (e) {
    return { out: e, used };
  } finally {
    done();
    expect(INFLATERS.native).toBeNull();
    INFLATERS.native = saved;
  }
}

describe('the batch worker inflates zip parts ahead', () => {
  it.each(['samples/incentive-2022.xlsx', 'samples/keywork-2024.xlsx', 'test/fixtures/formats/keywork-2024.ods'])('%s: the same workbook as the reader alone', async (path) => {
    const bytes = bytesOf(path);
    const { out, used } = await aheadRead(bytes, path);
    expect(used).toBe(true);
    expect(out).toEqual(fflateRead(bytes, path));
  });

  it('a part whose deflate stream is broken: the same error as the reader alone', async () => {
    const bytes = bytesOf('samples/incentive-2022.xlsx');
    const entries = readZip(bytes).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, raw: e.raw.map((b, i) => (i > 8 ? 0xff : b)) } : e));
    const broken = writeZip(entries);
    const alone = fflateRead(broken, 'broken.xlsx');
    expect(alone).toBeInstanceOf(Error);
    const { out } = await aheadRead(broken, 'broken.xlsx');
    expect(out).toEqual(alone);
    expect((out as Error).message).toBe((alone as Error).message);
  });

  it('a part that inflates past the part budget: refused as the reader refuses it', async () => {
    const bytes = bomb(110 * 1024 * 1024, 'honest');
    const alone = fflateRead(bytes, 'bomb.xlsx') as { problem?: string };
    expect(alone.problem).toBe('part-too-large');
    const { out } = await aheadRead(bytes, 'bomb.xlsx');
    expect(out).toEqual(alone);
  });

  it('not a zip: nothing is installed', async () => {
    const saved = INFLATERS.native;
    const done = await inflateAhead(bytesOf('test/fixtures/formats/incentive-2022.xls'));
    expect(INFLATERS.native).toBe(saved);
    done();
  });
});
