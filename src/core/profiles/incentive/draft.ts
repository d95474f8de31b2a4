/**
 * 通报草稿 of profile A: the 研判 paragraph of a circular, drafted from the recomputed figures in the register
 * of such documents (as the key-work profile redrafts its 通报 headline). Every figure is a cell: the table under
 * the paragraph lists each one as a formula over the summary sheet it comes from, with a link to that cell, and
 * the paragraph itself is a formula joining those cells — correct a rating and the paragraph's counts follow.
 */
import type { Audit } from '../../auditTypes';
import { columnLetter } from '../../grid';
import type { Lang } from '../../i18n/spec';
import { t, type UiArgs, type UiKey } from '../../i18n/ui';
import { basePlan, blank, link, num, PlanRows, sheetRef, text } from '../../plans/common';
import type { RecomputedItemRating } from './';
import type { PlanCell, SheetPlan } from '../../plans/types';
import { LIST_SEPARATOR, listOf } from '../../i18n/lists';

/** The version compared with: its audit and the name the user knows it by (its file). */
export interface PreviousRound {
  readonly audit: Audit;
  readonly name: string;
}

const RATING_WORD = { veryLikely: '很有可能', likely: '有可能', hard: '难度较大', unlikely: '不太可能' } as const;

/**
 * The differences from the last round: each rating's count before → now (now: the cells already listed; before:
 * the previous version's figure, listed with its file as the source) and the items whose best rating changed.
 * Empty when the previous version has no recomputed tally.
 */
function previousRound(
  previous: PreviousRound,
  current: readonly RecomputedItemRating[],
  lang: Lang,
  now: readonly Piece[],
  listed: (label: string, value: string | number, source: string) => string | number,
): Piece[] {
  const before = previous.audit.recomputed.incentive;
  if (!before) return [];
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);
  const zh = lang === 'zh-CN';
  const source = tr('plan.incentiveDraft.previousSource', { file: previous.name });
  const counts: Piece[] = [];
  (['veryLikely', 'likely', 'hard', 'unlikely'] as const).forEach((k, i) => {
    const was = before.tallyTotal[k];
    const cell = now[i];
    if (!cell || typeof cell === 'string' || cell.value === was) return;
    const old = listed(tr('plan.incentiveDraft.previousCount', { rating: tr(`chart.rating.${k}`) }), was, source);
    if (counts.length > 0) counts.push(zh ? '，' : ', ');
    counts.push(...(zh ? [`${RATING_WORD[k]}由`, String(old), '项变为', cell, '项'] : [`${tr(`chart.rating.${k}`).toLowerCase()} from `, String(old), ' to ', cell]));
  });
  const key = (it: { unit: string; item: string }) => `${it.unit}\u0000${it.item.replace(/\s/g, '')}`;
  const was = new Map(before.itemRatings.map((it) => [key(it), it] as const));
  const changed = current.filter((it) => {
    const w = was.get(key(it));
    return w !== undefined && w.rating !== it.rating;
  });
  const items: Piece[] = [];
  changed.forEach((it, i) => {
    const w = was.get(key(it));
    const text = zh ? `${it.item}（${it.unit}，${w?.rating ?? '—'}→${it.rating ?? '—'}）` : `${it.item} (${it.unit}, ${w?.rating ?? '—'} → ${it.rating ?? '—'})`;
    listed(tr('plan.incentiveDraft.changedItem'), text, `${source}；${it.sheet}!${it.cell}`);
    if (i > 0) items.push(zh ? '、' : '; ');
    items.push(text);
  });
  return [
    ...(zh ? ['与上一版（', previous.name, '）相比，'] : ['Compared with the last version (', previous.name, '), ']),
    ...(counts.length > 0 ? counts : [zh ? '各等级项数没有变化' : 'no rating count changed']),
    ...(changed.length > 0 ? (zh ? ['；研判等级有变化的事项', String(changed.length), '项：', ...items] : ['; ', String(changed.length), ' items changed rating: ', ...items]) : []),
    zh ? '。' : '.',
  ];
}

/** Longest string literal Excel accepts in a formula. */
const MAX_LITERAL = 255;

type Piece = string | { readonly cell: string; readonly value: string | number };

/** A formula joining text and cells with `&` (literals cut to Excel's 255 characters), and its result. */
function joinFormula(pieces: readonly Piece[]): { formula: string; value: string } {
  const parts: string[] = [];
  let value = '';
  for (const p of pieces) {
    if (typeof p === 'string') {
      value += p;
      for (let i = 0; i < p.length; i += MAX_LITERAL) parts.push(`"${p.slice(i, i + MAX_LITERAL).replace(/"/g, '""')}"`);
    } else {
      value += String(p.value);
      parts.push(p.cell);
    }
  }
  return { formula: parts.length > 0 ? parts.join('&') : '""', value };
}

/** Row (1-based) of the plan whose column `col` (0-based) holds `value`, from row `from` on. */
function rowOf(plan: SheetPlan, col: number, value: string, from = 1): number | null {
  for (let r = from - 1; r < plan.rows.length; r++) if (plan.rows[r]?.[col]?.value === value) return r + 1;
  return null;
}

/** Names joined as a list in the language (`A、B` / `A, B`). */
function list(items: readonly Piece[][], lang: Lang, enSep = ', '): Piece[] {
  const sep = lang === 'zh-CN' ? LIST_SEPARATOR[lang] : enSep;
  return items.flatMap((it, i) => (i === 0 ? it : [sep, ...it]));
}

/**
 * The draft sheet, from the tally and county plans written with it (their cells are the sources). Null when the
 * tally was not recomputed.
 */
export function incentiveDraftPlan(audit: Audit, lang: Lang, tally: SheetPlan | null, counties: SheetPlan | null, previous?: PreviousRound): SheetPlan | null {
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);
  const r = audit.recomputed.incentive;
  if (!r || !tally) return null;
  const totalRow = rowOf(tally, 0, tr('plan.total'));
  if (totalRow === null) return null;

  const rows = new PlanRows();
  rows.push([text(tr('plan.incentiveDraft.title'), 'title')]);
  rows.push([text(tr('plan.incentiveDraft.note'), 'subtitle')]);
  rows.push();
  const paragraphRow = rows.reserve();
  rows.push();
  rows.push([text(tr('plan.incentiveDraft.figures'), 'section')]);
  rows.push((['plan.col.seq', 'plan.col.figure', 'plan.col.value', 'plan.col.sourceCell'] as const).map((k) => text(tr(k), 'header')));

  let seq = 0;
  /** A figure row: its formula over the source cell, a link beside it; returns the piece naming its cell. */
  const figure = (label: string, sheet: SheetPlan, f: string, cells: readonly string[], value: string | number): Piece => {
    seq += 1;
    const row = rows.push([num(seq, 'center'), text(label), { value, formula: f, style: typeof value === 'number' ? 'number' : 'text' }, link(`${sheet.name}!${listOf(cells.map((c) => c.replace(/\$/g, '')), lang)}`, sheet.name, (cells[0] as string).replace(/\$/g, ''))]);
    return { cell: `$C$${row}`, value };
  };
  // Absolute: a figure names one fixed cell of another sheet.
  const tallyCell = (col: number, row: number) => `$${columnLetter(col)}$${row}`;
  const fromTally = (label: string, col: number, row: number, value: string | number): Piece => figure(label, tally, sheetRef(tally.name, tallyCell(col, row)), [tallyCell(col, row)], value);

  // Totals per rating (附件1's 合计 row of 汇总-研判统计).
  const tt = r.tallyTotal;
  const total = fromTally(tr('plan.incentiveDraft.total'), 1, totalRow, tt.total);
  const ratingKeys = ['veryLikely', 'likely', 'hard', 'unlikely'] as const;
  const ratings = ratingKeys.map((k, i) => fromTally(tr(`chart.rating.${k}`), 2 + i, totalRow, tt[k]));

  // The units with the most 很有可能 items, and with the most rated 有可能 or better.
  const unitRow = (unit: string) => rowOf(tally, 0, unit, totalRow + 1);
  const maxVery = Math.max(0, ...r.tally.map((u) => u.veryLikely));
  const topVery = r.tally.filter((u) => maxVery > 0 && u.veryLikely === maxVery && unitRow(u.unit) !== null);
  const veryPieces = topVery.map((u) => [fromTally(tr('plan.incentiveDraft.topVeryUnit'), 0, unitRow(u.unit) as number, u.unit)]);
  const veryCount = topVery[0] ? fromTally(tr('plan.incentiveDraft.topVeryCount'), 2, unitRow(topVery[0].unit) as number, maxVery) : null;
  const likelyOf = (u: (typeof r.tally)[number]) => u.veryLikely + u.likely;
  const maxLikely = Math.max(0, ...r.tally.map(likelyOf));
  const topLikely = r.tally.filter((u) => maxLikely > 0 && likelyOf(u) === maxLikely && unitRow(u.unit) !== null);
  const likelyPieces = topLikely.map((u) => [fromTally(tr('plan.incentiveDraft.topLikelyUnit'), 0, unitRow(u.unit) as number, u.unit)]);
  const firstLikelyRow = topLikely[0] ? (unitRow(topLikely[0].unit) as number) : null;
  const likelyCount =
    firstLikelyRow !== null
      ? figure(tr('plan.incentiveDraft.topLikelyCount'), tally, `${sheetRef(tally.name, tallyCell(2, firstLikelyRow))}+${sheetRef(tally.name, tallyCell(3, firstLikelyRow))}`, [tallyCell(2, firstLikelyRow), tallyCell(3, firstLikelyRow)], maxLikely)
      : null;

  // Counties (汇总-县市区事项): those with the most items rated 有可能 or better (the top three counts), and 州本级.
  const countyPieces: Piece[][] = [];
  let levelPiece: Piece[] | null = null;
  if (counties) {
    const isLevel = (c: string) => /本级$/.test(c);
    const ranked = r.counties.filter((c) => !isLevel(c.county) && c.count > 0).sort((a, b) => b.count - a.count);
    const third = ranked[Math.min(2, ranked.length - 1)]?.count ?? 0;
    for (const c of ranked.filter((x) => x.count >= third)) {
      const row = rowOf(counties, 0, c.county, 4);
      if (row === null) continue;
      const name = figure(tr('plan.incentiveDraft.county'), counties, sheetRef(counties.name, `$A$${row}`), [`$A$${row}`], c.county);
      const count = figure(tr('plan.incentiveDraft.countyCount', { county: c.county }), counties, sheetRef(counties.name, `$B$${row}`), [`$B$${row}`], c.count);
      countyPieces.push(lang === 'zh-CN' ? [name, '（', count, '项）'] : [name, ' (', count, ')']);
    }
    const level = r.counties.find((c) => isLevel(c.county));
    const levelRow = level ? rowOf(counties, 0, level.county, 4) : null;
    if (level && levelRow !== null) {
      const name = figure(tr('plan.incentiveDraft.county'), counties, sheetRef(counties.name, `$A$${levelRow}`), [`$A$${levelRow}`], level.county);
      const count = figure(tr('plan.incentiveDraft.countyCount', { county: level.county }), counties, sheetRef(counties.name, `$B$${levelRow}`), [`$B$${levelRow}`], level.count);
      levelPiece = lang === 'zh-CN' ? [name, '有', count, '项'] : [name, ' has ', count];
    }
  }

  // Items whose best rating is below 有可能: no unit is likely to win them (the helper table of 汇总-研判统计).
  const hopeless = r.itemRatings.map((it, i) => ({ it, row: totalRow + i })).filter(({ it }) => it.rating === '难度较大' || it.rating === '不太可能');
  const hopelessCount = figure(
    tr('plan.incentiveDraft.noLikelyCount'),
    tally,
    `${sheetRef(tally.name, tallyCell(4, totalRow))}+${sheetRef(tally.name, tallyCell(5, totalRow))}`,
    [tallyCell(4, totalRow), tallyCell(5, totalRow)],
    tt.hard + tt.unlikely,
  );
  const hopelessPieces = hopeless.map(({ it, row }) => {
    const value = lang === 'zh-CN' ? `${it.item}（${it.unit}）` : `${it.item} (${it.unit})`;
    const [open, close] = lang === 'zh-CN' ? ['（', '）'] : [' (', ')'];
    return [figure(tr('plan.incentiveDraft.noLikelyItem'), tally, `${sheetRef(tally.name, tallyCell(9, row))}&"${open}"&${sheetRef(tally.name, tallyCell(7, row))}&"${close}"`, [tallyCell(9, row), tallyCell(7, row)], value)];
  });

  const [vl, l, h, u] = ratings as [Piece, Piece, Piece, Piece];
  // One unit leading both counts is named once.
  const sameUnits = topVery.length > 0 && topVery.map((x) => x.unit).join() === topLikely.map((x) => x.unit).join();
  const pieces: Piece[] =
    lang === 'zh-CN'
      ? [
          '本轮研判的激励事项共', total, '项。经逐项研判，很有可能获得激励的', vl, '项，有可能的', l, '项，难度较大的', h, '项，不太可能的', u, '项。',
          ...(veryCount ? ['从牵头单位看，', ...list(veryPieces, lang), '很有可能获得激励的事项最多（', veryCount, '项）'] : []),
          ...(likelyCount ? (sameUnits ? ['，有可能及以上的事项也最多（', likelyCount, '项）'] : [veryCount ? '；' : '从牵头单位看，', ...list(likelyPieces, lang), '有可能及以上的事项最多（', likelyCount, '项）']) : []),
          ...(veryCount || likelyCount ? ['。'] : []),
          ...(countyPieces.length > 0 ? ['从县市区看，有可能及以上的重点事项较多的是', ...list(countyPieces, lang)] : []),
          ...(levelPiece ? [countyPieces.length > 0 ? '；' : '从县市区看，', ...levelPiece] : []),
          ...(countyPieces.length > 0 || levelPiece ? ['。'] : []),
          ...(hopeless.length > 0 ? ['研判为难度较大或不太可能、暂无单位有可能争取到的事项有', hopelessCount, '项：', ...list(hopelessPieces, lang), '，需重点攻坚。'] : ['各事项均有单位研判为有可能及以上。']),
        ]
      : [
          'Of the ', total, ' incentive items appraised this round, ', vl, ' are very likely to be awarded, ', l, ' likely, ', h, ' difficult and ', u, ' unlikely. ',
          ...(veryCount ? ['Among lead units, ', ...list(veryPieces, lang), ' has the most very likely items (', veryCount, ')'] : []),
          ...(likelyCount ? (sameUnits ? [' and the most rated likely or better (', likelyCount, ')'] : [veryCount ? '; ' : 'Among lead units, ', ...list(likelyPieces, lang), ' has the most rated likely or better (', likelyCount, ')']) : []),
          ...(veryCount || likelyCount ? ['. '] : []),
          ...(countyPieces.length > 0 ? ['Among counties, the most key items rated likely or better are in ', ...list(countyPieces, lang)] : []),
          ...(levelPiece ? [countyPieces.length > 0 ? '; ' : 'Among counties, ', ...levelPiece, ' at the prefecture level'] : []),
          ...(countyPieces.length > 0 || levelPiece ? ['. '] : []),
          ...(hopeless.length > 0 ? [hopelessCount, ' items are rated difficult or unlikely, with no unit likely to win them: ', ...list(hopelessPieces, lang, '; '), '; they need particular effort.'] : ['Every item has a unit rated likely or better.']),
        ];
  if (previous) pieces.push(...previousRound(previous, r.itemRatings, lang, ratings, (label, value, source) => {
    seq += 1;
    rows.push([num(seq, 'center'), text(label), typeof value === 'number' ? num(value) : text(value), text(source)]);
    return value;
  }));
  const paragraph = joinFormula(pieces);
  const cell: PlanCell = { value: paragraph.value, formula: paragraph.formula, style: 'text' };
  rows.fill(paragraphRow, [cell, blank(), blank(), blank()]);
  return basePlan('incentiveDraft', tr('plan.sheet.draft'), rows.rows, {
    widths: [6, 34, 52, 28],
    headerRow: 2,
    merges: ['A1:D1', 'A2:D2', `A${paragraphRow}:D${paragraphRow}`],
  });
}
