/**
 * Unknown words as classes (issue 18, item 5), and 附件1 written with one column of words instead of three
 * columns of marks. Known words keep their meaning; a small closed set of unknown words is counted as classes
 * of their own and checked against the 通报 figures that use the same words; an unknown word never causes an
 * error by itself. Built from the profile B model of test/editions/editionB.ts.
 */
import { auditWorkbook, type Audit, messageOf } from '../../src/core';
import { wordClasses, wordIn } from '../../src/core/wordClasses';
import { editionB, type EditionB, HUARONG_2023 } from '../editions/editionB';

const errors = (a: Audit) => a.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.sheet}!${f.cell}`);
const codes = (a: Audit, code: string) => a.findings.filter((f) => f.code === code);

describe('word classes', () => {
  it('a small closed set of short repeated words is a set of classes; free text and one-off words are not', () => {
    expect(wordClasses(['进展顺利', '进展顺利', '超额完成', '推进较慢', '推进较慢', '进展 顺利'])).toEqual([
      { word: '进展顺利', count: 3 },
      { word: '推进较慢', count: 2 },
      { word: '超额完成', count: 1 },
    ]);
    expect(wordClasses(['甲', '乙', '丙'])).toBeNull();
    expect(wordClasses(['已完成3处，另1处正在施工', '进展顺利', '进展顺利'])).toBeNull();
    expect(wordClasses(['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e', 'f', 'f', 'g', 'g'])).toBeNull();
    expect(wordIn('进展基本顺利的', [{ word: '顺利', count: 1 }, { word: '基本顺利', count: 1 }])).toBe('基本顺利');
    expect(wordIn('已完成年度目标任务的', [{ word: '进展顺利', count: 2 }])).toBeNull();
  });
});

describe('附件1 with one column of words', () => {
  const known = { header: '进度评价', words: { done: '已完成', onSchedule: '正常推进', lagging: '进度滞后' } } as const;

  it('known words give the classes: the 通报 counts are checked, and agree', () => {
    const e = editionB({ place: HUARONG_2023, layout: { targetWords: known } });
    const a = auditWorkbook(e.grids);
    expect(a.sheets.map((s) => s.kind)).toContain('target-progress');
    expect(a.records['target-progress']?.rows.filter((r) => r.cls === 'done').length).toBeGreaterThan(0);
    expect(errors(a)).toEqual([]);
  });

  it('known words: a wrong count in the 通报 is found (it was silently skipped when status was one column of words)', () => {
    const e = editionB({ place: HUARONG_2023, layout: { targetWords: known }, headline: (s) => s.replace(/进展相对滞后的(\d+)项/, (_, n: string) => `进展相对滞后的${Number(n) + 1}项`) });
    const a = auditWorkbook(e.grids);
    expect(errors(a)).toEqual([`report/count-mismatch 通报!${e.headlineCell}`]);
  });

  it('unknown words in a closed set (超额完成 / 进展顺利 / 推进较慢): said once as classes, no error, and a 通报 count in the same words is checked', () => {
    const words = { header: '进展状态', words: { done: '超额完成', onSchedule: '进展顺利', lagging: '推进较慢' } } as const;
    const ok = editionB({ place: HUARONG_2023, layout: { targetWords: words } });
    const a = auditWorkbook(ok.grids);
    expect(errors(a)).toEqual([]);
    expect(codes(a, 'target/status-words')).toHaveLength(1);
    expect(codes(a, 'target/status-vocabulary')).toEqual([]);
    const slow = a.records['target-progress']?.rows.filter((r) => r.statusWord === '推进较慢').length ?? 0;
    expect(slow).toBeGreaterThan(0);

    // The 通报 names the same words: right, then one too many.
    const says = (n: number) => (s: string) => s.replace(/。(\d+)件省市重点民生实事中/, `；推进较慢的${n}项。$1件省市重点民生实事中`);
    const right = editionB({ place: HUARONG_2023, layout: { targetWords: words }, headline: says(slow) });
    expect(errors(auditWorkbook(right.grids))).toEqual([]);
    const wrong = editionB({ place: HUARONG_2023, layout: { targetWords: words }, headline: says(slow + 1) });
    const w = auditWorkbook(wrong.grids);
    expect(errors(w)).toEqual([`report/count-mismatch 通报!${wrong.headlineCell}`]);
    expect(messageOf(codes(w, 'report/count-mismatch')[0]!)).toContain('推进较慢');
  });

  it('unknown words that are not a closed set: one warning per row, never an error', () => {
    const e: EditionB = editionB({ place: HUARONG_2023, layout: { targetWords: known } });
    const a0 = auditWorkbook(e.grids);
    const rows = a0.tables.get('target-progress')?.dataRows ?? [];
    const col = a0.tables.get('target-progress')?.header.columns.get('statusWord')?.[0] ?? -1;
    const first = rows[0];
    if (!first) throw new Error('no rows');
    (e.targets.grid.values[first.row] as unknown[])[col] = '已完成3处，另1处正在施工';
    const a = auditWorkbook(e.grids);
    expect(codes(a, 'target/status-vocabulary')).toHaveLength(1);
    expect(codes(a, 'target/status-words')).toEqual([]);
    expect(errors(a).filter((x) => !x.startsWith('report/'))).toEqual([]);
  });
});

describe('附件2 进度评价 in words the vocabulary does not know', () => {
  it('a closed set is counted as classes: one note, no warning per row, no error', () => {
    const e = editionB({ place: HUARONG_2023, layout: { status: { done: '超额完成', onSchedule: '进展顺利', lagging: '推进较慢' } } });
    const a = auditWorkbook(e.grids);
    expect(codes(a, 'livelihood/status-words')).toHaveLength(1);
    expect(codes(a, 'livelihood/status-vocabulary')).toEqual([]);
    expect(errors(a)).toEqual([]);
  });

  it('a 通报 count in the same words is checked: 进展顺利的N件', () => {
    const layout = { status: { done: '超额完成', onSchedule: '进展顺利', lagging: '推进较慢' } } as const;
    const base = auditWorkbook(editionB({ place: HUARONG_2023, layout }).grids);
    const smooth = base.records['livelihood-projects']?.rows.filter((r) => r.status === '进展顺利').length ?? 0;
    expect(smooth).toBeGreaterThan(0);
    const says = (n: number) => (s: string) => s.replace(/(\d+)件省市重点民生实事中，/, `$1件省市重点民生实事中，进展顺利的${n}件，`);
    expect(errors(auditWorkbook(editionB({ place: HUARONG_2023, layout, headline: says(smooth) }).grids))).toEqual([]);
    const wrong = editionB({ place: HUARONG_2023, layout, headline: says(smooth + 2) });
    expect(errors(auditWorkbook(wrong.grids))).toEqual([`report/count-mismatch 通报!${wrong.headlineCell}`]);
  });
});
