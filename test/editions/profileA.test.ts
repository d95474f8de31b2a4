/**
 * Issue 10, profile A (激励事项研判): editions of other places and years, written in the tests from one
 * model (see editionA.ts), in other wordings and layouts. Each plants 1–3 inconsistencies; the audit
 * must find exactly those (right code, sheet, cell, severity) and raise no other error or warning.
 */
import { auditWorkbook, type Audit } from '../../src/core';
import { setCell } from '../helpers/grids';
import { CHENXI_2024, editionA, type EditionA, HUAIHUA_2023, ITEMS, type ItemModel, XIANGTAN_2024, ZHUZHOU_2025 } from './editionA';
import { baseline, expectFindings, type Expected } from './sheets';

function withItem(i: number, patch: Partial<ItemModel>): ItemModel[] {
  return ITEMS.map((it, k) => (k === i ? { ...it, ...patch } : it));
}

function run(name: string, e: EditionA, expected: Expected, settings?: unknown): Audit {
  const a = auditWorkbook(e.grids, settings);
  // The baseline for the lead (issue 10): what today's engine makes of the variant.
  if (process.env['EDITIONS_BASELINE']) console.log(`[baseline] ${name}: ${baseline(a, expected)}`);
  return a;
}

const KINDS = ['rating-tally', 'unit-key-items', 'incentive-analysis', 'progress-report', 'liaison-log'];

describe('profile A editions', () => {
  it('A1 怀化市 2023 (市本级, other counties and units): a bad date for the year, a wrong 项数', () => {
    const e = editionA({
      place: HUAIHUA_2023,
      keys: (k) => {
        (k[1] as { count: number }).count = 4; // 鹤城区 lists 3 items
      },
      liaison: [
        [0, 1, '3月15日，向省发改委优化处汇报营商环境工作。'],
        [1, 1, '2月29日，区发改局到市发改委对接。'], // 2023 is not a leap year
      ],
    });
    const expected: Expected = [
      ['附件2', e.keys.ref(e.keysRow(1), 'count'), 'keyitems/count', 'error'],
      ['附件5', e.liaison.ref(1, 'liaison'), 'cell/invalid-date', 'error'],
    ];
    const a = run('A1', e, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(KINDS);
    expect(a.year).toBe(2023);
    expectFindings(a, expected);
    expect(a.recomputed.incentive?.tallyTotal).toEqual({ unit: '合计', total: 9, veryLikely: 2, likely: 4, hard: 2, unlikely: 1 });
  });

  it('A2 辰溪县 2024 (县本级 and its towns), every required column of every kind worded differently', () => {
    const e = editionA({
      place: CHENXI_2024,
      layout: {
        headers: {
          tally: { unit: '责任单位（牵头）', total: '激励事项总数', veryLikely: '很有可能（项）', likely: '有可能（项）', hard: '难度较大（项）', unlikely: '不太可能（项）' },
          keys: { unit: '单位名称', count: '争取事项数', items: '争取事项' },
          analysis: { unit: '责任单位（牵头）', seq: '序号', item: '激励项目', quota: '激励名额', assessment: '县直部门研判意见' },
          progress: { unit: '责任单位（牵头）', item: '激励项目', progress: '工作进展情况', problems: '存在的困难和问题', liaison: '向上对接情况' },
          liaison: { county: '乡镇（园区）', item: '争取事项', liaison: '对接汇报情况' },
        },
        keysGroup: '重点事项清单',
      },
      // 县工信局: both items 有可能 in 附件3; 附件1 says 1 很有可能 + 1 有可能.
      tally: (t) => {
        const row = t[3] as number[];
        row[1] = 1;
        row[2] = 1;
      },
      items: withItem(4, { progress: '共有考核基本指标10项，截止目前已完成3项，未完成6项。' }),
    });
    const expected: Expected = [
      ['附件1', e.tally.ref(e.tallyRow(3), 'veryLikely'), 'cross/tally-mismatch', 'error'],
      ['附件1', e.tally.ref(e.tallyRow(3), 'likely'), 'cross/tally-mismatch', 'error'],
      ['附件4', e.progress.ref(e.itemRow(4), 'progress'), 'text/count-sum', 'error'],
    ];
    const a = run('A2', e, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(KINDS);
    expectFindings(a, expected);
    expect(a.recomputed.incentive?.counties.map((c) => [c.county, c.count])).toEqual([
      ['县本级', 3], ['辰阳镇', 3], ['孝坪镇', 1], ['火马冲镇', 1], ['黄溪口镇', 1], ['辰溪工业集中区', 1],
    ]);
  });

  it('A3 湘潭市 2024, 附件3 in the wide layout (one column per rating holding the places): tally and key items checked from it', () => {
    const e = editionA({
      place: XIANGTAN_2024,
      layout: { analysis: 'wide', headers: { ...baseHeaders(), analysis: { unit: '牵头单位', seq: '序号', item: '激励事项', quota: '激励名额', assessment: '市直部门研判意见' } } },
      // 市商务局: 附件3 has 全面促进消费 难度较大 and 稳外贸稳外资 有可能 (雨湖区); 附件1 says 0 / 2.
      tally: (t) => {
        const row = t[4] as number[];
        row[2] = 0;
        row[3] = 2;
      },
      // 市本级 forgets 促进工业高质量发展 (附件3: 市本级 有可能), and counts what it lists.
      keys: (k) => {
        const p0 = k[0] as { count: number; items: string[] };
        p0.items = p0.items.filter((n) => n !== '促进工业高质量发展');
        p0.count = p0.items.length;
      },
    });
    const expected: Expected = [
      ['附件1', e.tally.ref(e.tallyRow(4), 'likely'), 'cross/tally-mismatch', 'error'],
      ['附件1', e.tally.ref(e.tallyRow(4), 'hard'), 'cross/tally-mismatch', 'error'],
      ['附件2', e.keys.ref(e.keysRow(0), 'items'), 'cross/key-item-missing', 'warning'],
    ];
    const a = run('A3', e, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(KINDS);
    expectFindings(a, expected);
    const tally = a.recomputed.incentive?.tally.map((r) => [r.unit, r.total, r.veryLikely, r.likely, r.hard, r.unlikely]);
    expect(tally).toEqual([
      ['市发改委', 3, 1, 1, 1, 0],
      ['市教育局', 1, 1, 0, 0, 0],
      ['市民政局', 1, 0, 0, 0, 1],
      ['市工信局', 2, 0, 2, 0, 0],
      ['市商务局', 2, 0, 1, 1, 0],
    ]);
  });

  it('A4 株洲市 2025, two-row headers, a row of column numbers, 序号/备注/helper columns, 合计 typed at the bottom, dates in 备注 and 存在问题', () => {
    const e = editionA({
      place: ZHUZHOU_2025,
      layout: {
        ratingGroup: '研判情况',
        numbersRow: true,
        extras: true,
        totalAt: 'bottom',
        totalFormulas: false,
        historyGroup: '历年获激励情况',
      },
      remarks: { 1: '9月31日前完成省级评估材料报送。', 3: '已于5月20日报送自评材料。' },
      items: withItem(5, { problems: '6月31日上报的问题清单尚未销号。' }),
    });
    // The typed 合计 of 难度较大 says 3; the units add up to 2.
    const hardTotal = e.tally.ref(e.totalRow, 'hard');
    setCell(e.tally.grid, hardTotal, 3);
    const expected: Expected = [
      ['附件1', hardTotal, 'tally/column-total', 'error'],
      ['附件4', e.progress.ref(e.itemRow(1), 'remark'), 'cell/invalid-date', 'error'],
      ['附件4', e.progress.ref(e.itemRow(5), 'problems'), 'cell/invalid-date', 'error'],
    ];
    const a = run('A4', e, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(KINDS);
    expectFindings(a, expected);
    // The row of column numbers is not data: nine items, five units, six places.
    expect(a.records['incentive-analysis']?.items).toHaveLength(9);
    expect(a.records['rating-tally']?.rows).toHaveLength(5);
    expect(a.records['unit-key-items']?.rows).toHaveLength(6);
    expect(a.recomputed.incentive?.tallyTotal).toEqual({ unit: '合计', total: 9, veryLikely: 2, likely: 4, hard: 2, unlikely: 1 });
  });
});

function baseHeaders() {
  return {
    tally: { unit: '牵头单位', total: '总项数', veryLikely: '很有可能', likely: '有可能', hard: '难度较大', unlikely: '不太可能' },
    keys: { unit: '单  位', count: '项数', items: '具体事项' },
    analysis: { unit: '牵头单位', seq: '序  号', item: '激励事项', quota: '激励名额', assessment: '市直研判情况' },
    progress: { unit: '牵头单位', item: '激励事项', progress: '最新进展', problems: '存在问题', liaison: '与上级部门对接情况' },
    liaison: { county: '县市区', item: '重点事项', liaison: '对接情况' },
  };
}
