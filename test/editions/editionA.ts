/**
 * Profile A (激励事项研判) editions written in the tests: another place's and another year's five
 * annexes, generated from one small model so that 附件1, 附件2 and 附件4 agree with 附件3 by
 * construction. A variant changes the wording of headers, the layout, the extra columns; a test then
 * plants its inconsistencies on top.
 *
 * The model (9 items, 5 lead units, the place itself P0, four subordinate places P1–P4, a park P5):
 *   L0 第1项  高质量发展                 难度较大 (bare)                      → 难度较大
 *   L0 第3项  优化营商环境               P0 有可能, P1 很有可能               → 很有可能
 *   L0 第13项 固定资产投资               P2 有可能, P3 有可能, P4 难度较大     → 有可能
 *   L1 第30项 ●Ⅲ深化教育改革            P0 很有可能, P1 有可能               → 很有可能
 *   L2 第31项 推进养老服务体系建设       不太可能 (bare)                      → 不太可能
 *   L3 第4项  Ⅲ促进工业高质量发展       P0 有可能, P5 有可能, P2 难度较大     → 有可能
 *   L3 第8项  产业发展“万千百”工程       P4 有可能                            → 有可能
 *   L4 第7项  全面促进消费               难度较大 (bare)                      → 难度较大
 *   L4 第15项 稳外贸稳外资               P1 有可能                            → 有可能
 * 附件1: L0 3 (1/1/1/0), L1 1 (1/0/0/0), L2 1 (0/0/0/1), L3 2 (0/2/0/0), L4 2 (0/1/1/0); 合计 9 (2/4/2/1).
 * 附件2 (有可能 or better): P0 营商环境·教育改革·工业 (3); P1 营商环境·教育改革·外贸 (3); P2 固定资产投资;
 * P3 固定资产投资; P4 万千百; P5 工业 (1 each).
 * Markers: ● on 1 item, Ⅲ on 2 items, as the note says.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { buildTable, type Col, type Row, type Table } from './sheets';

export type Rating = '很有可能' | '有可能' | '难度较大' | '不太可能';
export const RATINGS: readonly Rating[] = ['很有可能', '有可能', '难度较大', '不太可能'];

export interface Place {
  readonly year: number;
  /** 州/市/县: the prefix of the lead units and of the title. */
  readonly level: string;
  /** P0 (the place itself, e.g. 市本级) … P4, P5 (a park). */
  readonly places: readonly [string, string, string, string, string, string];
  /** L0 … L4. */
  readonly leads: readonly [string, string, string, string, string];
}

export const HUAIHUA_2023: Place = {
  year: 2023,
  level: '市',
  places: ['市本级', '鹤城区', '中方县', '沅陵县', '溆浦县', '怀化高新区'],
  leads: ['市发改委', '市教育局', '市民政局', '市工信局', '市商务局'],
};

export const CHENXI_2024: Place = {
  year: 2024,
  level: '县',
  places: ['县本级', '辰阳镇', '孝坪镇', '火马冲镇', '黄溪口镇', '辰溪工业集中区'],
  leads: ['县发改局', '县教育局', '县民政局', '县工信局', '县商务局'],
};

export const XIANGTAN_2024: Place = {
  year: 2024,
  level: '市',
  places: ['市本级', '雨湖区', '岳塘区', '湘潭县', '湘乡市', '湘潭高新区'],
  leads: ['市发改委', '市教育局', '市民政局', '市工信局', '市商务局'],
};

export const ZHUZHOU_2025: Place = {
  year: 2025,
  level: '市',
  places: ['市本级', '天元区', '芦淞区', '醴陵市', '攸县', '株洲高新区'],
  leads: ['市发改委', '市教育局', '市民政局', '市工信局', '市商务局'],
};

export interface ItemModel {
  readonly lead: number;
  readonly seq: string;
  readonly name: string;
  readonly markers: string;
  readonly quota: string;
  /** Bare rating, or (place index, rating) pairs. */
  readonly assessment: Rating | readonly (readonly [number, Rating])[];
  readonly progress: string;
  readonly problems: string;
  readonly liaison: string;
}

export const ITEMS: readonly ItemModel[] = [
  { lead: 0, seq: '第1项', name: '高质量发展', markers: '', quota: '10个县市区', assessment: '难度较大',
    progress: '共有考核指标12项，截止目前已完成5项，未完成7项。', problems: '部分指标排位靠后。', liaison: '3月15日，主要负责人到省发改委汇报。' },
  { lead: 0, seq: '第3项', name: '优化营商环境', markers: '', quota: '4个市州\n10个县市', assessment: [[0, '有可能'], [1, '很有可能']],
    progress: '共有考核指标20项，截止目前已完成16项，未完成4项。', problems: '部门协同有待加强。', liaison: '4月20日、6月8日，分管领导带队到省发改委对接。' },
  { lead: 0, seq: '第13项', name: '固定资产投资', markers: '', quota: '4个市州\n10个县市区', assessment: [[2, '有可能'], [3, '有可能'], [4, '难度较大']],
    progress: '各项指标均需年终统计后确定，正在按时序推进。', problems: '在库项目不足。', liaison: '5月10日，到省发改委投资处汇报。' },
  { lead: 1, seq: '第30项', name: '深化教育改革', markers: '●Ⅲ', quota: '4个市州\n10个县市', assessment: [[0, '很有可能'], [1, '有可能']],
    progress: '共有考核指标5项，目前已完成3项，未完成2项。', problems: '无', liaison: '6月29日，在全省教育系统专题研修班上作典型发言。' },
  { lead: 2, seq: '第31项', name: '推进养老服务体系建设', markers: '', quota: '4个市州\n10个县市', assessment: '不太可能',
    progress: '共有考核基本指标10项，截止目前已完成3项，未完成7项。', problems: '社会养老服务机构发展缓慢。', liaison: '给省民政厅汇报对接后，反馈结果为获得激励几率不大。' },
  { lead: 3, seq: '第4项', name: '促进工业高质量发展', markers: 'Ⅲ', quota: '4个市州\n10个县市区\n5个园区', assessment: [[0, '有可能'], [5, '有可能'], [2, '难度较大']],
    progress: '各项考核指标均为年度数据，正在按时序加快推进。', problems: '规模工业增加值增速放缓。', liaison: '8月2日，局长带队到省工信厅汇报推进情况。' },
  { lead: 3, seq: '第8项', name: '产业发展“万千百”工程', markers: '', quota: '4个市州\n10个县市区', assessment: [[4, '有可能']],
    progress: '共有考核指标4项，已完成1项，未完成3项。', problems: '年内开工的重大项目偏少。', liaison: '9月12日，到省工信厅产业处对接。' },
  { lead: 4, seq: '第7项', name: '全面促进消费', markers: '', quota: '4个市州\n10个县市区', assessment: '难度较大',
    progress: '共有考核指标30项，截止目前已完成8项，未完成22项。', problems: '住宿餐饮业复苏较为缓慢。', liaison: '5月9日，局长到省统计局贸外处汇报衔接。' },
  { lead: 4, seq: '第15项', name: '稳外贸稳外资', markers: '', quota: '4个市州\n10个县市区', assessment: [[1, '有可能']],
    progress: '外贸进出口总额同比增长12%，实际利用外资稳步增长。', problems: '外贸企业订单减少。', liaison: '7月18日，分管领导到省商务厅汇报。' },
];

/** The liaison rows of 附件5: (place index, item index, text). */
export const LIAISON: readonly (readonly [number, number, string])[] = [
  [0, 1, '3月15日，向省发改委优化处汇报营商环境工作。'],
  [0, 3, '5月9日，与省教育厅对接教育评价改革。'],
  [0, 5, '6月12日，到省工信厅汇报工业稳增长工作。'],
  [1, 1, '4月18日，区发改局到市发改委对接。'],
  [1, 8, '无'],
  [2, 2, '7月3日，发改部门到投资科汇报。'],
  [3, 2, '暂无对接'],
  [4, 6, '8月22日，到工信部门对接。'],
  [5, 5, '9月5日，到省园区处对接。'],
];

export interface DerivedA {
  /** Per lead: [total, 很有可能, 有可能, 难度较大, 不太可能]. */
  readonly tally: readonly (readonly [number, number, number, number, number])[];
  readonly total: readonly [number, number, number, number, number];
  /** Per place: item indexes rated 有可能 or better, in model order. */
  readonly keyItems: readonly (readonly number[])[];
}

export function itemRating(it: ItemModel): Rating {
  if (typeof it.assessment === 'string') return it.assessment;
  return [...it.assessment].map((p) => p[1]).sort((a, b) => RATINGS.indexOf(a) - RATINGS.indexOf(b))[0] as Rating;
}

export function derive(items: readonly ItemModel[] = ITEMS): DerivedA {
  const tally = [0, 1, 2, 3, 4].map((l) => {
    const mine = items.filter((i) => i.lead === l);
    const count = (r: Rating) => mine.filter((i) => itemRating(i) === r).length;
    return [mine.length, count('很有可能'), count('有可能'), count('难度较大'), count('不太可能')] as const;
  });
  const total = [0, 1, 2, 3, 4].map((k) => tally.reduce((a, r) => a + (r[k] as number), 0)) as unknown as [number, number, number, number, number];
  const keyItems = [0, 1, 2, 3, 4, 5].map((p) =>
    items.flatMap((it, i) => (typeof it.assessment !== 'string' && it.assessment.some(([q, r]) => q === p && (r === '很有可能' || r === '有可能')) ? [i] : [])),
  );
  return { tally, total, keyItems };
}

/** Header wording of each kind's columns (keys as in src/core/kinds.ts). */
export interface HeadersA {
  readonly tally: { unit: string; total: string; veryLikely: string; likely: string; hard: string; unlikely: string };
  readonly keys: { unit: string; count: string; items: string };
  readonly analysis: { unit: string; seq: string; item: string; quota: string; assessment: string };
  readonly progress: { unit: string; item: string; progress: string; problems: string; liaison: string };
  readonly liaison: { county: string; item: string; liaison: string };
}

export const CANONICAL_A: HeadersA = {
  tally: { unit: '牵头单位', total: '总项数', veryLikely: '很有可能', likely: '有可能', hard: '难度较大', unlikely: '不太可能' },
  keys: { unit: '单  位', count: '项数', items: '具体事项' },
  analysis: { unit: '牵头单位', seq: '序  号', item: '激励事项', quota: '激励名额', assessment: '州直研判情况' },
  progress: { unit: '牵头单位', item: '激励事项', progress: '最新进展', problems: '存在问题', liaison: '与上级部门对接情况' },
  liaison: { county: '县市区', item: '重点事项', liaison: '对接情况' },
};

export interface LayoutA {
  readonly headers: HeadersA;
  /** `long`: one `单位：等级` per line; `wide`: one column per rating holding the places so rated. */
  readonly analysis: 'long' | 'wide';
  /** 合计 row of 附件1 above the units (as in the sample) or at the bottom. */
  readonly totalAt: 'top' | 'bottom';
  /** The 合计 cells as SUM formulas (true) or typed numbers. */
  readonly totalFormulas: boolean;
  /** Group header over the four rating columns of 附件1 (two-row header); null: one row. */
  readonly ratingGroup: string | null;
  /** A row of column numbers under every header. */
  readonly numbersRow: boolean;
  /** Extra columns: 序号 in 附件1/附件2/附件4, 备注 in 附件4, a helper column in 附件3 (blank header). */
  readonly extras: boolean;
  /** Group header over 项数 + 具体事项 in 附件2 (as in the sample: `重点事项（州直单位研判情况）`). */
  readonly keysGroup: string | null;
  /** Group header over the award-history years of 附件3 (`历年获激励情况` over `2022年` …); null: `2022年获激励情况`. */
  readonly historyGroup: string | null;
}

/** The sample's wording adapted to a place: 州直研判情况 becomes 市直研判情况 in a 市 edition. */
export function canonicalFor(place: Place): HeadersA {
  return { ...CANONICAL_A, analysis: { ...CANONICAL_A.analysis, assessment: `${place.level}直研判情况` } };
}

export const DEFAULT_LAYOUT_A: LayoutA = {
  headers: CANONICAL_A,
  analysis: 'long',
  totalAt: 'top',
  totalFormulas: true,
  ratingGroup: null,
  numbersRow: false,
  extras: false,
  keysGroup: '重点事项（州直单位研判情况）',
  historyGroup: null,
};

export interface EditionA {
  readonly grids: Grid[];
  readonly tally: Table;
  readonly keys: Table;
  readonly analysis: Table;
  readonly progress: Table;
  readonly liaison: Table;
  /** Data-row index in 附件1 of lead `l`. */
  tallyRow(l: number): number;
  /** Data-row index in 附件1 of the 合计 row. */
  readonly totalRow: number;
  /** Data-row index in 附件2 of place `p`. */
  keysRow(p: number): number;
  /** Data-row index in 附件3/附件4 of item `i`. */
  itemRow(i: number): number;
  /** Data-row index in 附件5 of liaison row `k`. */
  liaisonRow(k: number): number;
}

export interface EditionAInput {
  readonly place: Place;
  readonly layout?: Partial<LayoutA>;
  readonly items?: readonly ItemModel[];
  /** Applied to the tally numbers before rendering (the planted mistakes of 附件1). */
  readonly tally?: (t: number[][]) => void;
  /** Applied to the key-item lists before rendering: [count, names][] per place. */
  readonly keys?: (k: { count: number; items: string[] }[]) => void;
  /** Per item: the text of its 备注 (with `extras`). */
  readonly remarks?: Readonly<Record<number, string>>;
  readonly liaison?: readonly (readonly [number, number, string])[];
  /** The note above 附件3 (marker counts). */
  readonly markerNote?: string;
}

const blankZero = (n: number): CellValue => (n === 0 ? null : n);

export function editionA(input: EditionAInput): EditionA {
  const { place } = input;
  const L: LayoutA = {
    ...DEFAULT_LAYOUT_A,
    headers: canonicalFor(place),
    keysGroup: `重点事项（${place.level}直单位研判情况）`,
    ...input.layout,
  };
  const H = L.headers;
  const items = input.items ?? ITEMS;
  const d = derive(items);
  const y = place.year;
  const P = place.places;
  const lv = place.level;
  const self = P[0];

  // ── 附件1 ──
  const t = d.tally.map((r) => [...r]);
  const tot = [...d.total];
  input.tally?.(t);
  // The 合计 is what Excel shows: the SUM of the unit rows as they now stand.
  for (let k = 0; k < 5; k++) tot[k] = t.reduce((a, r) => a + (r[k] as number), 0);
  const rg = L.ratingGroup;
  const tallyCols: Col[] = [
    ...(L.extras ? [{ key: 'seq', top: '序号', ...(rg ? { leaf: null } : {}) }] : []),
    { key: 'unit', top: H.tally.unit, ...(rg ? { leaf: null } : {}) },
    { key: 'total', top: H.tally.total, ...(rg ? { leaf: null } : {}) },
    { key: 'veryLikely', top: rg, ...(rg ? { leaf: H.tally.veryLikely } : {}) },
    { key: 'likely', top: rg ? null : H.tally.likely, ...(rg ? { leaf: H.tally.likely } : {}) },
    { key: 'hard', top: rg ? null : H.tally.hard, ...(rg ? { leaf: H.tally.hard } : {}) },
    { key: 'unlikely', top: rg ? null : H.tally.unlikely, ...(rg ? { leaf: H.tally.unlikely } : {}) },
  ].map((c) => (!rg && c.key === 'veryLikely' ? { key: c.key, top: H.tally.veryLikely } : c));
  const unitRows: Row[] = place.leads.map((u, l) => ({
    seq: l + 1,
    unit: u,
    total: (t[l] as number[])[0] ?? 0,
    veryLikely: blankZero((t[l] as number[])[1] ?? 0),
    likely: blankZero((t[l] as number[])[2] ?? 0),
    hard: blankZero((t[l] as number[])[3] ?? 0),
    unlikely: blankZero((t[l] as number[])[4] ?? 0),
  }));
  const totalRowData: Row = { unit: '合  计', total: tot[0] ?? 0, veryLikely: tot[1] ?? 0, likely: tot[2] ?? 0, hard: tot[3] ?? 0, unlikely: tot[4] ?? 0 };
  const tallyRows = L.totalAt === 'top' ? [totalRowData, ...unitRows] : [...unitRows, totalRowData];
  const tally = buildTable({
    name: '附件1',
    titles: ['附件1', `${y}年${lv}政府真抓实干激励事项研判统计表`, '统计截止9月30日'],
    cols: tallyCols,
    rows: tallyRows,
    numbersRow: L.numbersRow,
  });
  const totalRow = L.totalAt === 'top' ? 0 : unitRows.length;
  const firstUnit = L.totalAt === 'top' ? 1 : 0;
  if (L.totalFormulas) {
    const f = tally.grid.formulas as (string | null)[][];
    for (const key of ['total', 'veryLikely', 'likely', 'hard', 'unlikely']) {
      const col = tally.letter(key);
      const p = tally.firstDataRow + totalRow;
      const c = tallyCols.findIndex((x) => x.key === key);
      (f[p] as (string | null)[])[c] = `SUM(${col}${tally.rowNo(firstUnit)}:${col}${tally.rowNo(firstUnit + unitRows.length - 1)})`;
    }
  }

  // ── 附件2 ──
  const keyLists = d.keyItems.map((list) => ({ count: list.length, items: list.map((i) => (items[i] as ItemModel).name) }));
  input.keys?.(keyLists);
  const kg = L.keysGroup;
  const keysCols: Col[] = [
    ...(L.extras ? [{ key: 'seq', top: '序号', ...(kg ? { leaf: null } : {}) }] : []),
    { key: 'unit', top: H.keys.unit, ...(kg ? { leaf: null } : {}) },
    { key: 'count', top: kg ?? H.keys.count, ...(kg ? { leaf: H.keys.count } : {}) },
    { key: 'items', top: kg ? null : H.keys.items, ...(kg ? { leaf: H.keys.items } : {}) },
  ];
  const keys = buildTable({
    name: '附件2',
    titles: ['附件2', `${y}年${lv}政府真抓实干县市区重点事项汇总表`, '统计截止9月30日'],
    cols: keysCols,
    rows: keyLists.map((k, p) => ({ seq: p + 1, unit: P[p] ?? '', count: k.count, items: k.items.map((n, i) => `${i + 1}.${n}`).join('\n') })),
    numbersRow: L.numbersRow,
  });

  // ── 附件3 ──
  const hg = L.historyGroup;
  const histYears = [y - 1, y - 2];
  const longAssessment = (it: ItemModel): string =>
    typeof it.assessment === 'string' ? it.assessment : it.assessment.map(([p, r]) => `${P[p]}：${r}`).join('\n');
  const wideCell = (it: ItemModel, r: Rating): CellValue => {
    const names = typeof it.assessment === 'string' ? (it.assessment === r ? [self] : []) : it.assessment.filter((x) => x[1] === r).map(([p]) => P[p] as string);
    return names.length > 0 ? names.join('、') : null;
  };
  const twoRowAnalysis = L.analysis === 'wide' || hg !== null;
  const single = (key: string, top: string): Col => (twoRowAnalysis ? { key, top, leaf: null } : { key, top });
  const analysisCols: Col[] = [
    single('unit', H.analysis.unit),
    single('seq', H.analysis.seq),
    single('item', H.analysis.item),
    single('quota', H.analysis.quota),
    ...(L.analysis === 'long'
      ? [single('assessment', H.analysis.assessment)]
      : RATINGS.map((r, i) => ({ key: `r${i}`, top: i === 0 ? H.analysis.assessment : null, leaf: r }))),
    ...histYears.map((yy, i) =>
      hg ? { key: `h${i}`, top: i === 0 ? hg : null, leaf: `${yy}年` } : single(`h${i}`, `${yy}年获激励情况`),
    ),
    // A helper column (hidden in the office's file): no header, a key per row.
    ...(L.extras ? [{ key: 'helper', top: null, ...(twoRowAnalysis ? { leaf: null } : {}) }] : []),
  ];
  const winners = [['×', '——'], [P[1] as string, '×'], ['×', '×'], [P[3] as string, P[1] as string], ['——', '——'], ['×', P[5] as string], ['——', '——'], ['×', '×'], [`${P[2]}\n${P[4]}`, '×']];
  const analysis = buildTable({
    name: '附件3',
    titles: [
      '附件3',
      `${y}年${lv}政府真抓实干激励事项研判分析表（统计截止9月30日）`,
      input.markerNote ?? `注：●表示该项${y - 1}年14个市州全获激励（共1项）；Ⅱ或Ⅲ表示分二类或三类地区考核（共2小项）`,
    ],
    cols: analysisCols,
    rows: items.map((it, i) => ({
      unit: place.leads[it.lead] ?? '',
      seq: it.seq,
      item: `${it.markers}${it.name}`,
      quota: it.quota,
      assessment: longAssessment(it),
      r0: wideCell(it, '很有可能'),
      r1: wideCell(it, '有可能'),
      r2: wideCell(it, '难度较大'),
      r3: wideCell(it, '不太可能'),
      h0: winners[i]?.[0] ?? '×',
      h1: winners[i]?.[1] ?? '×',
      helper: `${place.leads[it.lead]}|${it.name}`,
    })),
    numbersRow: L.numbersRow,
    mergeDown: ['unit'],
  });

  // ── 附件4 ──
  const progressCols: Col[] = [
    ...(L.extras ? [{ key: 'seq', top: '序号' }] : []),
    { key: 'unit', top: H.progress.unit },
    { key: 'item', top: H.progress.item },
    { key: 'progress', top: H.progress.progress },
    { key: 'problems', top: H.progress.problems },
    { key: 'liaison', top: H.progress.liaison },
    ...(L.extras ? [{ key: 'remark', top: '备注' }] : []),
  ];
  const progress = buildTable({
    name: '附件4',
    titles: ['附件4', `${y}年${lv}政府真抓实干激励事项进展情况（统计截止9月30日）`],
    cols: progressCols,
    rows: items.map((it, i) => ({
      seq: i + 1,
      unit: place.leads[it.lead] ?? '',
      item: it.name,
      progress: it.progress,
      problems: it.problems,
      liaison: it.liaison,
      remark: input.remarks?.[i] ?? null,
    })),
    numbersRow: L.numbersRow,
    mergeDown: ['unit'],
  });

  // ── 附件5 ──
  const liaisonRows = input.liaison ?? LIAISON;
  const liaison = buildTable({
    name: '附件5',
    titles: ['附件5', `${y}年${lv}政府真抓实干县市区对接情况统计`, '统计截止9月30日'],
    cols: [
      { key: 'county', top: H.liaison.county },
      { key: 'item', top: H.liaison.item },
      { key: 'liaison', top: H.liaison.liaison },
    ],
    rows: liaisonRows.map(([p, i, text]) => ({ county: P[p] ?? '', item: (items[i] as ItemModel).name, liaison: text })),
    numbersRow: L.numbersRow,
    mergeDown: ['county'],
  });

  return {
    grids: [tally.grid, keys.grid, analysis.grid, progress.grid, liaison.grid],
    tally,
    keys,
    analysis,
    progress,
    liaison,
    tallyRow: (l) => firstUnit + l,
    totalRow,
    keysRow: (p) => p,
    itemRow: (i) => i,
    liaisonRow: (k) => k,
  };
}
