/**
 * Profile B (重点工作推进) editions written in the tests: a county's 通报, 附件1 (12 targets), 附件2
 * (8 livelihood indicators of 5 projects, 1–3 provincial, 4–5 city) and 任务分解, generated from one
 * model so that the 通报's figures agree with the tables by construction.
 *
 * 附件1: done 6, 8, 9; lagging 1, 7; the other 7 on schedule → 3 / 7 / 2 of 12 (25% / 58.3% / 16.7%).
 * 附件2: row → achieved ÷ target = percentage, status
 *   1 城镇新增就业 1800/3000人 60% on schedule · 2 农村劳动力转移就业 1000/1000人 100% done
 *   3 老年助餐服务点 3/4个 75% on schedule · 4 适老化改造 100/100户 100% done
 *   5 无障碍改造 52/80户 65% on schedule · 6 孕产妇筛查 330/600人次 55% on schedule
 *   7 和美乡村 2/2个 100% done · 8 美丽屋场 3/4个 75% on schedule
 *   → all 3 done / 5 on schedule (37.5% / 62.5%); provincial (1–5) 2 / 3 (40% / 60%); city (6–8) 1 / 2 (33.3% / 66.7%).
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { buildTable, type Col, proseSheet, type Table } from './sheets';

export type Cls = 'done' | 'onSchedule' | 'lagging';

export interface Target {
  readonly target: string;
  readonly unit: string;
  readonly progress: string;
  readonly cls: Cls | null;
  /** Extra marks (a planted second √). */
  readonly extra?: Cls;
  readonly remark?: string;
}

export interface Livelihood {
  readonly category: 'provincial' | 'city';
  readonly seq: number;
  readonly project: string;
  readonly indicator: string | null;
  readonly value: string;
  readonly unit: string;
  readonly progress: string;
  readonly pct: number;
  readonly cls: Cls;
  readonly remark?: string;
}

export interface Place {
  readonly year: number;
  /** 县 or 区: prefix of the units. */
  readonly level: string;
  readonly name: string;
}

export const XIANGYIN_2025: Place = { year: 2025, level: '县', name: '湘阴县' };
export const HUARONG_2023: Place = { year: 2023, level: '县', name: '华容县' };
export const JUNSHAN_2024: Place = { year: 2024, level: '区', name: '君山区' };

export function targets(p: Place): Target[] {
  const u = (s: string) => `${p.level}${s}`;
  return [
    { target: '地区生产总值增长6.5%以上，规模工业增加值增长7%以上。', unit: u('发改局'), progress: '1-6月，地区生产总值增长5.2%，规模工业增加值增长6.1%。', cls: 'lagging' },
    { target: '一般公共预算收入增长5%以上。', unit: u('财政局'), progress: '1-6月，一般公共预算收入增长3.1%。', cls: 'onSchedule' },
    { target: '新增规模工业企业10家。', unit: u('工信局'), progress: '已新增规模工业企业6家。', cls: 'onSchedule' },
    { target: '新增城镇就业3000人，农村劳动力转移就业1000人。', unit: u('人社局'), progress: '截至6月底，新增城镇就业1800人，农村劳动力转移就业1000人。', cls: 'onSchedule' },
    { target: '建设老年助餐服务点4个。', unit: u('民政局'), progress: '已完成3个，剩余1个正在进行设备安装。', cls: 'onSchedule' },
    { target: '完成3所农村学校提质改造。', unit: u('教育局'), progress: '3所学校改造已于7月20日完工。', cls: 'done' },
    { target: '新改建农村公路50公里。', unit: u('交通运输局'), progress: '已完成新改建农村公路22公里。', cls: 'lagging' },
    { target: '完成高标准农田建设2万亩。', unit: u('农业农村局'), progress: '2万亩高标准农田已完工并通过验收。', cls: 'done' },
    { target: '新增社区卫生服务站2家。', unit: u('卫健局'), progress: '2家服务站已于5月18日投入使用。', cls: 'done' },
    { target: '改造老旧小区5个。', unit: u('住建局'), progress: '5个老旧小区均已开工建设。', cls: 'onSchedule' },
    { target: '空气质量优良率保持在85%以上。', unit: '生态环境分局', progress: '截至6月，空气质量优良率88.2%。', cls: 'onSchedule' },
    { target: '实施农村人居环境整治提升行动。', unit: u('农业农村局'), progress: '完成农村户厕改造320户。', cls: 'onSchedule' },
  ];
}

export function livelihood(p: Place): Livelihood[] {
  const u = (s: string) => `${p.level}${s}`;
  return [
    { category: 'provincial', seq: 1, project: '促进高质量充分就业', indicator: '城镇新增就业', value: '3000人', unit: u('人社局'), progress: '截至6月底，已完成1800人。', pct: 0.6, cls: 'onSchedule' },
    { category: 'provincial', seq: 1, project: '促进高质量充分就业', indicator: '农村劳动力转移就业', value: '1000人', unit: u('人社局'), progress: '已完成1000人。', pct: 1, cls: 'done' },
    { category: 'provincial', seq: 2, project: '提高养老服务水平', indicator: '建设老年助餐服务点', value: '4个', unit: u('民政局'), progress: '已完成3个，剩余1个正在进行设备安装。', pct: 0.75, cls: 'onSchedule' },
    { category: 'provincial', seq: 2, project: '提高养老服务水平', indicator: '特殊困难老年人家庭适老化改造', value: '100户', unit: u('民政局'), progress: '已完成改造100户。', pct: 1, cls: 'done' },
    { category: 'provincial', seq: 3, project: '关爱特殊群体', indicator: '困难重度残疾人家庭无障碍改造', value: '80户', unit: u('残联'), progress: '已完工52户。', pct: 0.65, cls: 'onSchedule' },
    { category: 'city', seq: 4, project: '实行孕产妇免费筛查', indicator: null, value: '600人次', unit: u('卫健局'), progress: '已完成330人次。', pct: 0.55, cls: 'onSchedule' },
    { category: 'city', seq: 5, project: '建设宜居宜业和美乡村', indicator: '建设市级和美乡村', value: '2个', unit: u('农业农村局'), progress: '已完成2个。', pct: 1, cls: 'done' },
    { category: 'city', seq: 5, project: '建设宜居宜业和美乡村', indicator: '建设市级美丽屋场', value: '4个', unit: u('农业农村局'), progress: '已完成3个。', pct: 0.75, cls: 'onSchedule' },
  ];
}

export function tasks(p: Place): [string, string, string][] {
  const u = (s: string) => `${p.level}${s}`;
  return [
    ['对推动高质量发展成效明显的县市区，予以资金奖励。（牵头单位：省发展改革委）', u('发改局'), `${u('工信局')}\n${u('财政局')}\n${u('人社局')}`],
    ['对稳定工业经济增长、促进制造业提质增效成效明显的县市区，予以奖励支持。（牵头单位：省工业和信息化厅）', u('工信局'), `${u('发改局')}\n${u('财政局')}`],
    ['对推进乡村全面振兴成效明显的县市区，在相关专项资金中予以奖励支持。（牵头单位：省农业农村厅）', u('农业农村局'), '各镇（街道）'],
    ['对落实安全生产责任制、防范安全事故成效明显的县市区，予以资金奖励。（牵头单位：省应急管理厅）', u('应急局'), '各镇（街道）'],
    ['对推进财源建设提质攻坚成效明显的县市区，给予资金奖励。（牵头单位：省财政厅）', u('财政局'), '税务局'],
  ];
}

export interface Counts {
  total: number;
  done: number;
  onSchedule: number;
  lagging: number;
}

function count<T>(rows: readonly T[], cls: (r: T) => Cls | null): Counts {
  return {
    total: rows.length,
    done: rows.filter((r) => cls(r) === 'done').length,
    onSchedule: rows.filter((r) => cls(r) === 'onSchedule').length,
    lagging: rows.filter((r) => cls(r) === 'lagging').length,
  };
}

/** Shares as published: one decimal, largest remainder so that they add up to 100. */
export function shares(c: Counts): [number, number, number] {
  const parts = [c.done, c.onSchedule, c.lagging];
  const raw = parts.map((n) => (n * 1000) / c.total);
  const floors = raw.map(Math.floor);
  let left = 1000 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) if (left-- > 0) floors[i] = (floors[i] as number) + 1;
  return floors.map((x) => x / 10) as [number, number, number];
}

/** The 通报's headline paragraph for the given tables, in the sample's wording. */
export function headline(p: Place, t: readonly Target[], l: readonly Livelihood[], override?: (s: string) => string): string {
  const tc = count(t, (x) => x.cls);
  const all = count(l, (x) => x.cls);
  const prov = count(l.filter((x) => x.category === 'provincial'), (x) => x.cls);
  const city = count(l.filter((x) => x.category === 'city'), (x) => x.cls);
  const [td, to, tl] = shares(tc);
  const [ad, ao] = shares(all);
  const [pd, po] = shares(prov);
  const [cd, co] = shares(city);
  const s =
    `《${p.year}年<政府工作报告>目标任务分解》${tc.total}项目标任务中，已完成年度目标任务的${tc.done}项，占${td}%；达到时间与进度同步的${tc.onSchedule}项，占${to}%；进展相对滞后的${tc.lagging}项，占${tl}%。` +
    `${all.total}件省市重点民生实事中，已完成年度目标任务的${all.done}件，占${ad}%；达到时间与进度同步的${all.onSchedule}件，占${ao}%。` +
    `其中${prov.total}件省级重点民生实事中，已完成年度目标任务的${prov.done}件，占${pd}%；达到时间与进度同步的${prov.onSchedule}件，占${po}%；` +
    `${city.total}件市级重点民生实事中，已完成年度目标任务的${city.done}件，占${cd}%；达到时间与进度同步的${city.onSchedule}件，占${co}%。`;
  return override ? override(s) : s;
}

export function report(p: Place, t: readonly Target[], l: readonly Livelihood[], override?: (s: string) => string): Grid {
  const y = p.year;
  return proseSheet('通报', [
    `${p.name.slice(0, 2)}政办通〔${y}〕5号`,
    `${p.name}人民政府办公室`,
    `关于${y}年上半年${p.level}政府重点工作推进情况的通报`,
    '各乡镇人民政府，县直及驻县各单位：',
    `为扎实推进${y}年全${p.level}各项重点工作，确保年初各项目标任务顺利实现，${p.level}政府督查室对政府工作报告目标任务及省市重点民生实事推进落实情况进行了实地督查。现将有关情况通报如下：`,
    '一、基本情况',
    headline(p, t, l, override),
    '二、存在问题',
    `一是部分经济指标不容乐观。受市场行情等因素影响，部分指标离年度目标相差较远，需要进一步加大工作力度，确保完成全年目标任务。`,
    `二是部分实事办理进度滞后。部分实事项目由于各种原因仍处于前期准备阶段，项目推进缓慢，需要各责任单位倒排工期、挂图作战。`,
  ]);
}

export interface HeadersB {
  readonly targets: { seq: string; target: string; unit: string; progress: string; group: string | null; done: string; onSchedule: string; lagging: string };
  readonly livelihood: { category: string; seq: string; project: string; target: string; unit: string; progress: string; pct: string; status: string };
  readonly tasks: { seq: string; measure: string; lead: string; related: string };
}

export const CANONICAL_B: HeadersB = {
  targets: { seq: '序号', target: '目标任务', unit: '牵头单位', progress: '进展情况', group: '工作进度', done: '基本\n完成', onSchedule: '常态化\n或按时序推进', lagging: '相对滞后' },
  livelihood: { category: '类别', seq: '序号', project: '项目名称', target: '目标任务', unit: '牵头单位', progress: '进展情况', pct: '量化数据', status: '进度评价' },
  tasks: { seq: '序号', measure: '省政府大抓落实工作激励措施', lead: '牵头责任单位', related: '相关责任单位' },
};

export interface LayoutB {
  readonly headers: HeadersB;
  /** The words of 进度评价 per class. */
  readonly status: Readonly<Record<Cls, string>>;
  /** 目标任务 as one header over indicator + value (as in the sample), or split into two headers. */
  readonly split: { indicator: string; value: string } | null;
  /** Number format of 量化数据. */
  readonly pctFormat: string;
  readonly numbersRow: boolean;
  /** 备注 column in 附件1 and 附件2, and a helper column (blank header) in 附件2. */
  readonly extras: boolean;
  /** A 合计 row under 附件1 counting the marks. */
  readonly marksTotal: boolean;
  /** 附件1 with one column of words (header, and the word per class) instead of three columns of marks. */
  readonly targetWords: { readonly header: string; readonly words: Readonly<Record<Cls, string>> } | null;
}

export const DEFAULT_LAYOUT_B: LayoutB = {
  headers: CANONICAL_B,
  status: { done: '已完成', onSchedule: '正常推进', lagging: '滞后' },
  split: null,
  pctFormat: '0%',
  numbersRow: false,
  extras: false,
  marksTotal: false,
  targetWords: null,
};

export interface EditionB {
  readonly grids: Grid[];
  readonly targets: Table;
  readonly livelihood: Table;
  readonly tasks: Table;
  readonly report: Grid;
  /** Cell of the 通报 paragraph with the headline figures. */
  readonly headlineCell: string;
}

export interface EditionBInput {
  readonly place: Place;
  readonly layout?: Partial<LayoutB>;
  readonly targets?: (t: Target[]) => void;
  readonly livelihood?: (l: Livelihood[]) => void;
  readonly tasks?: (t: [string, string, string][]) => void;
  /** Edit the headline paragraph as written (a planted mistake in the 通报). */
  readonly headline?: (s: string) => string;
  /** The note under 附件1 naming the district-level livelihood items. */
  readonly targetNote?: string;
}

export function editionB(input: EditionBInput): EditionB {
  const { place } = input;
  const L: LayoutB = { ...DEFAULT_LAYOUT_B, ...input.layout };
  const H = L.headers;
  const y = place.year;
  const t = targets(place);
  input.targets?.(t);
  const l = livelihood(place);
  input.livelihood?.(l);
  const k = tasks(place);
  input.tasks?.(k);

  // ── 附件1 ──
  const g = H.targets.group;
  const one = (key: string, top: string): Col => (g ? { key, top, leaf: null } : { key, top });
  const mark = (x: Target, cls: Cls): CellValue => (x.cls === cls || x.extra === cls ? '√' : null);
  const TW = L.targetWords;
  const targetCols: Col[] = TW
    ? [
        { key: 'seq', top: H.targets.seq },
        { key: 'target', top: H.targets.target },
        { key: 'unit', top: H.targets.unit },
        { key: 'progress', top: H.targets.progress },
        { key: 'word', top: TW.header },
        ...(L.extras ? [{ key: 'remark', top: '备注' }] : []),
      ]
    : [
        one('seq', H.targets.seq),
        one('target', H.targets.target),
        one('unit', H.targets.unit),
        one('progress', H.targets.progress),
        g ? { key: 'done', top: g, leaf: H.targets.done } : { key: 'done', top: H.targets.done },
        g ? { key: 'onSchedule', top: null, leaf: H.targets.onSchedule } : { key: 'onSchedule', top: H.targets.onSchedule },
        g ? { key: 'lagging', top: null, leaf: H.targets.lagging } : { key: 'lagging', top: H.targets.lagging },
        ...(L.extras ? [one('remark', '备注')] : []),
      ];
  const tRows = t.map((x, i) => ({
    seq: i + 1,
    target: x.target,
    unit: x.unit,
    progress: x.progress,
    done: mark(x, 'done'),
    onSchedule: mark(x, 'onSchedule'),
    lagging: mark(x, 'lagging'),
    word: TW && x.cls ? TW.words[x.cls] : null,
    remark: x.remark ?? null,
  }));
  const marks = (cls: Cls) => t.filter((x) => x.cls === cls || x.extra === cls).length;
  const targetsT = buildTable({
    name: '附件1',
    titles: ['附件1', `《${y}年<政府工作报告>目标任务分解》目标任务进展情况`],
    cols: targetCols,
    rows: L.marksTotal && !TW ? [...tRows, { seq: '合计', done: marks('done'), onSchedule: marks('onSchedule'), lagging: marks('lagging') }] : tRows,
    numbersRow: L.numbersRow,
    notes: [input.targetNote ?? '注：第5、9项为县级民生实事。'],
  });

  // ── 附件2 ──
  const lh = H.livelihood;
  const catText = (c: 'provincial' | 'city') => (c === 'provincial' ? '省级\n重点\n民生\n实事' : '市级\n重点\n民生\n实事');
  const livelihoodCols: Col[] = [
    { key: 'category', top: lh.category },
    { key: 'seq', top: lh.seq },
    { key: 'project', top: lh.project },
    ...(L.split ? [{ key: 'indicator', top: L.split.indicator }, { key: 'value', top: L.split.value }] : [{ key: 'indicator', top: lh.target }, { key: 'value', top: null }]),
    { key: 'unit', top: lh.unit },
    { key: 'progress', top: lh.progress },
    { key: 'pct', top: lh.pct },
    { key: 'status', top: lh.status },
    ...(L.extras ? [{ key: 'remark', top: '备注' }, { key: 'helper', top: null }] : []),
  ];
  const livelihoodT = buildTable({
    name: '附件2',
    titles: ['附件2', `${y}年省市重点民生实事项目任务分解进展情况`],
    cols: livelihoodCols,
    rows: l.map((x) => ({
      category: catText(x.category),
      seq: x.seq,
      project: x.project,
      indicator: x.indicator,
      value: x.value,
      unit: x.unit,
      progress: x.progress,
      pct: x.pct,
      status: L.status[x.cls],
      remark: x.remark ?? null,
      helper: x.cls === 'done' ? 1 : 0,
    })),
    numbersRow: L.numbersRow,
    notes: ['注：1-3项为省级重点民生实事，4-5项为市级重点民生实事。'],
    mergeDown: ['category', 'seq', 'project', 'unit'],
    mergeWithin: { project: 'seq', unit: 'seq' },
    formats: { pct: L.pctFormat },
  });
  if (!L.split) {
    // 目标任务 spans indicator + value, as in the sample.
    const r = livelihoodT.headerTop + 1;
    (livelihoodT.grid.merges as { top: number; left: number; bottom: number; right: number }[]).push({
      top: r - 1,
      bottom: r - 1,
      left: livelihoodCols.findIndex((c) => c.key === 'indicator'),
      right: livelihoodCols.findIndex((c) => c.key === 'value'),
    });
  }

  // ── 任务分解 ──
  const tasksT = buildTable({
    name: '任务分解',
    titles: [`${place.name}贯彻落实${y}年省政府大抓落实工作激励措施任务分解`],
    cols: [
      { key: 'seq', top: H.tasks.seq },
      { key: 'measure', top: H.tasks.measure },
      { key: 'lead', top: H.tasks.lead },
      { key: 'related', top: H.tasks.related },
    ],
    rows: k.map(([measure, lead, related], i) => ({ seq: String(i + 1), measure, lead, related })),
    numbersRow: L.numbersRow,
  });

  const rep = report(place, t, l, input.headline);
  return { grids: [rep, targetsT.grid, livelihoodT.grid, tasksT.grid], targets: targetsT, livelihood: livelihoodT, tasks: tasksT, report: rep, headlineCell: 'A7' };
}

export const PINGJIANG_2024: Place = { year: 2024, level: '县', name: '平江县' };
