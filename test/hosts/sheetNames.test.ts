/**
 * One helper names every sheet we create (src/core/workbookLimits.ts): legal for Excel, unique ignoring case,
 * at most 31 UTF-16 units, and it always returns. Issue 20 item 3: with a taken 31-character name, the old
 * loops (`${wanted} (${i})`.slice(0, 31) is `wanted` again) never returned, with the Excel.run open. The
 * surfaces run in a worker thread here, so that such a loop fails the test instead of hanging it.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cutUtf16, isLegalSheetName, legalSheetName, MAX_SHEET_NAME, uniqueSheetName } from '../../src/core';
import { LONG } from './sheetNameProbes';

/** Run one probe of sheetNameProbes.ts in a worker thread; 'timeout' when it has not answered in `ms`. */
function probe(name: 'coreMerge' | 'excelWrite' | 'wpsWrite', ms = 40_000): Promise<string[] | 'timeout' | { error: string }> {
  const file = join(__dirname, 'sheetNameProbes.ts');
  const code = `
    const { parentPort } = require('node:worker_threads');
    require(${JSON.stringify(require.resolve('tsx/cjs'))});
    Promise.resolve()
      .then(() => require(${JSON.stringify(file)})[${JSON.stringify(name)}]())
      .then((r) => parentPort.postMessage(r), (e) => parentPort.postMessage({ error: String(e && e.stack || e) }));`;
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true });
    const timer = setTimeout(() => {
      void w.terminate();
      resolve('timeout');
    }, ms);
    w.once('message', (m: string[] | { error: string }) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(m);
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      resolve({ error: String(e) });
    });
  });
}

const within = (s: string) => s.length <= MAX_SHEET_NAME;

describe('legal and unique sheet names', () => {
  it('a taken 31-character name gets " (2)", cut so that the whole stays within 31 units', () => {
    expect(LONG).toHaveLength(31);
    const second = uniqueSheetName(LONG, [LONG]);
    expect(second).toBe(`${LONG.slice(0, 27)} (2)`);
    expect(second).toHaveLength(31);
    const third = uniqueSheetName(LONG, [LONG, second.toUpperCase()]);
    expect(third).toBe(`${LONG.slice(0, 27)} (3)`);
    // Ten of them: all different, all within 31, all legal.
    const taken: string[] = [LONG];
    for (let i = 0; i < 12; i++) taken.push(uniqueSheetName(LONG, taken));
    expect(new Set(taken.map((s) => s.toLowerCase())).size).toBe(taken.length);
    expect(taken.every(within)).toBe(true);
    expect(taken.at(-1)).toBe(`${LONG.slice(0, 26)} (13)`);
  });

  it('compares names ignoring case, as Excel does', () => {
    expect(uniqueSheetName('汇总-研判统计', ['汇总-研判统计'])).toBe('汇总-研判统计 (2)');
    expect(uniqueSheetName('Summary', ['SUMMARY'])).toBe('Summary (2)');
    expect(uniqueSheetName('Summary', ['summary', 'Summary (2)'])).toBe('Summary (3)');
    expect(uniqueSheetName('附件1', [])).toBe('附件1');
  });

  it('replaces / \\ [ ] * ? : and control characters, trims apostrophes at the ends, and is never empty', () => {
    expect(legalSheetName('a/b\\c[d]e*f?g:h')).toBe('a_b_c_d_e_f_g_h');
    expect(legalSheetName('tab\there\u0000\u001b\u007f')).toBe('tab_here___');
    expect(legalSheetName("'quoted'")).toBe('quoted');
    expect(legalSheetName("''''")).toBe('Sheet');
    expect(legalSheetName('')).toBe('Sheet');
    expect(legalSheetName("it's")).toBe("it's");
    // Apostrophes first go before the cut, so the name keeps 31 units of its text; one exposed by the cut goes too.
    expect(legalSheetName(`''${'x'.repeat(40)}`)).toBe('x'.repeat(31));
    expect(legalSheetName(`${'x'.repeat(30)}'yz`)).toBe('x'.repeat(30));
    for (const name of ['a/b', "'q'", 'x'.repeat(40), 'History', 'HISTORY']) expect(isLegalSheetName(name)).toBe(false);
    expect(isLegalSheetName('附件1')).toBe(true);
  });

  it('counts UTF-16 units and never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(20); // 40 units
    const legal = legalSheetName(emoji);
    expect(legal).toBe('😀'.repeat(15)); // 30 units: the 16th would need units 31 and 32
    expect(legal.length).toBeLessThanOrEqual(31);
    const next = uniqueSheetName(emoji, [legal]);
    expect(next).toBe(`${'😀'.repeat(13)} (2)`);
    expect(next).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(cutUtf16('a😀', 2)).toBe('a');
    // A lone surrogate in a name is not text Excel can store.
    expect(legalSheetName('a\ud800b')).toBe('a_b');
  });

  it('History is kept for Excel: a plan that wants it gets "History (2)"', () => {
    expect(uniqueSheetName('History', [])).toBe('History (2)');
    expect(uniqueSheetName('history', [])).toBe('history (2)');
  });
});

describe('a taken 31-character sheet name on every surface (worker thread, fails rather than hangs)', () => {
  it('合并报送 (the core merge): two annexes with the same 31-character name', async () => {
    const names = await probe('coreMerge');
    expect(names).toEqual([LONG, `${LONG.slice(0, 27)} (2)`]);
  }, 60_000);

  it('Excel mode: a plan wanting a sheet name the open workbook already has', async () => {
    const names = await probe('excelWrite');
    expect(names).toEqual([`${LONG.slice(0, 27)} (2)`]);
  }, 60_000);

  it('WPS: the same', async () => {
    const names = await probe('wpsWrite');
    expect(names).toEqual([`${LONG.slice(0, 27)} (2)`]);
  }, 60_000);
});
