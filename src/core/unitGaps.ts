/**
 * 指定单位 (issue 18, item 4): where two annexes name their units two ways and the engine said so once
 * (`cross/units-unmatched`), the names it could not match and the names they may be — so the pane can offer
 * linking each in one click. A link is saved in the settings' unit aliases (written name → the other
 * annex's unit), like 指定列, and the workbook is checked again.
 */
import type { Finding } from './finding';
import type { RecordsByKind } from './annexes/records';

export interface UnitGap {
  /** Where the finding is (the pane shows the links under it). */
  readonly sheet: string;
  readonly cell: string;
  /** The annex whose names were not found, and the annex they were looked for in. */
  readonly source: string;
  readonly target: string;
  /** Names as written in `source` that have no unit in `target`. */
  readonly unmatched: readonly string[];
  /** Units of `target` that no name of `source` matched: what each may be (name as written, and its key). */
  readonly candidates: readonly { readonly name: string; readonly key: string }[];
}

interface Named {
  readonly unit: string;
  readonly unitKey: string;
}

function gap(sheet: string, cell: string, source: string, target: string, from: readonly Named[], to: readonly Named[]): UnitGap | null {
  const toKeys = new Set(to.map((u) => u.unitKey));
  const fromKeys = new Set(from.map((u) => u.unitKey));
  const unmatched = [...new Set(from.filter((u) => !toKeys.has(u.unitKey) && u.unit.trim() !== '').map((u) => u.unit.replace(/\s+/g, '')))];
  const seen = new Set<string>();
  const candidates: { name: string; key: string }[] = [];
  for (const u of to) {
    if (fromKeys.has(u.unitKey) || seen.has(u.unitKey) || u.unit.trim() === '') continue;
    seen.add(u.unitKey);
    candidates.push({ name: u.unit.replace(/\s+/g, ''), key: u.unitKey });
  }
  return unmatched.length > 0 && candidates.length > 0 ? { sheet, cell, source, target, unmatched, candidates } : null;
}

/** The unit gaps behind each `cross/units-unmatched` finding of profile A. */
export function unitGapsOf(findings: readonly Finding[], records: RecordsByKind): UnitGap[] {
  const out: UnitGap[] = [];
  for (const f of findings) {
    if (f.code !== 'cross/units-unmatched') continue;
    const tally = records['rating-tally'];
    const analysis = records['incentive-analysis'];
    const progress = records['progress-report'];
    let g: UnitGap | null = null;
    if (tally && analysis && f.sheet === tally.sheet) g = gap(f.sheet, f.cell, analysis.sheet, tally.sheet, analysis.items, tally.rows);
    else if (analysis && progress && f.sheet === progress.sheet) g = gap(f.sheet, f.cell, progress.sheet, analysis.sheet, progress.items, analysis.items);
    if (g) out.push(g);
  }
  return out;
}
