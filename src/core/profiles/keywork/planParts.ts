/** What the summary sheets of profile B share: the class rows (完成 / 正常推进 / 滞后) and the unit-list test. */
import { PROGRESS_VOCAB, vocabEntry } from '../../vocab';
import type { Lang } from '../../i18n/spec';
import { t as tr } from '../../i18n/ui';
import type { ClassTally } from './recompute';
import {  countEqual, formula,  num, PERCENT, PlanRows, text } from '../../plans/common';

/** The target annex's column words for the classes (from the vocabulary), and the rows with no clear mark. */
export const CLASS_LABEL = {
  done: vocabEntry(PROGRESS_VOCAB, 'done').zh,
  onSchedule: vocabEntry(PROGRESS_VOCAB, 'onSchedule').zh,
  lagging: vocabEntry(PROGRESS_VOCAB, 'lagging').zh,
} as const;

export type ClassKey = 'done' | 'onSchedule' | 'lagging' | 'unmarked';

export function classLabel(k: ClassKey, lang: Lang): string {
  return k === 'unmarked' ? tr('plan.unmarked', lang) : CLASS_LABEL[k];
}

/** The class rows and their 合计; each count is a formula over `classRange` (the helper's class words). */
export function classRows(rows: PlanRows, t: ClassTally, classRange: string, lang: Lang): { first: number; last: number } {
  const keys = (['done', 'onSchedule', 'lagging', 'unmarked'] as const).filter((k) => k !== 'unmarked' || t.counts.unmarked > 0);
  const totalRow = rows.next + keys.length;
  const block = rows.block(keys, (k, row) => [
    text(classLabel(k, lang), 'center'),
    formula(countEqual([[classRange, `$A${row}`]]), t.counts[k]),
    formula(`IF($B$${totalRow}>0,B${row}/$B$${totalRow},"")`, t.counts.total > 0 ? t.counts[k] / t.counts.total : '', 'number', PERCENT),
    { ...num(Number((t.shares[k] / 100).toFixed(4)), 'number'), numberFormat: PERCENT },
  ]);
  rows.push([
    text(tr('plan.total', lang), 'total'),
    formula(`SUM(B${block.first}:B${block.last})`, t.counts.total, 'totalNumber'),
    formula(`SUM(C${block.first}:C${block.last})`, t.counts.total > 0 ? 1 : 0, 'totalNumber', PERCENT),
    { ...num(Number((keys.reduce((a, k) => a + t.shares[k], 0) / 100).toFixed(4)), 'totalNumber'), numberFormat: PERCENT },
  ]);
  return block;
}

/** True when a newline-separated list of units in `listRange` names exactly the unit in `unitCell`. */
export function namesUnit(listRange: string, unitCell: string): string {
  return `--ISNUMBER(FIND(CHAR(10)&${unitCell}&CHAR(10),CHAR(10)&${listRange}&CHAR(10)))`;
}

