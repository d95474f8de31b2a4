/** Profile B's pure readers: quantities, achieved figures, percentages, shares, notes, 通报 figures, units. */
import { achievedFrom, parseQuantity, readPercent } from '../../src/core/annexes/livelihood-projects/quantity';
import { formatShare, largestRemainderShares, naiveShare } from '../../src/core/profiles/keywork/shares';
import { classOf, enumeratedFigures, groupOf, headlineFigures } from '../../src/core/annexes/report-text/read';
import { livelihoodSeqsFromNote, parseNumberList } from '../../src/core/annexes/target-progress/read';
import { categoryRangesFromNote, saysNothingToDo, statusClass } from '../../src/core/annexes/livelihood-projects/read';
import { canonicalDistrictUnit, isGroupUnit, splitUnits } from '../../src/core/profiles/keywork/units';

function q(text: string) {
  const x = parseQuantity(text);
  if (!x) throw new Error(`not a quantity: ${text}`);
  return x;
}

describe('target quantities', () => {
  it.each([
    ['5600人', 5600, '人', 1, '人', null],
    ['2.4万方', 2.4, '万方', 1e4, '方', null],
    ['0.56万亩', 0.56, '万亩', 1e4, '亩', null],
    ['90元/月·人', 90, '元/月·人', 1, '元/月·人', null],
    ['60%以上', 60, '%', 1, '%', 'atLeast'],
    ['1992万元', 1992, '万元', 1e4, '元', null],
    ['10000名', 10000, '名', 1, '人', null],
    ['6600人次', 6600, '人次', 1, '人次', null],
    ['25%以上\n面积', 25, '%', 1, '%', 'atLeast'],
    ['不少于２０项', 20, '项', 1, '项', null],
  ])('%s', (text, value, unit, magnitude, base, qualifier) => {
    expect(q(text)).toMatchObject({ value, unit, magnitude, base, qualifier });
  });

  it('is null for text without a leading number', () => {
    expect(parseQuantity('按计划完成')).toBeNull();
    expect(parseQuantity(null)).toBeNull();
  });
});

describe('achieved figures from progress texts', () => {
  const achieved = (text: string, target: string) => achievedFrom(text, q(target))?.text ?? null;
  it.each([
    ['截至6月底，已完成3096人。', '5600人', '3096人'],
    ['已完成13口山塘清淤整治，新增蓄水1.95万方。', '2.4万方', '1.95万方'],
    ['已完工127户。', '160户', '127户'],
    ['该项目康复救助对象79人，累计完成415个月，累计完成人数59人。', '71名', '59人'],
    ['已完成3个（金盆社区、洞庭社区、枫桥湖社区），剩余1个正在进行设备安装。', '4个', '3个'],
    ['已完成1340万配电网建设投资。', '1992万元', '1340万'],
    ['已受理法律援助案件92件。', '92件', '92件'],
  ])('%s → %s', (text, target, expected) => {
    expect(achieved(text, target)).toBe(expected);
  });

  it.each([
    ['已救助人数8105人。', '6600人次'], // another unit
    ['目前，17个“高效办成一件事”已上线运行“出生”“教育入学”等7个一件事改革。', '17个'], // no done-verb
    ['2个小区已开工建设。', '2个'], // 开工 is not completion
    ['已完成5人，另完成8人。', '20人'], // two different figures: ambiguous
    ['尚未完成3人。', '5人'], // not done
    ['任务完成率89%。', '89户'], // a rate, not a count
    ['已完成。', '700元/月'], // a standard
  ])('%s → none', (text, target) => {
    expect(achieved(text, target)).toBeNull();
  });
});

describe('量化数据 cells', () => {
  it('reads numbers with a % format at the format’s precision', () => {
    expect(readPercent(0.85, '0%')).toMatchObject({ kind: 'percent', percent: 85, decimals: 0, shown: 85, asText: false });
    expect(readPercent(1.0045, '0.00%')).toMatchObject({ kind: 'percent', percent: 100.45, decimals: 2 });
    expect(readPercent(0.554, '0%')).toMatchObject({ shown: 55 });
  });
  it('reads text percentages and fractions without a format', () => {
    expect(readPercent('８５％', null)).toMatchObject({ kind: 'percent', percent: 85, decimals: 0, asText: true });
    expect(readPercent('100.45%', null)).toMatchObject({ percent: 100.45, decimals: 2 });
    expect(readPercent(1.22, null)).toMatchObject({ percent: 122, decimals: 0 });
  });
  it('treats dashes as blank and keeps words as text', () => {
    expect(readPercent('—', null)).toEqual({ kind: 'blank' });
    expect(readPercent(null, '0%')).toEqual({ kind: 'blank' });
    expect(readPercent('正在推进', null)).toEqual({ kind: 'text', text: '正在推进' });
    expect(readPercent({ error: '#DIV/0!' }, '0%')).toEqual({ kind: 'error', text: '#DIV/0!' });
  });
});

describe('shares', () => {
  it('largest remainder reproduces the published shares and adds up to 100', () => {
    expect(largestRemainderShares([7, 64, 9])).toEqual([8.8, 80, 11.2]);
    expect(largestRemainderShares([15, 31])).toEqual([32.6, 67.4]);
    expect(largestRemainderShares([12, 23])).toEqual([34.3, 65.7]);
    expect(largestRemainderShares([3, 8])).toEqual([27.3, 72.7]);
    expect(largestRemainderShares([1, 1, 1]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(largestRemainderShares([0, 0])).toEqual([0, 0]);
  });
  it('plain rounding and the document’s formatting', () => {
    expect(naiveShare(9, 80)).toBe(11.3);
    expect(naiveShare(7, 80)).toBe(8.8);
    expect(formatShare(80)).toBe('80');
    expect(formatShare(8.8)).toBe('8.8');
    expect(formatShare(100)).toBe('100');
  });
});

describe('notes and vocabularies', () => {
  it('reads the numbers a note names', () => {
    expect(livelihoodSeqsFromNote('注：第48、49、57、58、67、80项为区级民生实事。')).toEqual([48, 49, 57, 58, 67, 80]);
    expect(parseNumberList('3-5、8')).toEqual([3, 4, 5, 8]);
    expect(livelihoodSeqsFromNote('注：数据截至6月底。')).toEqual([]);
    expect(categoryRangesFromNote('注：1-10项为省级重点民生实事，11-18项为市级重点民生实事。')).toEqual([
      { from: 1, to: 10, category: 'provincial' },
      { from: 11, to: 18, category: 'city' },
    ]);
  });
  it('progress words and nothing-to-do rows', () => {
    expect(['已完成', '正常推进', '相对滞后', '进行中'].map((w) => statusClass(w))).toEqual(['done', 'onSchedule', 'lagging', null]);
    expect(saysNothingToDo('无集中养育孤儿。')).toBe(true);
    expect(saysNothingToDo('无法量化，正在推进。')).toBe(false);
    expect(saysNothingToDo('已完成。')).toBe(false);
  });
  it('unit cells, group phrases and aliases', () => {
    expect(splitUnits('区交通局\n区物流发展服务中心')).toEqual(['区交通局', '区物流发展服务中心']);
    expect(splitUnits('区发改局、区财政局')).toEqual(['区发改局', '区财政局']);
    expect(['各镇（街道）', '各实事承办单位', '区直各指标牵头单位', '各相关单位', '区发改局'].map(isGroupUnit)).toEqual([true, true, true, true, false]);
    expect(canonicalDistrictUnit('区发展和改革局', {})).toBe('区发改局');
    expect(canonicalDistrictUnit('区某某局', { 区某某局: '区某局' })).toBe('区某局');
  });
});

describe('通报 figures', () => {
  it('groups and classes', () => {
    expect(['目标任务', '省市重点民生实事', '省级重点民生实事', '市级重点民生实事', '区级民生实事'].map(groupOf)).toEqual(['targets', 'livelihood', 'provincial', 'city', null]);
    expect(['已完成年度目标任务的', '达到时间与进度同步的', '进展相对滞后的', '未完成的', '相关的'].map(classOf)).toEqual(['done', 'onSchedule', 'lagging', null, null]);
  });
  it('reads a headline with full-width digits, and ignores unrelated counts', () => {
    const figs = headlineFigures({ row: 7, cell: 'A8', text: '８０项目标任务中，已完成年度目标任务的７项，占８.８％；进展相对滞后的9项，占11.2%。17项激励措施正在对接。' });
    expect(figs.map((f) => [f.group, f.cls, f.count, f.share, f.phrase])).toEqual([
      ['targets', null, 80, null, '８０项目标任务中'],
      ['targets', 'done', 7, 8.8, '已完成年度目标任务的７项，占８.８％'],
      ['targets', 'lagging', 9, 11.2, '进展相对滞后的9项，占11.2%'],
    ]);
  });
  it('reads enumerated counts only where the sentence says what they are', () => {
    const p = (text: string) => enumeratedFigures({ row: 0, cell: 'A1', text }).map((f) => [f.group, f.cls, f.count]);
    expect(p('新增托位等12件省级重点民生实事，农田建设等3件市级重点民生实事已提前完成年度目标任务。家庭教育等31件省市重点民生实事办理达到时序进度要求。')).toEqual([
      ['provincial', 'done', 12],
      ['city', 'done', 3],
      ['livelihood', 'onSchedule', 31],
    ]);
    expect(p('严格对照18项46件省市重点民生实事，认真梳理。')).toEqual([]);
  });
});
