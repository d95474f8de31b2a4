/** Typed finding parameters: each code's parameters come from its two message templates. */
import { FINDINGS, type FindingCode, t } from '../../src/core';
import { listParam, numberParam } from '../../src/core/i18n/lists';
import { FindingSink, messageOf, makeFinding } from '../../src/core/finding';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('finding parameters', () => {
  it('both languages of every code use the same parameters (a value is never present in one language only)', () => {
    const differ = (Object.keys(FINDINGS) as FindingCode[]).filter((code) => {
      const m = FINDINGS[code].message;
      return JSON.stringify([...new Set(placeholders(m['zh-CN']))]) !== JSON.stringify([...new Set(placeholders(m['en-US']))]);
    });
    expect(differ).toEqual([]);
  });

  it('the compiler refuses a missing or an unknown parameter', () => {
    const sink = new FindingSink();
    const at = { sheet: '附件1', cell: 'B6' };
    // @ts-expect-error — `unit` is missing
    sink.add('tally/row-sum', at, {});
    // @ts-expect-error — `group` is not a parameter of report/share-mismatch
    sink.add('report/share-mismatch', at, { phrase: 'x', source: '附件1', class: 'y', group: 'z' });
    sink.add('tally/row-sum', at, { unit: '州发改委' }, { expected: 3, actual: 2 });
    expect(sink.list()).toHaveLength(3);
  });

  it('a localized parameter renders in the reader\'s language: no Chinese fragment in English', () => {
    const f = makeFinding('keyitems/numbering', { sheet: '附件2', cell: 'C6' }, { unit: 'Jishou', detail: { 'zh-CN': '缺少：2', 'en-US': 'missing: 2' } });
    expect(messageOf(f)).toContain('缺少：2');
    expect(messageOf(f, 'en-US')).toContain('missing: 2');
    expect(messageOf(f, 'en-US')).not.toMatch(/缺少/);
  });
});

describe('UI text parameters (t), typed like finding parameters', () => {
  it('the compiler refuses a missing or an unknown parameter, and any parameter of a text without placeholders', () => {
    // @ts-expect-error — `file` is missing
    t('read.not-found', 'en-US', {});
    // @ts-expect-error — the parameters are missing altogether
    t('read.not-found', 'en-US');
    // @ts-expect-error — `files` is not a parameter of read.not-found
    t('read.not-found', 'en-US', { file: 'a.xlsx', files: 2 });
    // @ts-expect-error — severity.error has no placeholder
    t('severity.error', 'en-US', { count: 1 });
    expect(t('read.not-found', 'en-US', { file: 'a.xlsx' })).toBe('File "a.xlsx" not found.');
    expect(t('severity.error', 'en-US')).toBe('error');
  });

  it('a list or a number parameter is rendered in the reader\'s language', () => {
    const names = listParam(['汇总-研判统计', '校验结果']);
    expect(t('report.counts', 'en-US', { error: numberParam(1234), warning: 0, info: 1 })).toBe('1,234 errors, 0 warnings, 1 notes.');
    expect(t('excel.note.pageLayoutSkipped', 'en-US', { sheets: names })).toContain('汇总-研判统计, 校验结果');
    expect(t('excel.note.pageLayoutSkipped', 'zh-CN', { sheets: names })).toContain('汇总-研判统计、校验结果');
  });
});
