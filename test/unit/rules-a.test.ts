/**
 * Profile A rules, one finding code at a time: a small but realistic set of annexes (附件1–附件5) that is
 * clean, then one change that must make the rule fire at the right sheet and cell, and a near-identical
 * change that must not.
 */
import { FINDINGS_READ } from '../../src/core/i18n/findingsRead';
import { FINDINGS_VALUES } from '../../src/core/i18n/findingsValues';
import { FINDINGS_SUBMISSIONS } from '../../src/core/i18n/findingsSubmissions';
import { auditWorkbook, type Audit, type Finding, FINDINGS, type FindingCode, messageOf } from '../../src/core';
import { type CellValue, type Grid, parseA1 } from '../../src/core/grid';
import { ANNEXES, ANNEX_KINDS } from '../../src/core/kinds';
import { cloneGrid, findGrid, makeGrid, sampleGrids, setCell } from '../helpers/grids';
import { detectKind } from '../../src/core/detect';
import { FindingSink } from '../../src/core/finding';
import { checkGenericTable } from '../../src/core/genericTable';
import { readTable } from '../../src/core/table';

// ── the fixture ───────────────────────────────────────────────────────────────────────────────────────

const NOTE = '注：●表示该项2021年14个市州全获激励（共1项）；Ⅱ或Ⅲ表示分二类或三类地区考核（共1小项）';

/**
 * 附件1: 州发改委 2 items (有可能 1, 难度较大 1), 州民政局 1 item (很有可能 1); a 合计 row under the header with SUM formulas.
 * 附件2: 州本级, 吉首市, 龙山县 with their key items. 附件3: three items. 附件4: one progress row per item. 附件5: two liaison rows.
 */
function annexes(): Grid[] {
  const t1 = makeGrid(
    '附件1',
    [
      ['附件1'],
      ['2022年省政府真抓实干激励事项研判统计表', null, null, null, null, null],
      ['统计截止10月10日', null, null, null, null, null],
      ['牵头单位', '总项数', '很有可能', '有可能', '难度较大', '不太可能'],
      ['合  计', 3, 1, 1, 1, 0],
      ['州发改委', 2, null, 1, 1, null],
      ['州民政局', 1, 1, null, null, null],
    ],
    ['A2:F2', 'A3:F3'],
    { B5: 'SUM(B6:B7)', C5: 'SUM(C6:C7)', D5: 'SUM(D6:D7)', E5: 'SUM(E6:E7)', F5: 'SUM(F6:F7)' },
  );
  const t2 = makeGrid(
    '附件2',
    [
      ['附件2'],
      ['2022年省政府真抓实干县市区重点事项汇总表', null, null],
      ['统计截止10月10日', null, null],
      ['单  位', '重点事项（州直单位研判情况）', null],
      [null, '项数', '具体事项'],
      ['州本级', 1, '1.推进养老服务体系建设'],
      ['吉首市', 1, '1.推进养老服务体系建设'],
      ['龙山县', 1, '1.营商环境'],
    ],
    ['A2:C2', 'A3:C3', 'A4:A5', 'B4:C4'],
  );
  const t3 = makeGrid(
    '附件3',
    [
      ['附件3'],
      ['2022年省政府真抓实干激励事项研判分析表（统计截止10月10日）'],
      [NOTE],
      ['牵头单位', '序  号', '激励事项', '激励名额', '州直研判情况', '2021年获激励情况', '2020年获激励情况'],
      ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大', '花垣县', '×'],
      [null, '第3项', '营商环境', '4个市州\n10个县市', '龙山县：有可能', '×', '——'],
      ['州民政局', '第31项', '●Ⅲ推进养老服务体系建设', '4个市州\n10个县市', '州本级：有可能\n吉首市：很有可能', '×', '×'],
    ],
    ['A2:G2', 'A3:G3', 'A5:A6'],
  );
  const t4 = makeGrid(
    '附件4',
    [
      ['附件4'],
      ['2022年省政府真抓实干激励事项进展情况（统计截止10月10日）', null, null, null, null],
      ['牵头单位', '激励事项', '最新进展', '存在问题', '与上级部门对接情况'],
      ['州发改委', '高质量发展', '共有考核指标10项，截止目前已完成2项，未完成8项。', '指标数据次年才有反馈。', '9月2日，赵主任带队到省发改委汇报。'],
      ['州发改委', '营商环境', '县市完成率均超过九成，差距较小。', '部门协同不足。', '7月26日，到省发改委对接营商环境工作。'],
      ['州民政局', '推进养老服务体系建设', '共有考核基本指标10项，截止目前已完成3项，未完成7项', '农村互助养老基础薄弱。', '给省厅汇报对接后，反馈县市可能性稍大。'],
    ],
    ['A2:E2'],
  );
  const t5 = makeGrid(
    '附件5',
    [
      ['附件5'],
      ['2022年省政府真抓实干县市区对接情况统计', null, null],
      ['统计截止10月10日', null, null],
      ['县市区', '重点事项', '对接情况'],
      ['吉首市', '推进养老服务体系建设', '8月12日，民政局长赴省民政厅汇报。'],
      ['龙山县', '营商环境', '4月21日，县发改局到州营商环境推进专班汇报。'],
    ],
    ['A2:C2', 'A3:C3'],
  );
  return [t1, t2, t3, t4, t5];
}

type Edit = [sheet: string, ref: string, value: CellValue, formula?: string | null];

/** A fresh fixture with cell edits applied. A value keeps its formula unless one is given (null removes it). */
function edited(edits: readonly Edit[], grids = annexes()): Grid[] {
  for (const [sheet, ref, value, formula] of edits) {
    const g = findGrid(grids, sheet);
    const p = parseA1(ref);
    const keep = p ? (g.formulas?.[p.row]?.[p.col] ?? null) : null;
    setCell(g, ref, value, formula === undefined ? keep : formula);
  }
  return grids;
}

function audit(grids: readonly Grid[], settings?: unknown): Audit {
  return auditWorkbook(grids, settings);
}

/** The codes this file's fixtures were seen to produce, when a test asked for them (see 'catalogue', last). */
const FIRED = new Set<FindingCode>();

/** The findings of `code`; a code found is recorded as tested here. */
function ofCode(a: Audit, code: FindingCode): Finding[] {
  return fired(a.findings.filter((f) => f.code === code));
}

function fired(findings: readonly Finding[]): Finding[] {
  for (const f of findings) FIRED.add(f.code);
  return [...findings];
}

function codes(a: Audit): string[] {
  return a.findings.map((f) => f.code);
}

/** Exactly one finding of `code` at sheet!cell, with this severity; returns it. */
function expectAt(a: Audit, code: FindingCode, sheet: string, cell: string, severity: 'error' | 'warning' | 'info'): Finding {
  const here = ofCode(a, code).filter((f) => f.sheet === sheet && f.cell === cell);
  if (here.length !== 1) {
    throw new Error(`expected one ${code} at ${sheet}!${cell}; got:\n${a.findings.map((f) => `  ${f.code} ${f.sheet}!${f.cell}`).join('\n')}`);
  }
  const f = here[0] as Finding;
  expect(f.severity).toBe(severity);
  expect(FINDINGS[code].severity).toBe(severity);
  expect(messageOf(f)).not.toMatch(/undefined|\{\w+\}/);
  return f;
}

function expectNone(a: Audit, code: FindingCode): void {
  expect(codes(a)).not.toContain(code);
}

// ── the clean fixture ─────────────────────────────────────────────────────────────────────────────────

describe('the clean fixture', () => {
  it('is recognised sheet by sheet and has no finding at all', () => {
    const a = audit(annexes());
    expect(a.profile).toBe('incentive');
    expect(a.sheets.map((s) => s.kind)).toEqual(['rating-tally', 'unit-key-items', 'incentive-analysis', 'progress-report', 'liaison-log']);
    expect(a.findings).toEqual([]);
    expect(a.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(a.year).toBe(2022);
  });

  it('recomputes 附件1 from 附件3', () => {
    const r = audit(annexes()).recomputed.incentive;
    expect(r?.tally).toEqual([
      { unit: '州发改委', total: 2, veryLikely: 0, likely: 1, hard: 1, unlikely: 0 },
      { unit: '州民政局', total: 1, veryLikely: 1, likely: 0, hard: 0, unlikely: 0 },
    ]);
    expect(r?.tallyTotal).toMatchObject({ total: 3, veryLikely: 1, likely: 1, hard: 1, unlikely: 0 });
  });

  it('does not mutate the grids it is given', () => {
    const grids = annexes();
    const before = JSON.stringify(grids);
    const deepFreeze = (o: unknown): void => {
      if (o && typeof o === 'object' && !Object.isFrozen(o)) {
        Object.freeze(o);
        for (const v of Object.values(o)) deepFreeze(v);
      }
    };
    deepFreeze(grids);
    const a = audit(grids);
    expect(a.findings).toEqual([]);
    expect(JSON.stringify(grids)).toBe(before);
  });

  it('is deterministic', () => {
    const edits: Edit[] = [
      ['附件1', 'B6', 3],
      ['附件4', 'E4', '28月16日，汇报。'],
    ];
    expect(audit(edited(edits)).findings).toEqual(audit(edited(edits)).findings);
  });
});

// ── tally/* ───────────────────────────────────────────────────────────────────────────────────────────

describe('tally/row-sum', () => {
  it('fires when 总项数 differs from the sum of the rating columns', () => {
    const a = audit(edited([['附件1', 'B6', 3]]));
    const f = expectAt(a, 'tally/row-sum', '附件1', 'B6', 'error');
    expect(f).toMatchObject({ expected: 2, actual: 3 });
    expect(f.related?.map((r) => r.cell)).toEqual(['C6', 'D6', 'E6', 'F6']);
    expect(messageOf(f)).toContain('州发改委');
  });

  it('does not fire when the parts are numbers stored as text that add up', () => {
    const a = audit(edited([['附件1', 'D6', '1']]));
    expectNone(a, 'tally/row-sum');
    expectAt(a, 'cell/number-as-text', '附件1', 'D6', 'warning');
  });
});

describe('tally/column-total', () => {
  const typedTotals: Edit[] = [
    ['附件1', 'B5', 3, null],
    ['附件1', 'C5', 1, null],
    ['附件1', 'D5', 1, null],
    ['附件1', 'E5', 1, null],
    ['附件1', 'F5', 0, null],
  ];

  it('fires when a typed 合计 differs from the sum of the unit rows', () => {
    const a = audit(edited([...typedTotals, ['附件1', 'C5', 2, null]]));
    expect(expectAt(a, 'tally/column-total', '附件1', 'C5', 'error')).toMatchObject({ expected: 1, actual: 2 });
    expect(ofCode(a, 'tally/column-total')).toHaveLength(1);
  });

  it('fires when a 合计 formula holds a stale cached value', () => {
    const a = audit(edited([['附件1', 'B5', 4]]));
    expect(expectAt(a, 'tally/column-total', '附件1', 'B5', 'error')).toMatchObject({ expected: 3, actual: 4 });
  });

  it('does not fire when typed totals are right', () => {
    expect(audit(edited(typedTotals)).findings).toEqual([]);
  });
});

describe('tally/total-formula-range', () => {
  // A third unit with 0 items: the totals stay right, only the formulas miss its row.
  const third: Edit[] = [
    ['附件1', 'A8', '州财政局'],
    ['附件1', 'B8', 0],
  ];

  it('fires when the SUM range skips a unit row', () => {
    const a = audit(edited(third));
    const f = expectAt(a, 'tally/total-formula-range', '附件1', 'B5', 'error');
    expect(f).toMatchObject({ expected: 'SUM(B6:B8)', actual: 'SUM(B6:B7)' });
    expect(ofCode(a, 'tally/total-formula-range').map((x) => x.cell)).toEqual(['B5', 'C5', 'D5', 'E5', 'F5']);
    expectNone(a, 'tally/column-total');
  });

  it('fires when a list of cells leaves out a row in the middle', () => {
    const a = audit(edited([...third, ['附件1', 'B5', 3, 'SUM(B6,B8)']]));
    expect(expectAt(a, 'tally/total-formula-range', '附件1', 'B5', 'error')).toMatchObject({ actual: 'SUM(B6,B8)' });
  });

  it('does not fire when the range covers every unit row, as a range or as a sum of cells', () => {
    const a = audit(
      edited([
        ...third,
        ['附件1', 'B5', 3, 'SUM(B6:B8)'],
        ['附件1', 'C5', 1, 'C6+C7+C8'],
        ['附件1', 'D5', 1, 'SUM(D$6:D$8)'],
        ['附件1', 'E5', 1, 'sum(e6:e8)'],
        ['附件1', 'F5', 0, 'SUM(F6:F8)'],
      ]),
    );
    expectNone(a, 'tally/total-formula-range');
    expect(a.findings).toEqual([]);
  });
});

describe('tally/total-typed-over-formula', () => {
  it('fires when one 合计 cell is a typed number among formulas', () => {
    const a = audit(edited([['附件1', 'D5', 1, null]]));
    expect(expectAt(a, 'tally/total-typed-over-formula', '附件1', 'D5', 'warning')).toMatchObject({ actual: 1 });
    expect(ofCode(a, 'tally/total-typed-over-formula')).toHaveLength(1);
  });

  it('does not fire when the whole 合计 row is typed', () => {
    const a = audit(
      edited([
        ['附件1', 'B5', 3, null],
        ['附件1', 'C5', 1, null],
        ['附件1', 'D5', 1, null],
        ['附件1', 'E5', 1, null],
        ['附件1', 'F5', 0, null],
      ]),
    );
    expectNone(a, 'tally/total-typed-over-formula');
  });
});

// ── cell/* ────────────────────────────────────────────────────────────────────────────────────────────

describe('cell/number-as-text and cell/full-width-digits', () => {
  it('a number stored as text is a warning, and the arithmetic still uses its value', () => {
    const a = audit(edited([['附件1', 'B6', '2']]));
    const f = expectAt(a, 'cell/number-as-text', '附件1', 'B6', 'warning');
    expect(f.actual).toBe('2');
    expect(messageOf(f)).toContain('总项数');
    expect(codes(a)).toEqual(['cell/number-as-text']);
  });

  it('a wrong number stored as text is still caught by the arithmetic', () => {
    const a = audit(edited([['附件1', 'B6', '3']]));
    expectAt(a, 'cell/number-as-text', '附件1', 'B6', 'warning');
    expectAt(a, 'tally/row-sum', '附件1', 'B6', 'error');
  });

  it('full-width digits are their own warning, not also number-as-text, and still add up', () => {
    const a = audit(edited([['附件1', 'B6', '２']]));
    expect(expectAt(a, 'cell/full-width-digits', '附件1', 'B6', 'warning').actual).toBe('２');
    expect(codes(a)).toEqual(['cell/full-width-digits']);
  });

  it('full-width digits in 附件2 项数 are read for the count check', () => {
    const a = audit(edited([['附件2', 'B7', '１']]));
    expectAt(a, 'cell/full-width-digits', '附件2', 'B7', 'warning');
    expectNone(a, 'keyitems/count');
  });

  it('a real number fires neither', () => {
    const a = audit(edited([['附件1', 'B6', 2]]));
    expectNone(a, 'cell/number-as-text');
    expectNone(a, 'cell/full-width-digits');
  });
});

describe('cell/excel-error', () => {
  it('fires on #REF! in a count cell', () => {
    const a = audit(edited([['附件1', 'B6', { error: '#REF!' }]]));
    const f = expectAt(a, 'cell/excel-error', '附件1', 'B6', 'error');
    expect(f.actual).toBe('#REF!');
    expect(messageOf(f)).toContain('#REF!');
    expectNone(a, 'tally/row-sum');
  });

  it('fires on an error in the 合计 row too', () => {
    const a = audit(edited([['附件1', 'C5', { error: '#REF!' }]]));
    expectAt(a, 'cell/excel-error', '附件1', 'C5', 'error');
  });

  it('does not fire on a number', () => {
    expectNone(audit(edited([['附件1', 'B6', 2]])), 'cell/excel-error');
  });
});

describe('cell/not-a-number', () => {
  it('fires on words where a count is expected', () => {
    const a = audit(edited([['附件1', 'B6', '见附表']]));
    expect(expectAt(a, 'cell/not-a-number', '附件1', 'B6', 'error').actual).toBe('见附表');
  });

  it('does not fire on a count in words with one plausible reading (两项 is 2): read, and noted', () => {
    const a = audit(edited([['附件1', 'B6', '两项']]));
    expectNone(a, 'cell/not-a-number');
    expect(expectAt(a, 'cell/read-as', '附件1', 'B6', 'info').actual).toBe('两项');
  });

  it('does not fire on a blank rating cell (a blank is 0)', () => {
    const a = audit(edited([['附件1', 'C6', null]]));
    expectNone(a, 'cell/not-a-number');
    expect(a.findings).toEqual([]);
  });
});

describe('cell/required', () => {
  it('fires when 最新进展 is blank', () => {
    const a = audit(edited([['附件4', 'C5', null]]));
    expect(messageOf(expectAt(a, 'cell/required', '附件4', 'C5', 'warning'))).toContain('最新进展');
  });

  it('fires when 序号 is blank under a new 牵头单位 (it is not filled from another unit)', () => {
    const a = audit(edited([['附件3', 'B7', null]]));
    expect(messageOf(expectAt(a, 'cell/required', '附件3', 'B7', 'warning'))).toContain('序号');
  });

  it('does not fire when 序号 is blank under the same (merged) 牵头单位: it continues the item above', () => {
    const a = audit(edited([['附件3', 'B6', null]]));
    expectNone(a, 'cell/required');
    expect(a.findings).toEqual([]);
  });
});

describe('cell/rating-vocabulary', () => {
  it('fires when an assessment holds no known rating', () => {
    const a = audit(edited([['附件3', 'E5', '待定']]));
    expect(expectAt(a, 'cell/rating-vocabulary', '附件3', 'E5', 'warning').actual).toBe('待定');
  });

  it('fires on a unit line with no known rating beside rated ones', () => {
    const a = audit(edited([['附件3', 'E7', '州本级：有可能\n吉首市：很有可能\n凤凰县：待定']]));
    expectAt(a, 'cell/rating-vocabulary', '附件3', 'E7', 'warning');
  });

  it('does not fire on notes or group phrases', () => {
    const a = audit(edited([['附件3', 'E7', '州本级：有可能\n吉首市：很有可能\n县市均有可能（动态变化）\n（注：重点支持吉首市）']]));
    expectNone(a, 'cell/rating-vocabulary');
  });
});

describe('cell/invalid-date', () => {
  it('fires on a date that does not exist, with the workbook year', () => {
    const a = audit(edited([['附件4', 'E4', '28月16日，覃振华副局长带队到省市场监管局汇报。']]));
    const f = expectAt(a, 'cell/invalid-date', '附件4', 'E4', 'error');
    expect(f.actual).toBe('28月16日');
    expect(messageOf(f)).toContain('2022');
  });

  it('fires in 附件5 对接情况 too', () => {
    const a = audit(edited([['附件5', 'C6', '9月31日，到州营商环境推进专班汇报。']]));
    expectAt(a, 'cell/invalid-date', '附件5', 'C6', 'error');
  });

  it('does not fire on a valid date', () => {
    expectNone(audit(edited([['附件4', 'E4', '8月16日，覃振华副局长带队到省市场监管局汇报。']])), 'cell/invalid-date');
  });

  describe('2月29日 and the workbook year', () => {
    const leap: Edit = ['附件5', 'C5', '2月29日，民政局长赴省民政厅汇报。'];

    it('is invalid in a workbook titled 2022', () => {
      expectAt(audit(edited([leap])), 'cell/invalid-date', '附件5', 'C5', 'error');
    });

    it('is valid when every title says 2024', () => {
      const grids = edited([leap]).map((g) => ({
        ...g,
        values: g.values.map((row) => row.map((v) => (typeof v === 'string' ? v.replace('2022年', '2024年') : v))),
      }));
      const a = audit(grids);
      expect(a.year).toBe(2024);
      expectNone(a, 'cell/invalid-date');
    });

    it('is valid when the year setting says 2024, whatever the titles say', () => {
      const a = audit(edited([leap]), { year: 2024 });
      expectNone(a, 'cell/invalid-date');
    });
  });
});

describe('cell/malformed-date', () => {
  it('fires on 月 typed for 日, suggesting the date', () => {
    const a = audit(edited([['附件5', 'C5', '9月1月—2日，局长张世友到省信访局相关处室汇报，效果较好。']]));
    expect(expectAt(a, 'cell/malformed-date', '附件5', 'C5', 'warning')).toMatchObject({ expected: '9月1日', actual: '9月1月' });
  });

  it('does not fire on the date written right', () => {
    expectNone(audit(edited([['附件5', 'C5', '9月1日—2日，局长张世友到省信访局相关处室汇报，效果较好。']])), 'cell/malformed-date');
  });
});

describe('cell/history-blank', () => {
  it('fires once per item on its first blank year, naming every blank year', () => {
    const a = audit(edited([
      ['附件3', 'F5', null],
      ['附件3', 'G5', null],
    ]));
    const f = expectAt(a, 'cell/history-blank', '附件3', 'F5', 'warning');
    expect(messageOf(f)).toContain('2021年、2020年');
    expect(f.related).toEqual([{ sheet: '附件3', cell: 'G5' }]);
  });

  it('does not fire on ×, —— or winners', () => {
    const a = audit(edited([
      ['附件3', 'F5', '——'],
      ['附件3', 'G5', '湘西州\n吉首市'],
    ]));
    expectNone(a, 'cell/history-blank');
  });
});

// ── keyitems/* ────────────────────────────────────────────────────────────────────────────────────────

describe('keyitems/count', () => {
  it('fires when 项数 differs from the number of listed items', () => {
    const a = audit(edited([['附件2', 'B7', 2]]));
    const f = expectAt(a, 'keyitems/count', '附件2', 'B7', 'error');
    expect(f).toMatchObject({ expected: 1, actual: 2, related: [{ sheet: '附件2', cell: 'C7' }] });
    expect(messageOf(f)).toContain('吉首市');
  });

  it('does not fire when 项数 is a number stored as text that matches', () => {
    const a = audit(edited([['附件2', 'B7', '1']]));
    expectNone(a, 'keyitems/count');
  });

  it('an item wrapped onto a second line is one item: 2 numbered items are 2, not 3 (and not an unnumbered item)', () => {
    const a = audit(edited([['附件2', 'B7', 2], ['附件2', 'C7', '1.营商环境\n2.高质量\n发展']]));
    expectNone(a, 'keyitems/count');
    expectNone(a, 'keyitems/numbering');
  });

  it('a line between item 1 and item 2 can only be item 1 wrapped: 3 for 2 items is off; after the last item it may be an unnumbered item, so 3 is not', () => {
    expect(expectAt(audit(edited([['附件2', 'B7', 3], ['附件2', 'C7', '1.营商\n环境\n2.高质量发展']])), 'keyitems/count', '附件2', 'B7', 'error')).toMatchObject({ expected: 2, actual: 3 });
    expectNone(audit(edited([['附件2', 'B7', 3], ['附件2', 'C7', '1.营商环境\n2.高质量\n发展']])), 'keyitems/count');
  });
});

describe('keyitems/count-by-lines', () => {
  it('fires with keyitems/count when 项数 is a formula counting the lines and an item wraps', () => {
    const a = audit(edited([['附件2', 'B7', 3, 'LEN(C7)-LEN(SUBSTITUTE(C7,CHAR(10),""))+1'], ['附件2', 'C7', '1.营商环境\n2.高质量\n发展']]));
    expect(expectAt(a, 'keyitems/count', '附件2', 'B7', 'error')).toMatchObject({ expected: 2, actual: 3 });
    expectAt(a, 'keyitems/count-by-lines', '附件2', 'B7', 'info');
  });

  it('does not fire when the count is typed, or when a line-count formula happens to be right', () => {
    expectNone(audit(edited([['附件2', 'B7', 3], ['附件2', 'C7', '1.营商环境\n2.高质量\n发展']])), 'keyitems/count-by-lines');
    expectNone(audit(edited([['附件2', 'B7', 2, 'LEN(C7)-LEN(SUBSTITUTE(C7,CHAR(10),""))+1'], ['附件2', 'C7', '1.营商环境\n2.高质量发展']])), 'keyitems/count-by-lines');
  });
});

describe('keyitems/numbering', () => {
  it('fires on a gap', () => {
    const a = audit(edited([['附件2', 'C8', '2.营商环境']]));
    expect(messageOf(expectAt(a, 'keyitems/numbering', '附件2', 'C8', 'warning'))).toContain('缺少：1');
  });

  it('fires on a repeat', () => {
    const a = audit(edited([
      ['附件2', 'B8', 2],
      ['附件2', 'C8', '1.营商环境\n1.高质量发展'],
    ]));
    expect(messageOf(expectAt(a, 'keyitems/numbering', '附件2', 'C8', 'warning'))).toContain('重复：1');
  });

  it('does not fire on 1. 2. or 1、 2、 numbering', () => {
    const a = audit(edited([
      ['附件2', 'B8', 2],
      ['附件2', 'C8', '1、营商环境\n2、高质量发展'],
    ]));
    expectNone(a, 'keyitems/numbering');
  });
});

describe('keyitems/duplicate-item', () => {
  it('fires when a unit lists the same item twice', () => {
    const a = audit(edited([
      ['附件2', 'B8', 2],
      ['附件2', 'C8', '1.营商环境\n2.“营商环境”'],
    ]));
    expect(expectAt(a, 'keyitems/duplicate-item', '附件2', 'C8', 'warning').actual).toBe(2);
  });

  it('does not fire when two units list the same item', () => {
    expectNone(audit(annexes()), 'keyitems/duplicate-item');
  });
});

// ── text/* ────────────────────────────────────────────────────────────────────────────────────────────

describe('text/count-sum', () => {
  it('fires when explicit counts do not add up', () => {
    const a = audit(edited([['附件4', 'C4', '共有考核指标5大项，截止目前已完成2大项，未完成2大项。']]));
    expect(expectAt(a, 'text/count-sum', '附件4', 'C4', 'error')).toMatchObject({ expected: 4, actual: 5 });
    expectNone(a, 'text/count-sum-ambiguous');
  });

  it('does not fire when they add up', () => {
    const a = audit(edited([['附件4', 'C4', '共有考核指标5大项，截止目前已完成2大项，未完成3大项。']]));
    expectNone(a, 'text/count-sum');
    expect(a.findings).toEqual([]);
  });
});

describe('text/count-sum-ambiguous', () => {
  it('fires when counts of unstated level match no total', () => {
    const a = audit(edited([['附件4', 'C4', '共有考核指标7大项，目前已完成2大项（基本完成稳定产能、绿色发展），未完成8项，未完成事项具体为：经费投入。']]));
    expect(expectAt(a, 'text/count-sum-ambiguous', '附件4', 'C4', 'warning')).toMatchObject({ expected: 10, actual: '7' });
    expectNone(a, 'text/count-sum');
  });

  it('names both totals of a two-level statement', () => {
    const a = audit(edited([['附件4', 'C4', '共有考核指标5大项，19个二级指标。截止目前已完成1项，未完成13项。']]));
    expect(expectAt(a, 'text/count-sum-ambiguous', '附件4', 'C4', 'warning')).toMatchObject({ expected: 14, actual: '5、19' });
  });

  it('does not fire when the bare counts match one of the totals', () => {
    const a = audit(edited([['附件4', 'C4', '共有考核指标4大项，15个二级指标。截止目前已完成2项，未完成13项。']]));
    expectNone(a, 'text/count-sum-ambiguous');
  });
});

describe('text/breakdown-sum', () => {
  const text = (a: number, b: number): string =>
    `该项指标省直单位考核指标41项，除8项附加项外，截止目前，基本或可以完成22项，未完成11项（难度较大${a}项，不太可能${b}项）。`;

  it('fires when a parenthesised breakdown does not add up', () => {
    const a = audit(edited([['附件4', 'C4', text(8, 2)]]));
    expect(expectAt(a, 'text/breakdown-sum', '附件4', 'C4', 'warning')).toMatchObject({ expected: 10, actual: 11 });
    expectNone(a, 'text/count-sum');
  });

  it('does not fire when it adds up', () => {
    expectNone(audit(edited([['附件4', 'C4', text(9, 2)]])), 'text/breakdown-sum');
  });
});

describe('text/rate-mismatch', () => {
  it('fires when a stated rate is not done ÷ total', () => {
    const a = audit(edited([['附件4', 'C4', '县级层面：泸溪县48项完成44项，完成率达90.0%；凤凰县32项完成29项，完成率达90.6%。']]));
    const f = expectAt(a, 'text/rate-mismatch', '附件4', 'C4', 'error');
    expect(f).toMatchObject({ expected: '91.7%', actual: '90%' });
    expect(ofCode(a, 'text/rate-mismatch')).toHaveLength(1);
  });

  it('does not fire on rates rounded as shown', () => {
    const a = audit(edited([['附件4', 'C4', '县级层面：泸溪县48项完成44项，完成率达91.7%；高新区4项完成3项，完成率达75%。']]));
    expectNone(a, 'text/rate-mismatch');
  });
});

describe('text/repeated-passage', () => {
  const shared = '各项考核指标均为年度数据正在按时序加快推进落实';

  it('fires on the later item when two items share a long passage', () => {
    const a = audit(edited([
      ['附件4', 'C4', `共有考核指标10项，截止目前已完成2项，未完成8项。${shared}。`],
      ['附件4', 'C5', `县市完成率均超过九成。${shared}。`],
    ]));
    const f = expectAt(a, 'text/repeated-passage', '附件4', 'C5', 'info');
    expect(f.related).toEqual([{ sheet: '附件4', cell: 'C4' }]);
    expect(messageOf(f)).toContain('高质量发展');
  });

  it('does not fire on a short common phrase', () => {
    const a = audit(edited([
      ['附件4', 'C4', '共有考核指标10项，截止目前已完成2项，未完成8项。正在按时序推进。'],
      ['附件4', 'C5', '县市完成率均超过九成。正在按时序推进。'],
    ]));
    expectNone(a, 'text/repeated-passage');
  });
});

// ── cross/* ───────────────────────────────────────────────────────────────────────────────────────────

describe('cross/tally-mismatch', () => {
  it('fires when 附件1 differs from the count derived from 附件3', () => {
    const a = audit(edited([
      ['附件1', 'B6', 3],
      ['附件1', 'D6', 2],
      ['附件1', 'B5', 4],
      ['附件1', 'D5', 2],
    ]));
    const f = expectAt(a, 'cross/tally-mismatch', '附件1', 'D6', 'error');
    expect(f).toMatchObject({ expected: 1, actual: 2 });
    expect(f.related).toEqual([{ sheet: '附件3', cell: 'E6' }]);
    expect(expectAt(a, 'cross/tally-mismatch', '附件1', 'B6', 'error')).toMatchObject({ expected: 2, actual: 3 });
    expectNone(a, 'tally/row-sum');
    expectNone(a, 'tally/column-total');
  });

  it('does not fire when 附件1 agrees with 附件3', () => {
    expectNone(audit(annexes()), 'cross/tally-mismatch');
  });

  describe('the 必有1个名额 convention', () => {
    const guaranteed: Edit = ['附件3', 'E7', '州本级：有可能\n吉首市：有可能\n（注：根据考核细则，必有1个名额）'];

    it('counts the item as 很有可能 when the setting is on (the default)', () => {
      expectNone(audit(edited([guaranteed])), 'cross/tally-mismatch');
    });

    it('counts it as 有可能 when the setting is off, and 附件1 then disagrees', () => {
      const a = audit(edited([guaranteed]), { guaranteedQuotaIsVeryLikely: false });
      expect(expectAt(a, 'cross/tally-mismatch', '附件1', 'C7', 'error')).toMatchObject({ expected: 0, actual: 1 });
      expect(expectAt(a, 'cross/tally-mismatch', '附件1', 'D7', 'error')).toMatchObject({ expected: 1, actual: 0 });
    });
  });
});

describe('cross/tally-unit-missing', () => {
  it('fires on 附件3 when a lead unit has no row in 附件1', () => {
    const a = audit(edited([
      ['附件1', 'A7', null],
      ['附件1', 'B7', null],
      ['附件1', 'C7', null],
      ['附件1', 'B5', 2],
      ['附件1', 'C5', 0],
    ]));
    const f = expectAt(a, 'cross/tally-unit-missing', '附件3', 'A7', 'error');
    expect(f.expected).toBe(1);
    expect(messageOf(f)).toContain('州民政局');
  });

  it('does not fire when the unit is there under its long name', () => {
    const a = audit(edited([['附件1', 'A6', '州发展和改革委员会']]));
    expectNone(a, 'cross/tally-unit-missing');
    expectNone(a, 'cross/tally-unit-extra');
  });
});

describe('structure/kind-ambiguous', () => {
  it('fires for a table that fits 附件3 and 附件4 about equally, and nothing else does', () => {
    const merged = makeGrid('研判与进展', [
      ['激励事项研判表'],
      ['牵头单位', '序号', '激励事项', '激励名额', '州直研判情况', '最新进展', '存在问题', '与上级部门对接情况'],
      ['州发改委', '第1项', '高质量发展', '10个县市区', '有可能', '进展顺利。', '无', '9月2日到省发改委汇报。'],
    ]);
    const a = audit([merged]);
    expectAt(a, 'structure/kind-ambiguous', '研判与进展', 'A1', 'info');
    expect(codes(a)).toEqual(['structure/kind-ambiguous']);
  });
});

describe('engine/misread-suspected', () => {
  it('fires instead of an error on most rows of a table (every count typed as a word), and the errors go', () => {
    const words = ['三', '两', '一', '四', '五', '六'];
    const rows: CellValue[][] = [['附件1'], ['2022年省政府真抓实干激励事项研判统计表'], ['统计截止10月10日'], ['牵头单位', '总项数', '很有可能', '有可能', '难度较大', '不太可能']];
    words.forEach((w, i) => rows.push([`州单位${i + 1}局`, `${w}项`, null, null, null, null]));
    const a = audit([makeGrid('附件1', rows, ['A2:F2', 'A3:F3'])]);
    expect(ofCode(a, 'engine/misread-suspected')).toHaveLength(1);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('cross/units-unmatched', () => {
  it('fires once, instead of an error pair per unit, when most of 附件3’s units have no row in 附件1', async () => {
    const grids = (await sampleGrids('incentive-2022.xlsx')).map((g) => cloneGrid(g));
    const a3 = findGrid(grids, '附件3');
    const codesOf = new Map<string, string>();
    for (const row of a3.values as CellValue[][]) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'string' || !/^州.{1,10}(局|委|办)$/.test(v.trim())) continue;
        if (!codesOf.has(v)) codesOf.set(v, `单位${codesOf.size + 1}`);
        row[c] = codesOf.get(v) ?? v;
      }
    }
    const a = audit(grids);
    // Once per pair of annexes (附件1 against 附件3, 附件4 against 附件3), never once per unit.
    expect(ofCode(a, 'cross/units-unmatched').map((f) => `${f.sheet} ${f.severity}`)).toEqual(['附件1 warning', '附件4 warning']);
    expect(messageOf(ofCode(a, 'cross/units-unmatched')[0]!)).toContain('单位别名');
    expectNone(a, 'cross/progress-unit-mismatch');
    expectNone(a, 'cross/tally-unit-extra');
    expectNone(a, 'cross/tally-unit-missing');
  });

  it('does not fire when the units match under other spellings (formal names, the prefecture written out)', () => {
    const a = audit(edited([
      ['附件3', 'A5', '湘西土家族苗族自治州发展和改革委员会'],
      ['附件3', 'A7', '湘西州民政局'],
    ]));
    expectNone(a, 'cross/units-unmatched');
    expectNone(a, 'cross/tally-unit-missing');
    expectNone(a, 'cross/tally-unit-extra');
  });
});

describe('cross/tally-unit-extra', () => {
  it('fires when a 附件1 unit with items has none in 附件3', () => {
    const a = audit(edited([
      ['附件1', 'A8', '州财政局'],
      ['附件1', 'B8', 1],
      ['附件1', 'E8', 1],
      ['附件1', 'B5', 4, 'SUM(B6:B8)'],
      ['附件1', 'C5', 1, 'SUM(C6:C8)'],
      ['附件1', 'D5', 1, 'SUM(D6:D8)'],
      ['附件1', 'E5', 2, 'SUM(E6:E8)'],
      ['附件1', 'F5', 0, 'SUM(F6:F8)'],
    ]));
    expect(expectAt(a, 'cross/tally-unit-extra', '附件1', 'A8', 'error')).toMatchObject({ actual: 1, expected: 0 });
    expect(codes(a)).toEqual(['cross/tally-unit-extra']);
  });

  it('does not fire for a unit row with 0 items', () => {
    const a = audit(edited([
      ['附件1', 'A8', '州财政局'],
      ['附件1', 'B8', 0],
      ['附件1', 'B5', 3, 'SUM(B6:B8)'],
      ['附件1', 'C5', 1, 'SUM(C6:C8)'],
      ['附件1', 'D5', 1, 'SUM(D6:D8)'],
      ['附件1', 'E5', 1, 'SUM(E6:E8)'],
      ['附件1', 'F5', 0, 'SUM(F6:F8)'],
    ]));
    expect(a.findings).toEqual([]);
  });
});

describe('cross/key-item-missing', () => {
  it('fires on 附件2 when 附件3 rates an item 有可能 for a county that does not list it', () => {
    const a = audit(edited([['附件3', 'E6', '龙山县：有可能\n吉首市：有可能']]));
    const f = expectAt(a, 'cross/key-item-missing', '附件2', 'C7', 'warning');
    expect(f.related).toEqual([{ sheet: '附件3', cell: 'E6' }]);
    expect(messageOf(f)).toContain('营商环境');
    expect(messageOf(f)).toContain('吉首市');
  });

  it('does not fire when the rating is below 有可能', () => {
    expectNone(audit(edited([['附件3', 'E6', '龙山县：有可能\n吉首市：难度较大']])), 'cross/key-item-missing');
  });

  it('does not fire for a group phrase, which names no county', () => {
    expectNone(audit(edited([['附件3', 'E6', '龙山县：有可能\n县市区：有可能']])), 'cross/key-item-missing');
  });
});

describe('cross/key-item-extra', () => {
  it('fires on 附件2 when a county lists an item 附件3 does not rate 有可能 for it', () => {
    const a = audit(edited([
      ['附件2', 'B8', 2],
      ['附件2', 'C8', '1.营商环境\n2.高质量发展'],
    ]));
    const f = expectAt(a, 'cross/key-item-extra', '附件2', 'C8', 'warning');
    expect(messageOf(f)).toContain('高质量发展');
    expect(f.related).toEqual([{ sheet: '附件3', cell: 'E5' }]);
  });

  it('does not fire on a marked or quoted spelling of a listed item', () => {
    const a = audit(edited([['附件2', 'C6', '1.●Ⅲ“推进养老服务体系建设”']]));
    expectNone(a, 'cross/key-item-extra');
    expectNone(a, 'cross/key-item-missing');
  });
});

describe('cross/key-unit-missing', () => {
  // Catalogued ("every county named in 附件3 has a row in 附件2") but never emitted: a county rated 有可能
  // with no 附件2 row only gets units/unknown-unit.
  it('fires when 附件3 rates items 有可能 for a county that has no row in 附件2', () => {
    const a = audit(edited([['附件3', 'E6', '龙山县：有可能\n古丈县：有可能']]));
    const f = ofCode(a, 'cross/key-unit-missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: '附件2', severity: 'warning', expected: 1 });
  });

  it('does not fire when every named county has a row', () => {
    expectNone(audit(annexes()), 'cross/key-unit-missing');
  });
});

describe('cross/progress-item-missing', () => {
  it('fires on 附件3 when an item has no row in 附件4', () => {
    const a = audit(edited([
      ['附件4', 'A5', null],
      ['附件4', 'B5', null],
      ['附件4', 'C5', null],
      ['附件4', 'D5', null],
      ['附件4', 'E5', null],
    ]));
    expect(messageOf(expectAt(a, 'cross/progress-item-missing', '附件3', 'C6', 'error'))).toContain('营商环境');
  });

  it('does not fire when 附件4 names the item without its markers', () => {
    expectNone(audit(annexes()), 'cross/progress-item-missing');
  });
});

describe('cross/progress-item-extra', () => {
  it('fires on 附件4 when an item is not in 附件3', () => {
    const a = audit(edited([
      ['附件4', 'A7', '州发改委'],
      ['附件4', 'B7', '财政管理'],
      ['附件4', 'C7', '共有考核指标8项，正在积极推进。'],
    ]));
    expect(messageOf(expectAt(a, 'cross/progress-item-extra', '附件4', 'B7', 'warning'))).toContain('财政管理');
  });

  it('does not fire for an item in 附件3', () => {
    expectNone(audit(annexes()), 'cross/progress-item-extra');
  });
});

describe('cross/progress-unit-mismatch', () => {
  it('fires when 附件4 gives an item another lead unit', () => {
    const a = audit(edited([['附件4', 'A6', '州财政局']]));
    const f = expectAt(a, 'cross/progress-unit-mismatch', '附件4', 'A6', 'warning');
    expect(f).toMatchObject({ expected: '州民政局', actual: '州财政局', related: [{ sheet: '附件3', cell: 'A7' }] });
    expectNone(a, 'cross/progress-item-missing');
  });

  it('does not fire for the long name of the same unit', () => {
    expectNone(audit(edited([['附件4', 'A4', '州发展和改革委员会']])), 'cross/progress-unit-mismatch');
  });
});

describe('cross/marker-count', () => {
  it('fires when the note states another number of ● items', () => {
    const a = audit(edited([['附件3', 'A3', NOTE.replace('共1项', '共2项')]]));
    const f = expectAt(a, 'cross/marker-count', '附件3', 'A3', 'error');
    expect(f).toMatchObject({ expected: 1, actual: 2, related: [{ sheet: '附件3', cell: 'C7' }] });
    expect(messageOf(f)).toContain('●');
  });

  it('fires when the note states another number of Ⅱ/Ⅲ items', () => {
    const a = audit(edited([['附件3', 'A3', NOTE.replace('共1小项', '共3小项')]]));
    expect(expectAt(a, 'cross/marker-count', '附件3', 'A3', 'error')).toMatchObject({ expected: 1, actual: 3 });
  });

  it('reads the note below the table as well', () => {
    const a = audit(edited([
      ['附件3', 'A3', null],
      ['附件3', 'A9', NOTE.replace('共1项', '共2项')],
    ]));
    expectAt(a, 'cross/marker-count', '附件3', 'A9', 'error');
  });

  it('does not fire when the note agrees with the markers', () => {
    expectNone(audit(annexes()), 'cross/marker-count');
  });
});

// ── units/* ───────────────────────────────────────────────────────────────────────────────────────────

describe('units/alias-applied', () => {
  it('reports a park counted for its county, and the county then needs the item', () => {
    const a = audit(edited([
      ['附件3', 'E6', '龙山县：有可能\n花垣产业开发区：有可能'],
      ['附件2', 'A9', '花垣县'],
      ['附件2', 'B9', 1],
      ['附件2', 'C9', '1.营商环境'],
    ]));
    const f = expectAt(a, 'units/alias-applied', '附件3', 'E6', 'info');
    expect(messageOf(f)).toContain('花垣产业开发区');
    expect(messageOf(f)).toContain('花垣县');
    expect(codes(a)).toEqual(['units/alias-applied']);
  });

  it('does not fire when the county itself is named', () => {
    const a = audit(edited([
      ['附件3', 'E6', '龙山县：有可能\n花垣县：有可能'],
      ['附件2', 'A9', '花垣县'],
      ['附件2', 'B9', 1],
      ['附件2', 'C9', '1.营商环境'],
    ]));
    expect(a.findings).toEqual([]);
  });
});

describe('units/unknown-unit', () => {
  it('fires when an assessment names a unit neither in 附件2 nor in the alias table', () => {
    const a = audit(edited([['附件3', 'E6', '龙山县：有可能\n湘西新区：有可能']]));
    expect(messageOf(expectAt(a, 'units/unknown-unit', '附件3', 'E6', 'warning'))).toContain('湘西新区');
    expectNone(a, 'units/alias-applied');
  });

  it('does not fire for units of 附件2', () => {
    expectNone(audit(edited([['附件3', 'E6', '龙山县：有可能\n州本级：难度较大']])), 'units/unknown-unit');
  });
});

describe('cell/repeated', () => {
  it('fires once for a table whose counts are all typed as text, in place of one warning per cell', async () => {
    const grids = (await sampleGrids('incentive-2022.xlsx')).map((g) => cloneGrid(g));
    for (const r of findGrid(grids, '附件1').values.slice(5) as CellValue[][]) if (typeof r[1] === 'number') r[1] = String(r[1]);
    const a = audit(grids);
    expect(messageOf(expectAt(a, 'cell/repeated', '附件1', 'B6', 'warning'))).toContain('本表有26处');
    expectNone(a, 'cell/number-as-text');
  });

  it('does not fire for a few such cells: each is said on its own', () => {
    const a = audit(edited([['附件1', 'B6', '2']]));
    expectNone(a, 'cell/repeated');
    expect(ofCode(a, 'cell/number-as-text')).toHaveLength(1);
  });
});

describe('units/shortened', () => {
  const shortened = async (from: string, to: string): Promise<Grid[]> => {
    const grids = (await sampleGrids('incentive-2022.xlsx')).map((g) => cloneGrid(g));
    for (const r of findGrid(grids, '附件1').values as CellValue[][]) if (r[0] === from) r[0] = to;
    return grids;
  };

  it('fires once when 附件1 shortens a unit 附件3 writes in full, in place of an extra and a missing unit', async () => {
    const a = audit(await shortened('州行政审批服务局', '州行审局'));
    expect(messageOf(expectAt(a, 'units/shortened', '附件1', 'A7', 'warning'))).toContain('州行政审批服务局');
    expectNone(a, 'cross/tally-unit-extra');
    expectNone(a, 'cross/tally-unit-missing');
  });

  it('does not fire for two different bodies, or when the names agree', async () => {
    // 州民宗局 is no shortening of 州行政审批服务局: the usual pair of errors.
    const a = audit(await shortened('州行政审批服务局', '州民宗局'));
    expectNone(a, 'units/shortened');
    expect(ofCode(a, 'cross/tally-unit-extra')).toHaveLength(1);
    expectNone(audit(annexes()), 'units/shortened');
  });
});

describe('units/named-two-ways', () => {
  // The sample's 州本级 row of 附件2 written 州直单位: 附件3's assessments say 州本级 for the same 20 items.
  const renamed = async (items?: string): Promise<Grid[]> => {
    const grids = (await sampleGrids('incentive-2022.xlsx')).map((g) => cloneGrid(g));
    const row = findGrid(grids, '附件2').values.find((r) => r[0] === '州本级') as CellValue[];
    row[0] = '州直单位';
    if (items !== undefined) row[2] = items;
    return grids;
  };

  it('fires once when 附件2 and 附件3 write one unit two ways and its items agree, and nothing else fires for it', async () => {
    const a = audit(await renamed());
    expect(messageOf(expectAt(a, 'units/named-two-ways', '附件2', 'A6', 'warning'))).toContain('州本级');
    expect(ofCode(a, 'units/named-two-ways')).toHaveLength(1);
    // The sample's own findings on other rows stay; none is left on the renamed row or on 附件3's 州本级.
    expect(a.findings.filter((f) => f.sheet === '附件2' && f.cell === 'C6')).toEqual([]);
    expectNone(a, 'units/unknown-unit');
  });

  it('does not fire when the names agree', () => {
    expectNone(audit(annexes()), 'units/named-two-ways');
  });
});

describe('cross/key-unit-unrated', () => {
  it('fires once when 附件3 rates nothing for a unit that lists three items or more', () => {
    const a = audit(edited([['附件2', 'A8', '古丈县'], ['附件2', 'B8', 3], ['附件2', 'C8', '1.营商环境\n2.高质量发展\n3.养老服务']]));
    const f = expectAt(a, 'cross/key-unit-unrated', '附件2', 'C8', 'warning');
    expect(messageOf(f)).toContain('古丈县列有3项事项');
    expectNone(a, 'cross/key-item-extra');
  });

  it('does not fire for fewer items: each is said on its own', () => {
    const a = audit(edited([['附件2', 'A8', '古丈县']]));
    expectNone(a, 'cross/key-unit-unrated');
    expect(ofCode(a, 'cross/key-item-extra')).toHaveLength(1);
  });
});

// ── dup/* ─────────────────────────────────────────────────────────────────────────────────────────────

describe('dup/liaison', () => {
  it('fires when a county lists the same key item twice in 附件5', () => {
    const a = audit(edited([
      ['附件5', 'A7', '龙山县'],
      ['附件5', 'B7', '“营商环境”'],
      ['附件5', 'C7', '9月5日，再次到州营商环境推进专班汇报。'],
    ]));
    const f = expectAt(a, 'dup/liaison', '附件5', 'B7', 'warning');
    expect(f.related).toEqual([{ sheet: '附件5', cell: 'B6' }]);
  });

  it('fires when the county cell is merged over both rows', () => {
    const grids = edited([
      ['附件5', 'B7', '营商环境'],
      ['附件5', 'C7', '9月5日，再次汇报。'],
    ]);
    const g = findGrid(grids, '附件5');
    const merged = { ...g, merges: [...g.merges, { top: 5, left: 0, bottom: 6, right: 0 }] };
    const a = audit(grids.map((x) => (x.name === '附件5' ? merged : x)));
    expectAt(a, 'dup/liaison', '附件5', 'B7', 'warning');
  });

  it('does not fire when two counties list the same item', () => {
    const a = audit(edited([
      ['附件5', 'A7', '吉首市'],
      ['附件5', 'B7', '营商环境'],
      ['附件5', 'C7', '9月5日，到州营商环境推进专班汇报。'],
    ]));
    expectNone(a, 'dup/liaison');
  });
});

describe('dup/item', () => {
  it('fires when a lead unit lists the same item twice in 附件3', () => {
    const a = audit(edited([
      ['附件3', 'A8', '州民政局'],
      ['附件3', 'B8', '第32项'],
      ['附件3', 'C8', '推进养老服务体系建设'],
      ['附件3', 'E8', '难度较大'],
      ['附件3', 'F8', '×'],
      ['附件3', 'G8', '×'],
    ]));
    expect(expectAt(a, 'dup/item', '附件3', 'C8', 'warning').related).toEqual([{ sheet: '附件3', cell: 'C7' }]);
  });

  it('fires when a lead unit lists the same item twice in 附件4', () => {
    const a = audit(edited([
      ['附件4', 'A7', '州民政局'],
      ['附件4', 'B7', '推进养老服务体系建设'],
      ['附件4', 'C7', '已召开全州养老服务推进会。'],
    ]));
    expectAt(a, 'dup/item', '附件4', 'B7', 'warning');
  });

  it('does not fire when two lead units list items of the same name', () => {
    const a = audit(edited([
      ['附件3', 'A8', '州财政局'],
      ['附件3', 'B8', '第10项'],
      ['附件3', 'C8', '推进养老服务体系建设'],
      ['附件3', 'E8', '难度较大'],
      ['附件3', 'F8', '×'],
      ['附件3', 'G8', '×'],
    ]));
    expectNone(a, 'dup/item');
  });
});

// ── structure/* ───────────────────────────────────────────────────────────────────────────────────────

describe('structure/sheet-unrecognised', () => {
  const notes = (): Grid => makeGrid('填表说明', [['填表说明'], ['请各单位于每月10日前报送。'], ['联系人：张三']]);

  it('fires (info) on a sheet with content that is no known annex', () => {
    const a = audit([...annexes(), notes()]);
    expectAt(a, 'structure/sheet-unrecognised', '填表说明', 'A1', 'info');
    expect(a.sheets.find((s) => s.name === '填表说明')?.kind).toBeNull();
  });

  it('does not fire on a blank sheet or a hidden one', () => {
    const a = audit([...annexes(), makeGrid('Sheet2', [[null], ['  ']]), { ...notes(), hidden: true }]);
    expectNone(a, 'structure/sheet-unrecognised');
  });
});

describe('structure/kind-duplicate', () => {
  it('fires on the second sheet of the same kind', () => {
    const grids = annexes();
    const a = audit([...grids, cloneGrid(findGrid(grids, '附件1'), '附件1 (2)')]);
    expect(messageOf(expectAt(a, 'structure/kind-duplicate', '附件1 (2)', 'A1', 'warning'))).toContain('附件1');
  });

  it('does not fire on five different annexes', () => {
    expectNone(audit(annexes()), 'structure/kind-duplicate');
  });
});

describe('structure/annex-missing', () => {
  it('fires (info) when 附件3, needed by the cross-sheet checks, is missing', () => {
    const a = audit(annexes().filter((g) => g.name !== '附件3'));
    const f = ofCode(a, 'structure/annex-missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: '附件1', cell: 'A1', severity: 'info' });
    expect(messageOf(f[0]!)).toContain('附件3');
    expectNone(a, 'cross/tally-mismatch');
  });

  it('does not fire on a complete set', () => {
    expectNone(audit(annexes()), 'structure/annex-missing');
  });
});

describe('structure/column-missing', () => {
  it('fires when a required column is renamed (the sheet is still recognised by its title)', () => {
    const a = audit(edited([['附件1', 'F4', '其他']]));
    const f = expectAt(a, 'structure/column-missing', '附件1', 'A4', 'warning');
    expect(messageOf(f)).toContain('不太可能');
    // It says what was skipped and how to map it …
    expect(messageOf(f)).toContain('总项数与各等级之和');
    expect(messageOf(f)).toContain('列映射');
    expect(a.sheets[0]?.kind).toBe('rating-tally');
    // … and nothing is computed from the blank column: no row sums, no "0 expected" per unit.
    expect(codes(a)).toEqual(['structure/column-missing']);
  });

  it('a column mapping in the settings places the renamed column, and the sheet is fully checked again', () => {
    const grids = edited([['附件1', 'F4', '其他'], ['附件1', 'B6', 3]]);
    expectAt(audit(grids), 'structure/column-missing', '附件1', 'A4', 'warning');
    expectNone(audit(grids), 'tally/row-sum');
    const mapped = audit(grids, { columnMap: { 'rating-tally': { 其他: 'unlikely' } } });
    expectNone(mapped, 'structure/column-missing');
    expectAt(mapped, 'tally/row-sum', '附件1', 'B6', 'error');
  });

  it('renders the skipped checks in the reader\'s language', () => {
    const f = ofCode(audit(edited([['附件1', 'F4', '其他']])), 'structure/column-missing')[0] as Finding;
    const en = messageOf(f, 'en-US');
    expect(en).toContain('总项数 vs the sum of the ratings');
    expect(en).not.toMatch(/已跳过|列映射/);
  });

  it('does not fire when the header is complete', () => {
    expectNone(audit(annexes()), 'structure/column-missing');
  });
});

describe('structure/total-row-missing', () => {
  it('fires (info) when 附件1 has no 合计 row', () => {
    const a = audit(edited(['A5', 'B5', 'C5', 'D5', 'E5', 'F5'].map((ref): Edit => ['附件1', ref, null, null])));
    expectAt(a, 'structure/total-row-missing', '附件1', 'A4', 'info');
    expect(codes(a)).toEqual(['structure/total-row-missing']);
  });

  it('does not fire when the 合计 row is at the bottom', () => {
    const a = audit(
      edited([
        ...['A5', 'B5', 'C5', 'D5', 'E5', 'F5'].map((ref): Edit => ['附件1', ref, null, null]),
        ['附件1', 'A8', '合计'],
        ['附件1', 'B8', 3, 'SUM(B6:B7)'],
      ]),
    );
    expectNone(a, 'structure/total-row-missing');
    expectNone(a, 'tally/column-total');
  });
});

describe('structure/unexpected-merge', () => {
  // Catalogued but never emitted: a count cell merged over two unit rows is read as that number on both rows.
  it('fires when a count cell of 附件1 is merged over two unit rows', () => {
    const grids = edited([
      ['附件1', 'C6', 1],
      ['附件1', 'C7', null],
    ]);
    const g = findGrid(grids, '附件1');
    const merged = { ...g, merges: [...g.merges, { top: 5, left: 2, bottom: 6, right: 2 }] };
    const a = audit(grids.map((x) => (x.name === '附件1' ? merged : x)));
    expectAt(a, 'structure/unexpected-merge', '附件1', 'C6', 'warning');
  });

  it('does not fire on merged group cells (牵头单位 in 附件3)', () => {
    expectNone(audit(annexes()), 'structure/unexpected-merge');
  });
});

describe('engine/rule-failed', () => {
  it('fires on a sheet whose content cannot be read, and the other sheets are still checked', () => {
    const broken = { name: '附件6', values: [['附件6'], undefined, [null]], merges: [] } as unknown as Grid;
    const a = audit([...edited([['附件1', 'B6', 3]]), broken]);
    expectAt(a, 'engine/rule-failed', '附件6', 'A1', 'warning');
    expectAt(a, 'tally/row-sum', '附件1', 'B6', 'error');
    expect(a.sheets.map((s) => s.kind)).toEqual(['rating-tally', 'unit-key-items', 'incentive-analysis', 'progress-report', 'liaison-log', null]);
  });

  it('a check that throws costs one finding on its own sheet; the other annexes, cross checks and the recompute survive', () => {
    const grids = edited([['附件1', 'B6', 3]]);
    // A getter that throws when the progress parser reads its first data row's cells.
    const t4 = findGrid(grids, '附件4');
    const row = t4.values[3] as CellValue[];
    Object.defineProperty(row, 2, { get: () => { throw new Error('boom'); } });
    const a = audit(grids);
    expect(ofCode(a, 'engine/rule-failed').map((f) => f.sheet)).toEqual(['附件4']);
    expectAt(a, 'tally/row-sum', '附件1', 'B6', 'error');
    expect(a.recomputed.incentive?.tally.length).toBe(2);
  });

  it('does not fire on well-formed grids', () => {
    expectNone(audit(annexes()), 'engine/rule-failed');
  });

  it('does not fire for sheets or units named like object internals (found by the fuzz suite)', () => {
    const grids = [...edited([['附件3', 'E7', '__proto__：很有可能\nconstructor：有可能']]), makeGrid('__proto__', []), makeGrid('constructor', [['x']])];
    expectNone(audit(grids, { sheetKinds: {} }), 'engine/rule-failed');
  });
});

describe('dup/row (the registry\'s checks for a kind without a parser)', () => {
  const liaisonTable = (rows: CellValue[][]) => {
    const g = makeGrid('对接', [['2022年县市区对接情况统计'], ['县市区', '重点事项', '对接情况'], ...rows]);
    const det = detectKind(g);
    if (!det?.spec || !det.header) throw new Error('not detected');
    return readTable(g, det.spec, det.header);
  };

  it('fires on a row repeating an earlier row\'s key, and on a blank required cell', () => {
    const sink = new FindingSink();
    checkGenericTable(liaisonTable([['吉首市', '营商环境', '8月12日汇报'], ['吉首市', '营商环境', ''], ['龙山县', '营商环境', '9月2日汇报']]), sink);
    expect(fired(sink.list()).map((f) => `${f.code} ${f.cell} ${f.severity}`)).toEqual(['cell/required C4 warning', 'dup/row B4 warning']);
  });

  it('does not fire on distinct, complete rows', () => {
    const sink = new FindingSink();
    checkGenericTable(liaisonTable([['吉首市', '营商环境', '8月12日汇报'], ['龙山县', '营商环境', '9月2日汇报']]), sink);
    expect(sink.list()).toEqual([]);
  });
});

describe('cell/count-range', () => {
  it('fires on a negative count (zod issues on numbers are findings too)', () => {
    const a = audit(edited([['附件1', 'F7', -1], ['附件1', 'B7', 0], ['附件1', 'B5', 2], ['附件1', 'F5', -1]]));
    expectAt(a, 'cell/count-range', '附件1', 'F7', 'error');
  });

  it('does not fire on whole counts', () => {
    expectNone(audit(annexes()), 'cell/count-range');
  });
});

describe('settings/invalid', () => {
  it('one bad setting is reported and the others still apply', () => {
    const a = audit(annexes(), { guaranteedQuotaIsVeryLikely: false, year: 1800 });
    expectAt(a, 'settings/invalid', '附件1', 'A1', 'warning');
    expect(a.settings.guaranteedQuotaIsVeryLikely).toBe(false);
    expect(messageOf(ofCode(a, 'settings/invalid')[0]!)).toContain('year');
  });

  it('a mapping to a column the kind does not have is refused alone', () => {
    const a = audit(annexes(), { columnMap: { 'rating-tally': { 其他: 'nonsense', 其它: 'unlikely' } } });
    expect(ofCode(a, 'settings/invalid').map((f) => (f.code === 'settings/invalid' ? f.params.field : null))).toEqual(['columnMap.rating-tally.其他']);
    expect(a.settings.columnMap['rating-tally']).toEqual({ 其它: 'unlikely' });
  });

  it('does not fire on valid settings', () => {
    expectNone(audit(annexes(), { guaranteedQuotaIsVeryLikely: false, year: 2022 }), 'settings/invalid');
  });
});

// ── coverage of the catalogue and the sample ──────────────────────────────────────────────────────────

describe('the sample workbook', () => {
  it('reports the problems known to be in it, where they are', async () => {
    const a = audit(await sampleGrids('incentive-2022.xlsx'));
    const where = (code: FindingCode): string[] => ofCode(a, code).map((f) => `${f.sheet}!${f.cell}`);
    expect(where('cell/invalid-date')).toEqual(['附件4!E60']);
    expect(where('cell/malformed-date')).toEqual(['附件5!C69']);
    expect(where('dup/liaison')).toEqual(['附件5!B25']);
    expect(where('text/breakdown-sum')).toEqual(['附件4!C37']);
    expect(where('text/count-sum-ambiguous')).toEqual(['附件4!C24', '附件4!C45']);
    expect(where('cross/marker-count')).toEqual(['附件3!A3']);
    // 附件1 of the sample is reproduced exactly from 附件3 with the 必有1个名额 convention.
    expect(where('cross/tally-mismatch')).toEqual([]);
    expect(where('tally/row-sum')).toEqual([]);
    expect(where('tally/column-total')).toEqual([]);
  });
});

describe('catalogue', () => {
  // Last in the file: it reads what the tests above saw fire, so it needs the whole file run (not `-t`).
  it('every profile-A code of the catalogue is produced by a fixture of this file, where a test asked for it', () => {
    // The reader's codes (read/…) have their tests with the hostile files (test/hostile/unreadable.test.ts);
    // profile B's and the submissions' codes have theirs in test/profileB and test/submissions.
    // The generic checks' codes (values by declared type, totals) have theirs in test/unit/column-types.test.ts.
    const keywork = ANNEX_KINDS.filter((k) => ANNEXES[k].profile === 'keywork').flatMap((k) => Object.keys(ANNEXES[k].codes));
    const elsewhere = new Set([...keywork, ...Object.keys(FINDINGS_SUBMISSIONS), ...Object.keys(FINDINGS_READ), ...Object.keys(FINDINGS_VALUES)]);
    const profileA = (Object.keys(FINDINGS) as FindingCode[]).filter((c) => !elsewhere.has(c));
    expect(profileA.length).toBeGreaterThan(40);
    expect(profileA.filter((c) => !FIRED.has(c))).toEqual([]);
  });
});
