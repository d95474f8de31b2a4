/**
 * Issue 10: a required column whose header no reader can place (`栏目三`, `栏目九`, `有关情况`). The
 * sheet gets exactly one `structure/column-missing` warning naming the column, and no finding of any
 * severity derived from that column (no 项数 vs 0 listed items, no 0 for every unit, no blank 量化数据
 * per row); a cross-sheet rule that needs it is skipped with at most one notice. With the header mapped
 * in settings (`columnMap`), the same file is fully checked: the planted inconsistencies are found.
 */
import { auditWorkbook, type Audit, type Finding, type Grid, messageOf } from '../../src/core';
import { parseA1 } from '../../src/core/grid';
import { cloneGrid, findGrid, sampleGrids, setCell } from '../helpers/grids';
import { EXPECTED_A, EXPECTED_B, SAMPLE_A, SAMPLE_B } from './expected';
import { baseline, brief, expectFindings, type Expected, lines, renameHeader } from './sheets';

interface Degraded {
  readonly sheet: string;
  /** Column letter of the unrecognised column. */
  readonly column: string;
  /** The column's name, as the finding must name it. */
  readonly label: string;
  /** Findings that do not depend on the column: they must all still be there, and nothing else but one notice. */
  readonly kept: Expected;
  /** Codes that can only come from the column (or from a cross-sheet rule that needs it). */
  readonly derived: readonly string[];
  /** Findings that may stay or go (they rest on other columns, but a rule may skip them with the cross-check). */
  readonly optional?: Expected;
}

function expectDegraded(a: Audit, d: Degraded): void {
  expect(a.findings.filter((f) => f.code === ('engine/rule-failed' as string))).toEqual([]);
  const missing = a.findings.filter((f) => f.code === 'structure/column-missing');
  expect(missing.map((f) => [f.sheet, f.severity])).toEqual([[d.sheet, 'warning']]);
  // The column list is a parameter (data), joined in each language's punctuation when the message is rendered.
  expect(messageOf(missing[0] as Finding, 'zh-CN')).toContain(d.label);
  expect(messageOf(missing[0] as Finding, 'en-US')).toContain(d.label);
  // Nothing derived from the column: no code that needs it, no finding in its cells below the header.
  const derived = a.findings.filter((f) => d.derived.includes(f.code));
  expect(brief(derived)).toEqual([]);
  const inColumn = a.findings.filter((f) => {
    const p = parseA1(f.cell);
    return f.sheet === d.sheet && f.code !== 'structure/column-missing' && p !== null && f.cell.replace(/\d+$/, '') === d.column;
  });
  expect(brief(inColumn)).toEqual([]);
  // Every finding that does not depend on the column is still there; at most one notice besides.
  const optional = lines(d.optional ?? []);
  const rest = brief(a.findings.filter((f) => f.code !== 'structure/column-missing')).filter((x) => !optional.includes(x));
  const kept = lines(d.kept);
  for (const k of kept) expect(rest).toContain(k);
  const extra = [...rest];
  for (const k of kept) extra.splice(extra.indexOf(k), 1);
  expect(extra.length).toBeLessThanOrEqual(1);
  expect(extra.filter((x) => x.endsWith(' error'))).toEqual([]);
}

function run(name: string, grids: Grid[], expected: Expected, settings?: unknown): Audit {
  const a = auditWorkbook(grids, settings);
  if (process.env['EDITIONS_BASELINE']) console.log(`[baseline] ${name}: ${baseline(a, expected)} | ${a.findings.length} findings in all`);
  return a;
}

describe('a required column nobody can place, then mapped in settings', () => {
  let A: Grid[];
  let B: Grid[];
  beforeAll(async () => {
    A = await sampleGrids(SAMPLE_A);
    B = await sampleGrids(SAMPLE_B);
  });

  describe('U1 附件2 具体事项 headed 栏目三', () => {
    let v: Grid[];
    beforeAll(() => {
      v = A.map((g) => cloneGrid(g));
      renameHeader(findGrid(v, '附件2'), '具体事项', '栏目三');
      setCell(findGrid(v, '附件2'), 'B9', 9); // planted: 凤凰县 lists 8 items
    });

    it('one column-missing warning naming 具体事项; no 项数 check, no key-item cross-check', () => {
      const kept = EXPECTED_A.filter(([s, , code]) => !(s === '附件2' && code.startsWith('cross/key-item')) && code !== 'units/alias-applied');
      const a = run('U1 unmapped', v, kept);
      expectDegraded(a, {
        sheet: '附件2',
        column: 'C',
        label: '具体事项',
        kept,
        derived: ['keyitems/count', 'keyitems/numbering', 'keyitems/duplicate-item', 'cross/key-item-missing', 'cross/key-item-extra', 'cross/key-unit-missing', 'units/unknown-unit'],
        // 泸溪高新区/花垣产业开发区 → county: read from 附件3 and 附件2's 单位, not from 具体事项.
        optional: EXPECTED_A.filter(([, , code]) => code === 'units/alias-applied'),
      });
    });

    it('mapped (columnMap: 栏目三 → items): fully checked, the wrong 项数 found', () => {
      const expected: Expected = [...EXPECTED_A, ['附件2', 'B9', 'keyitems/count', 'error']];
      const a = run('U1 mapped', v, expected, { columnMap: { 'unit-key-items': { 栏目三: 'items' } } });
      expectFindings(a, expected);
    });
  });

  describe('U2 附件2 量化数据 headed 栏目九', () => {
    let v: Grid[];
    beforeAll(() => {
      v = B.map((g) => cloneGrid(g));
      renameHeader(findGrid(v, '附件2'), '量化数据', '栏目九');
      setCell(findGrid(v, '附件2'), 'I18', 0.45); // planted: 3096 ÷ 5600 = 55%
    });

    it('one column-missing warning naming 量化数据; no percentage check and no “blank 量化数据” per row', () => {
      const kept = EXPECTED_B.filter(([, , code]) => code !== 'livelihood/not-quantifiable');
      const a = run('U2 unmapped', v, kept);
      expectDegraded(a, {
        sheet: '附件2',
        column: 'I',
        label: '量化数据',
        kept,
        derived: ['livelihood/pct-mismatch', 'livelihood/not-quantifiable', 'livelihood/status-met', 'cell/number-as-text', 'cell/not-a-number', 'cell/excel-error'],
      });
    });

    it('mapped (columnMap: 栏目九 → pct): fully checked, the wrong percentage found', () => {
      const expected: Expected = [...EXPECTED_B, ['附件2', 'I18', 'livelihood/pct-mismatch', 'error']];
      const a = run('U2 mapped', v, expected, { columnMap: { 'livelihood-projects': { 栏目九: 'pct' } } });
      expectFindings(a, expected);
    });
  });

  describe('U3 附件3 州直研判情况 headed 有关情况', () => {
    let v: Grid[];
    beforeAll(() => {
      v = A.map((g) => cloneGrid(g));
      renameHeader(findGrid(v, '附件3'), '州直研判情况', '有关情况');
      setCell(findGrid(v, '附件3'), 'E19', '州本级：有可能'); // planted: 附件1 counts 安全生产 as 很有可能
    });

    it('one column-missing warning naming the assessment; 附件1 and 附件2 are not compared with ratings nobody read', () => {
      const kept = EXPECTED_A.filter(([s, , code]) => !(s === '附件2' && code.startsWith('cross/key-item')) && code !== 'units/alias-applied');
      const a = run('U3 unmapped', v, kept);
      expectDegraded(a, {
        sheet: '附件3',
        column: 'E',
        label: '研判情况',
        kept,
        derived: ['cross/tally-mismatch', 'cross/tally-unit-missing', 'cross/tally-unit-extra', 'cross/key-item-missing', 'cross/key-item-extra', 'cross/key-unit-missing', 'units/alias-applied', 'units/unknown-unit', 'cell/rating-vocabulary'],
      });
    });

    it('mapped (columnMap: 有关情况 → assessment): fully checked, the tally mismatch found', () => {
      const expected: Expected = [...EXPECTED_A, ['附件1', 'C12', 'cross/tally-mismatch', 'error'], ['附件1', 'D12', 'cross/tally-mismatch', 'error']];
      const a = run('U3 mapped', v, expected, { columnMap: { 'incentive-analysis': { 有关情况: 'assessment' } } });
      expectFindings(a, expected);
    });
  });
});
