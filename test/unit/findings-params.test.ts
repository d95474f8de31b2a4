/** Typed finding parameters: each code's parameters come from its two message templates. */
import { FINDINGS, type FindingCode } from '../../src/core';
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
