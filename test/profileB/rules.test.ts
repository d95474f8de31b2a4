/**
 * Profile B rule by rule, on small grids built in code: a case that fires and one that must not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Audit, type FindingCode, messageOf } from '../../src/core';
import { ANNEXES, ANNEX_KINDS } from '../../src/core/kinds';
import type { Grid } from '../../src/core/grid';
import { makeGrid } from '../helpers/grids';
import { audit as auditGrids, LIVELIHOOD_ROW, livelihoodGrid, type LivelihoodSpecRow, reportGrid, targetGrid, type TargetSpecRow, taskGrid } from './keywork';

/** Every code the fixtures of this file made fire (the catalogue test at the end reads it). */
const FIRED = new Set<FindingCode>();
function audit(...grids: Parameters<typeof auditGrids>): Audit {
  const a = auditGrids(...grids);
  for (const f of a.findings) FIRED.add(f.code);
  return a;
}

const DONE: TargetSpecRow['marks'] = ['√', null, null];
const ON: TargetSpecRow['marks'] = [null, '√', null];
const LAG: TargetSpecRow['marks'] = [null, null, '√'];

function targets(marks: readonly TargetSpecRow['marks'][], extra: Partial<TargetSpecRow>[] = []): TargetSpecRow[] {
  return marks.map((m, i) => ({ seq: i + 1, target: `目标任务${i + 1}`, unit: '区发改局', marks: m, ...(extra[i] ?? {}) }));
}

function found(a: Audit, code: string): string[] {
  return a.findings.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell} ${f.severity}`);
}

const FILLER = '为贯彻落实区政府年初工作安排，区政府督查室对目标任务及省市区重点民生实事推进落实情况进行了实地督查，现将有关情况通报如下。';

describe('附件1 target-progress rules', () => {
  it('target/mark-missing and target/mark-multiple fire at the row; one mark per row is quiet', () => {
    const a = audit(targetGrid(targets([DONE, [null, null, null], ['√', null, '√'], LAG])));
    expect(found(a, 'target/mark-missing')).toEqual(['附件1!E6 error']);
    expect(found(a, 'target/mark-multiple')).toEqual(['附件1!E7 error']);
    const ok = audit(targetGrid(targets([DONE, ON, LAG])));
    expect(ok.findings).toEqual([]);
  });

  it('accepts √ ✓ ✔ ☑ ● 是 as marks and × as "not this one"; anything else is target/mark-unknown', () => {
    const ok = audit(targetGrid(targets([['√', null, null], [null, '✓', null], [null, null, '✔'], ['☑', null, null], [null, '●', '×'], ['×', '×', '是']])));
    expect(ok.findings).toEqual([]);
    expect(ok.recomputed.keywork?.targets?.counts).toEqual({ total: 6, done: 2, onSchedule: 2, lagging: 2, unmarked: 0 });
    const odd = audit(targetGrid(targets([DONE, [null, '待定', null]])));
    expect(found(odd, 'target/mark-unknown')).toEqual(['附件1!F6 warning']);
    expect(found(odd, 'target/mark-missing')).toEqual([]);
  });

  it('target/numbering fires on a gap or repeat, not on 1, 2, 3', () => {
    const gap = audit(targetGrid(targets([DONE, ON, LAG], [{}, {}, { seq: 4 }])));
    expect(found(gap, 'target/numbering')).toEqual(['附件1!A7 warning']);
    const ok = audit(targetGrid(targets([DONE, ON, LAG])));
    expect(found(ok, 'target/numbering')).toEqual([]);
  });

  it('reads the note’s livelihood items; target/note-item-unknown fires only for a number not in the table', () => {
    const ok = audit(targetGrid(targets([DONE, ON, LAG]), '注：第2、3项为区级民生实事。'));
    expect(ok.findings).toEqual([]);
    expect(ok.recomputed.keywork?.targets?.livelihoodSeqs).toEqual([2, 3]);
    expect(ok.records['target-progress']?.rows.map((r) => r.livelihood)).toEqual([false, true, true]);
    const bad = audit(targetGrid(targets([DONE, ON, LAG]), '注：第2、5项为区级民生实事。'));
    expect(found(bad, 'target/note-item-unknown')).toEqual(['附件1!A8 warning']);
  });

  it('dup/target fires on the same target twice', () => {
    const dup = audit(targetGrid(targets([DONE, ON, LAG], [{}, {}, { target: '目标任务1。' }])));
    expect(found(dup, 'dup/target')).toEqual(['附件1!B7 warning']);
    expect(found(audit(targetGrid(targets([DONE, ON, LAG]))), 'dup/target')).toEqual([]);
  });

  it('two lead units on two lines count for both units; a blank lead unit is cell/required', () => {
    const a = audit(targetGrid(targets([DONE, LAG, ON], [{ unit: '区交通局\n区物流发展服务中心' }, { unit: '区交通局、区物流发展服务中心' }, { unit: '' }])));
    expect(found(a, 'cell/required')).toEqual(['附件1!C7 warning']);
    const byUnit = a.recomputed.keywork?.targets?.byUnit ?? [];
    expect(byUnit.map((u) => [u.unit, u.counts.total, u.counts.done, u.counts.lagging])).toEqual([
      ['区交通局', 2, 1, 1],
      ['区物流发展服务中心', 2, 1, 1],
    ]);
    expect(a.recomputed.keywork?.targets?.counts.total).toBe(3);
  });

  it('a blank 牵头单位 is cell/required, named by the row\'s own number (the record field units is read from the column unit)', () => {
    const a = audit(targetGrid(targets([DONE, DONE, DONE], [{}, { unit: '' }])));
    const f = a.findings.filter((x) => x.code === 'cell/required');
    expect(f.map((x) => `${x.cell} ${messageOf(x)}`)).toEqual(['C6 第2项的“牵头单位”为空。']);
  });

  it('cell/invalid-date fires on a date that does not exist, not on month ranges', () => {
    const a = audit(targetGrid(targets([DONE, ON], [{ progress: '6月31日召开调度会。' }, { progress: '1-6月完成投资；6月19日受理；9月底完工。' }])));
    expect(found(a, 'cell/invalid-date')).toEqual(['附件1!D5 error']);
  });
});

/** 附件1 written with one column of words (进度评价) instead of three columns of marks. */
function wordTargets(words: readonly string[]): Grid {
  return makeGrid('附件1', [
    ['附件1'],
    ['《2024年<政府工作报告>目标任务分解》目标任务进展情况'],
    ['序号', '目标任务', '牵头单位', '进展情况', '进度评价'],
    ...words.map((w, i) => [i + 1, `目标任务${i + 1}`, '区发改局', '正在推进。', w === '' ? null : w]),
  ], ['A2:E2']);
}

describe('附件1 with a 进度评价 column', () => {
  it('target/status-blank at a blank word, target/status-vocabulary at a word of no class; known words are quiet', () => {
    const a = audit(wordTargets(['已完成', '', '正常推进', '已完成3处，另1处正在施工', '进度滞后']));
    expect(found(a, 'target/status-blank')).toEqual(['附件1!E5 warning']);
    expect(found(a, 'target/status-vocabulary')).toEqual(['附件1!E7 warning']);
    const ok = audit(wordTargets(['已完成', '正常推进', '进度滞后']));
    expect(ok.findings).toEqual([]);
  });

  it('target/status-words: a small closed set of unknown words is said once, as classes, not once per row', () => {
    const a = audit(wordTargets(['超额完成', '进展顺利', '进展顺利', '推进较慢', '推进较慢']));
    expect(found(a, 'target/status-words')).toEqual(['附件1!E4 info']);
    expect(found(a, 'target/status-vocabulary')).toEqual([]);
  });
});

const LIV = LIVELIHOOD_ROW;

function liv(...rows: Partial<LivelihoodSpecRow>[]): LivelihoodSpecRow[] {
  return rows.map((r) => ({ ...LIV, ...r }));
}

describe('附件2 livelihood-projects rules', () => {
  it('livelihood/status-words: a closed set of 进度评价 words the vocabulary does not know is said once, as the column\'s own words', () => {
    const a = audit(livelihoodGrid(liv({ status: '进展顺利' }, { status: '进展顺利' }, { status: '有序推进中' }, { status: '有序推进中' })));
    expect(found(a, 'livelihood/status-words')).toEqual(['附件2!J4 info']);
    expect(found(a, 'livelihood/status-vocabulary')).toEqual([]);
  });

  it('livelihood/pct-mismatch: fires when 量化数据 differs from achieved ÷ target beyond the shown rounding', () => {
    const a = audit(livelihoodGrid(liv({ pct: 0.65 }, { seq: 2, project: '项目2', value: '2.4万方', progress: '新增蓄水1.95万方。', pct: 0.81 })));
    expect(found(a, 'livelihood/pct-mismatch')).toEqual(['附件2!I4 error']);
    // 0.00% format: 4018 / 4000 = 100.45%, shown with two decimals.
    const fine = audit(livelihoodGrid(liv({ value: '4000人', progress: '已完成4018人。', pct: 1.0045, fmt: '0.00%', status: '已完成' })));
    expect(fine.findings).toEqual([]);
    const off = audit(livelihoodGrid(liv({ value: '4000人', progress: '已完成4018人。', pct: 1.0054, fmt: '0.00%', status: '已完成' })));
    expect(found(off, 'livelihood/pct-mismatch')).toEqual(['附件2!I4 error']);
  });

  it('livelihood/pct-mismatch never guesses: other units, several figures, or no done-verb stay quiet', () => {
    const a = audit(livelihoodGrid(liv(
      { value: '6600人次', progress: '已救助人数8105人。', pct: 1.5, status: '已完成' }, // 人 is not 人次
      { seq: 2, project: '项目2', value: '17个', progress: '17个事项已上线运行等7个改革。', pct: 0.1 }, // no 完成: ambiguous
      { seq: 3, project: '项目3', value: '218人', progress: '对全区218名对象发放半年扶助金。', pct: 0.5 }, // 发放 is not completion
      { seq: 4, project: '项目4', value: '4个', progress: '已完成3个，剩余1个正在安装。', pct: 0.75 }, // 剩余 is not done
      { seq: 5, project: '项目5', value: '700元/月', progress: '已完成，标准提高到750元/月。', pct: 1, status: '已完成' }, // a standard, not a count
    )));
    expect(found(a, 'livelihood/pct-mismatch')).toEqual([]);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('text percentages and 名/人 are read: 已完成9785名 of 10000名 is 98%', () => {
    const a = audit(livelihoodGrid(liv({ value: '10000名', progress: '已完成9785名。', pct: '98%' })));
    expect(a.findings).toEqual([]);
    const b = audit(livelihoodGrid(liv({ value: '71名', progress: '累计完成人数59人。', pct: '90%' })));
    expect(found(b, 'livelihood/pct-mismatch')).toEqual(['附件2!I4 error']);
  });

  it('livelihood/status-not-met: 已完成 below 100%, but not where there is nothing to do', () => {
    const a = audit(livelihoodGrid(liv({ status: '已完成' })));
    expect(found(a, 'livelihood/status-not-met')).toEqual(['附件2!J4 error']);
    const none = audit(livelihoodGrid(liv({ value: '1600元/月', progress: '无集中养育孤儿。', pct: null, status: '已完成' })));
    expect(none.findings).toEqual([]);
    const met = audit(livelihoodGrid(liv({ value: '92件', progress: '已受理法律援助案件92件。', pct: 1, status: '已完成' })));
    expect(met.findings).toEqual([]);
  });

  it('livelihood/status-met: 100% rated 正常推进 is a warning; 99% is not', () => {
    const a = audit(livelihoodGrid(liv({ value: '17公里', progress: '完成17公里。', pct: 1, status: '正常推进' })));
    expect(found(a, 'livelihood/status-met')).toEqual(['附件2!J4 warning']);
    const b = audit(livelihoodGrid(liv({ value: '100个', progress: '完成99个。', pct: 0.99, status: '正常推进' })));
    expect(b.findings).toEqual([]);
  });

  it('livelihood/not-quantifiable: blank or dash 量化数据 is an info, never guessed', () => {
    const a = audit(livelihoodGrid(liv({ pct: null }, { seq: 2, project: '项目2', pct: '—' })));
    expect(found(a, 'livelihood/not-quantifiable')).toEqual(['附件2!I4 info', '附件2!I5 info']);
    expect(a.recomputed.keywork?.livelihood?.rows.map((r) => r.statedPercent)).toEqual([null, null]);
    expect(found(audit(livelihoodGrid(liv({}))), 'livelihood/not-quantifiable')).toEqual([]);
  });

  it('livelihood/status-vocabulary fires on an unknown 进度评价; known words are quiet', () => {
    const a = audit(livelihoodGrid(liv({ status: '进行中' })));
    expect(found(a, 'livelihood/status-vocabulary')).toEqual(['附件2!J4 warning']);
    expect(a.recomputed.keywork?.livelihood?.all.counts.unmarked).toBe(1);
    const b = audit(livelihoodGrid(liv({}, { seq: 2, project: '项目2', status: '相对滞后', progress: '已完成1680人。', pct: 0.3 })));
    expect(b.findings).toEqual([]);
    expect(b.recomputed.keywork?.livelihood?.all.counts.lagging).toBe(1);
  });

  it('livelihood/category-mismatch fires when the 类别 contradicts the note; a consistent one is quiet', () => {
    const rows = liv({}, { seq: 2, project: '项目2', category: '市级重点民生实事' });
    const bad = audit(livelihoodGrid(rows, '注：1-2项为省级重点民生实事。'));
    expect(found(bad, 'livelihood/category-mismatch')).toEqual(['附件2!A5 warning']);
    const ok = audit(livelihoodGrid(rows, '注：1项为省级重点民生实事，2项为市级重点民生实事。'));
    expect(ok.findings).toEqual([]);
    // A blank 类别 takes the note's category.
    const blank = audit(livelihoodGrid(liv({ category: null }, { seq: 2, project: '项目2', category: null }), '注：1-1项为省级重点民生实事，2-2项为市级重点民生实事。'));
    expect(blank.records['livelihood-projects']?.rows.map((r) => r.category)).toEqual(['provincial', 'city']);
  });

  it('livelihood/numbering fires on a gap, not on a project continued under the same number', () => {
    const gap = audit(livelihoodGrid(liv({}, { seq: 3, project: '项目3' })));
    expect(found(gap, 'livelihood/numbering')).toEqual(['附件2!B5 warning']);
    const cont = audit(livelihoodGrid(liv({}, { seq: 1, sub: '就业用工社保“三合一”数字服务' })));
    expect(found(cont, 'livelihood/numbering')).toEqual([]);
    expect(cont.records['livelihood-projects']?.projects).toBe(1);
    const other = audit(livelihoodGrid(liv({}, { seq: 1, project: '另一个项目' })));
    expect(found(other, 'livelihood/numbering')).toEqual(['附件2!B5 warning']);
  });

  it('livelihood/unit-continued: a blank lead unit at a new project is an info; within a project it is not', () => {
    const a = audit(livelihoodGrid(liv({}, { seq: 2, project: '项目2', unit: null })));
    expect(found(a, 'livelihood/unit-continued')).toEqual(['附件2!G5 info']);
    expect(a.records['livelihood-projects']?.rows[1]?.unit).toBe('区人社局');
    const b = audit(livelihoodGrid(liv({}, { sub: '另一指标', unit: null })));
    expect(b.findings).toEqual([]);
  });

  it('dup/livelihood fires on the same indicator twice', () => {
    const a = audit(livelihoodGrid(liv({}, {})));
    expect(found(a, 'dup/livelihood')).toEqual(['附件2!D5 warning']);
    expect(found(audit(livelihoodGrid(liv({}, { sub: '新增农村劳动力转移就业' }))), 'dup/livelihood')).toEqual([]);
  });

  it('reads horizontal merges: a sub-project merged over the indicator column has no indicator', () => {
    const g = livelihoodGrid(liv({ sub: '新生儿疾病免费筛查与诊断服务', value: '500人', progress: '已完成332人。', pct: 0.66 }));
    const merged = { ...g, merges: [...g.merges, { top: 3, left: 3, bottom: 3, right: 4 }] };
    const a = audit(merged);
    expect(a.findings).toEqual([]);
    const row = a.records['livelihood-projects']?.rows[0];
    expect([row?.subProject, row?.indicator, row?.targetText]).toEqual(['新生儿疾病免费筛查与诊断服务', '', '500人']);
  });
});

describe('任务分解 rules', () => {
  it('task/lead-in-related, dup/unit-in-cell and dup/task fire; a clean sheet is quiet', () => {
    const a = audit(taskGrid([
      ['1', '对推动高质量发展成效明显的县市区，予以资金奖励。（牵头单位：省发展改革委）', '区发改局', '区科工局\n区发改局'],
      ['2', '对守牢生态环境底线成效明显的县市区予以奖励。', '生态环境分局', '各镇（街道）\n区林业局\n区林业局'],
      ['3', '对推动高质量发展成效明显的县市区，予以资金奖励。（牵头单位：省财政厅）', '区财政局', '税务局'],
    ]));
    expect(found(a, 'task/lead-in-related')).toEqual(['任务分解!D3 warning']);
    expect(found(a, 'dup/unit-in-cell')).toEqual(['任务分解!D4 warning']);
    expect(found(a, 'dup/task')).toEqual(['任务分解!B5 warning']);
    const ok = audit(taskGrid([
      ['1', '对推动高质量发展成效明显的县市区，予以资金奖励。', '区发改局', '区科工局\n区财政局'],
      ['2', '对守牢生态环境底线成效明显的县市区予以奖励。', '生态环境分局', '各镇（街道）'],
    ]));
    expect(ok.findings).toEqual([]);
  });
});

describe('unit names across the sheets', () => {
  it('units/variant fires when the same unit is written two ways; different units are quiet', () => {
    const a = audit(
      targetGrid(targets([DONE, ON, LAG], [{ unit: '区发改局' }, { unit: '区发改局' }, { unit: '区发展和改革局' }])),
      taskGrid([['1', '对推动高质量发展成效明显的县市区，予以资金奖励。', '发改局', '区科工局']]),
    );
    expect(found(a, 'units/variant').sort()).toEqual(['任务分解!C3 info', '附件1!C7 info']);
    const ok = audit(targetGrid(targets([DONE, ON], [{ unit: '区交通局' }, { unit: '区公路建养中心' }])), taskGrid([['1', '对推动县市区予以奖励。', '区交通局', '各相关单位']]));
    expect(found(ok, 'units/variant')).toEqual([]);
  });
});

describe('通报 rules', () => {
  const TARGETS = targets([DONE, ON, ON, LAG]);
  const headline = (s: string) => reportGrid([FILLER, s, FILLER]);

  it('report/count-mismatch, report/share-mismatch and report/total-mismatch against 附件1', () => {
    const ok = audit(headline('4项目标任务中，已完成年度目标任务的1项，占25%；达到时间与进度同步的2项，占50%；进展相对滞后的1项，占25%。'), targetGrid(TARGETS));
    expect(ok.findings).toEqual([]);
    const bad = audit(headline('5项目标任务中，已完成年度目标任务的2项，占25%；达到时间与进度同步的2项，占40%；进展相对滞后的1项，占25%。'), targetGrid(TARGETS));
    expect(found(bad, 'report/total-mismatch')).toEqual(['通报!A5 error']);
    expect(found(bad, 'report/count-mismatch')).toEqual(['通报!A5 error']);
    expect(found(bad, 'report/share-mismatch')).toEqual(['通报!A5 error']);
    expect(bad.findings.find((f) => f.code === 'report/share-mismatch')?.expected).toBe('50%');
  });

  it('accepts the largest-remainder share and the plain-rounded one', () => {
    // 1 / 3 / 2 of 6: 16.7 / 50 / 33.3; plain rounding gives the same here, and both add up to 100.
    const t = targets([DONE, ON, ON, ON, LAG, LAG]);
    const ok = audit(headline('6项目标任务中，已完成年度目标任务的1项，占16.7%；达到时间与进度同步的3项，占50%；进展相对滞后的2项，占33.3%。'), targetGrid(t));
    expect(ok.findings).toEqual([]);
    const off = audit(headline('6项目标任务中，已完成年度目标任务的1项，占16.6%；达到时间与进度同步的3项，占50%；进展相对滞后的2项，占33.3%。'), targetGrid(t));
    expect(found(off, 'report/share-mismatch')).toEqual(['通报!A5 error']);
  });

  it('report/parts-sum checks the figures against each other when 附件1 is absent', () => {
    const bad = audit(headline('4项目标任务中，已完成年度目标任务的1项，占25%；达到时间与进度同步的2项，占50%；进展相对滞后的2项，占25%。'), livelihoodGrid(liv({})));
    expect(found(bad, 'report/parts-sum')).toEqual(['通报!A5 error']);
    expect(found(bad, 'structure/annex-missing')).toEqual(['通报!A5 info']);
    const ok = audit(headline('4项目标任务中，已完成年度目标任务的1项，占25%；达到时间与进度同步的2项，占50%；进展相对滞后的1项，占25%。'), livelihoodGrid(liv({})));
    expect(found(ok, 'report/parts-sum')).toEqual([]);
    expect(found(ok, 'report/share-mismatch')).toEqual([]);
  });

  it('report/headline-missing is an info when the 通报 states no figures', () => {
    const a = audit(reportGrid([FILLER, FILLER]), targetGrid(TARGETS));
    expect(found(a, 'report/headline-missing')).toEqual(['通报!A1 info']);
  });

  it('redrafts the headline from the tables, shares adding up to 100%', () => {
    const a = audit(reportGrid([FILLER, FILLER]), targetGrid(targets([DONE, ON, ON, LAG, LAG, LAG])), livelihoodGrid(liv({}, { seq: 2, project: '项目2', category: '市级重点民生实事', value: '2所', progress: '2所已完工。', pct: 1, status: '已完成' })));
    expect(a.recomputed.keywork?.headline?.['zh-CN']).toBe(
      '《2024年<政府工作报告>目标任务分解》6项目标任务中，已完成年度目标任务的1项，占16.7%；达到时间与进度同步的2项，占33.3%；进展相对滞后的3项，占50%。' +
        '2件省市重点民生实事中，已完成年度目标任务的1件，占50%；达到时间与进度同步的1件，占50%。' +
        '其中1件省级重点民生实事中，已完成年度目标任务的0件，占0%；达到时间与进度同步的1件，占100%；1件市级重点民生实事中，已完成年度目标任务的1件，占100%；达到时间与进度同步的0件，占0%。',
    );
  });
});

describe('catalogue', () => {
  // Last in the file: it reads what the tests above saw fire, so it needs the whole file run (not `-t`).
  it('every code of a profile-B kind (its codes.ts) is produced by a fixture of this file, or asserted by a spec in its kind\'s folder', () => {
    const root = join(__dirname, '..', '..', 'src', 'core', 'annexes');
    const specsOf = (kind: string): string =>
      readdirSync(join(root, kind))
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => readFileSync(join(root, kind, f), 'utf8'))
        .join('\n');
    const kinds = ANNEX_KINDS.filter((k) => ANNEXES[k].profile === 'keywork');
    const missing = kinds.flatMap((k) => {
      const specs = specsOf(k);
      return (Object.keys(ANNEXES[k].codes) as FindingCode[]).filter((c) => !FIRED.has(c) && !specs.includes(`'${c}`));
    });
    expect(kinds.flatMap((k) => Object.keys(ANNEXES[k].codes)).length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
