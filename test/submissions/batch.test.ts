/**
 * Batch check: directories expand to their .xlsx files (recursively, skipping hidden directories and
 * `~$` lock files); many files are checked in worker threads with the same results as one by one; one
 * unreadable file never stops the others; the summary has one line per file; exit 2 / 1 / 0.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMany } from '../../src/cli/commands/batch';
import { expandInputs } from '../../src/cli/commands/common';
import { main } from '../../src/cli/main';
import { makeGrid, SAMPLES } from '../helpers/grids';
import { run, tempDir, writeGrids } from './support';

// Checks run in worker threads and write workbooks: bounded by what a hang would be, not by jest's 5 s default (which
// a loaded machine exceeds).
jest.setTimeout(120_000);

const INCENTIVE = join(SAMPLES, 'incentive-2022.xlsx');
const KEYWORK = join(SAMPLES, 'keywork-2024.xlsx');

async function cleanBook(path: string): Promise<string> {
  return writeGrids(path, [
    makeGrid('附件5', [['附件5'], ['2022年省政府真抓实干县市区对接情况统计'], ['县市区', '重点事项', '对接情况'], ['吉首市', '营商环境', '9月2日对接。']]),
  ]);
}

interface ResultJson {
  file: string;
  counts: { error: number; warning: number; info: number };
  findings: unknown[];
}

describe('expanding arguments', () => {
  it('a directory becomes its .xlsx files, sorted, recursing but not into hidden directories; lock files skipped', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.hidden'));
    for (const f of ['b.xlsx', 'a.XLSX', '~$b.xlsx', '.c.xlsx', 'notes.txt', 'sub/d.xlsx', '.hidden/e.xlsx']) writeFileSync(join(dir, f), 'x');
    const e = await expandInputs([dir, 'missing.xlsx']);
    expect(e.files).toEqual([join(dir, 'a.XLSX'), join(dir, 'b.xlsx'), join(dir, 'sub', 'd.xlsx'), 'missing.xlsx']);
    expect(e.anyDirectory).toBe(true);
    expect(e.emptyDirs).toEqual([]);
  });

  it('an empty directory is named as such', async () => {
    const dir = tempDir();
    const e = await expandInputs([dir]);
    expect(e).toEqual({ files: [], emptyDirs: [dir], anyDirectory: true });
    const r = await run('check', dir, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`“${dir}”中没有 .xlsx 文件。`);
  });
});

describe('check over a directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    mkdirSync(join(dir, 'county'));
    mkdirSync(join(dir, '.trash'));
    copyFileSync(INCENTIVE, join(dir, 'county', 'incentive.xlsx'));
    copyFileSync(KEYWORK, join(dir, 'keywork.xlsx'));
    copyFileSync(INCENTIVE, join(dir, '.trash', 'old.xlsx'));
    copyFileSync(INCENTIVE, join(dir, '~$keywork.xlsx'));
    await cleanBook(join(dir, 'clean.xlsx'));
    writeFileSync(join(dir, 'broken.xlsx'), '这不是工作簿');
  });

  it('JSON: an array in file order; the unreadable one is an entry with its error, and one sentence on stderr; exit 2', async () => {
    const r = await run('check', dir, '--format', 'json');
    const body = JSON.parse(r.out) as (ResultJson | { file: string; error: string })[];
    expect(body.map((x) => x.file)).toEqual([join(dir, 'broken.xlsx'), join(dir, 'clean.xlsx'), join(dir, 'county', 'incentive.xlsx'), join(dir, 'keywork.xlsx')]);
    const sentence = `“${join(dir, 'broken.xlsx')}”是文本文件；如果是逗号分隔的表格，请把扩展名改为 .csv 后再检查。`;
    expect(body[0]).toEqual({ file: join(dir, 'broken.xlsx'), error: sentence });
    expect(body.slice(1).map((x) => ('counts' in x ? x.counts : null))).toEqual([
      { error: 0, warning: 0, info: 0 },
      { error: 2, warning: 12, info: 3 },
      { error: 0, warning: 0, info: 7 },
    ]);
    expect(r.err).toBe(sentence);
    expect(r.code).toBe(2);
  });

  it('table: one line per file under a header, then the totals', async () => {
    const r = await run('check', dir, '--format', 'table');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^文件\s+类型\s+错误\s+警告\s+提示\s+结果$/);
    expect(lines.slice(1, 5).map((l) => l.split(/\s{2,}/)[0])).toEqual([
      join(dir, 'broken.xlsx'),
      join(dir, 'clean.xlsx'),
      join(dir, 'county', 'incentive.xlsx'),
      join(dir, 'keywork.xlsx'),
    ]);
    expect(lines[1]).toContain('无法读取：');
    expect(lines[2]).toMatch(/\s0\s+0\s+0\s+通过$/);
    expect(lines[3]).toMatch(/激励事项研判\s+2\s+12\s+3\s+有错误$/);
    expect(lines[4]).toMatch(/重点工作推进\s+0\s+0\s+7\s+无错误，有警告或提示$/);
    expect(lines[6]).toBe('共 4 个文件：1 个通过，1 个仅有警告或提示，1 个有错误，1 个无法读取。');
  });

  it('exit 1 when files have errors and all could be read; 0 when none has errors', async () => {
    expect((await run('check', join(dir, 'county'), join(dir, 'clean.xlsx'), '--format', 'json')).code).toBe(1);
    expect((await run('check', join(dir, 'keywork.xlsx'), join(dir, 'clean.xlsx'), '--format', 'json')).code).toBe(0);
  });

  it('--details prints each file\'s findings before the summary', async () => {
    const r = await run('check', join(dir, 'county'), join(dir, 'keywork.xlsx'), '--format', 'table', '--details');
    expect(r.out).toContain('── 工作表“附件4”');
    expect(r.out.split('\n').pop()).toBe('共 2 个文件：0 个通过，1 个仅有警告或提示，1 个有错误，0 个无法读取。');
  });
});

describe('parallel and sequential agree', () => {
  it('20 submissions in worker threads give the same JSON as one at a time, in argument order', async () => {
    const dir = tempDir();
    const files: string[] = [];
    for (let i = 0; i < 20; i++) {
      const f = join(dir, `s${String(i).padStart(2, '0')}.xlsx`);
      copyFileSync(i % 2 === 0 ? INCENTIVE : KEYWORK, f);
      files.push(f);
    }
    files.push(join(dir, 'absent.xlsx'));
    const parallel = await run('check', ...files, '--format', 'json', '--jobs', '4');
    const sequential = await run('check', ...files, '--format', 'json', '--jobs', '1');
    expect(parallel.out).toBe(sequential.out);
    expect(parallel.err).toBe(sequential.err);
    expect(parallel.code).toBe(2);
    expect((JSON.parse(parallel.out) as ResultJson[]).map((r) => r.file)).toEqual(files);
  }, 60_000);

  it('--jobs must be a positive number', async () => {
    const r = await run('check', INCENTIVE, '--jobs', '0');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('选项“--jobs”的值“0”无效。');
  });
});

describe('progress on a terminal', () => {
  it('draws a bar per finished file and clears it; nothing for a single file', async () => {
    const dir = tempDir();
    for (const n of ['a', 'b', 'c']) await cleanBook(join(dir, `${n}.xlsx`));
    const progress: string[] = [];
    const out: string[] = [];
    const code = await main(['check', dir, '--format', 'json'], { out: (s) => out.push(s), err: () => undefined, progress: (s) => progress.push(s) });
    expect(code).toBe(0);
    expect(progress.filter((p) => /\d\/3/.test(p)).map((p) => /(\d)\/3/.exec(p)?.[1])).toEqual(['1', '2', '3']);
    expect(progress[0]?.startsWith('\r\u001b[K校验中 [')).toBe(true);
    expect(progress[0]).toMatch(/\[[█░]{24}\] 1\/3 /);
    expect(progress[progress.length - 1]).toBe('\r\x1b[K');
    expect(out.join('')).not.toContain('\r');
    const single: string[] = [];
    await main(['check', join(dir, 'a.xlsx'), '--format', 'json'], { out: () => undefined, err: () => undefined, progress: (s) => single.push(s) });
    expect(single).toEqual([]);
  });
});

describe('worker threads', () => {
  const files = (dir: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const f = join(dir, `w${i}.xlsx`);
      copyFileSync(i % 2 === 0 ? INCENTIVE : KEYWORK, f);
      return f;
    });

  it('jobs = 3 without this thread: three worker threads share the work', async () => {
    const list = files(tempDir(), 6);
    const threads = new Set<number>();
    const results = await checkMany(list, { lang: 'zh-CN', guarantee: true, jobs: 3, inThisThread: false, onWorker: (w) => threads.add(w.threadId) });
    expect(threads.size).toBe(3);
    expect(results.map((r) => r.file)).toEqual(list);
    expect(results.every((r) => !('error' in r))).toBe(true);
  }, 60_000);

  it('a thread that dies takes only its current file with it; a new thread carries on', async () => {
    const list = files(tempDir(), 6);
    let killed = false;
    const done: number[] = [];
    const results = await checkMany(
      list,
      {
        lang: 'zh-CN',
        guarantee: true,
        jobs: 2,
        inThisThread: false,
        onWorker: (w) => {
          if (!killed) {
            killed = true;
            void w.terminate();
          }
        },
      },
      (n) => done.push(n),
    );
    const failed = results.filter((r) => 'error' in r);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toEqual({ file: failed[0]!.file, error: `检查“${failed[0]!.file}”时发生意外错误，已跳过该文件。` });
    expect(results.filter((r) => !('error' in r))).toHaveLength(5);
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  }, 60_000);
});
