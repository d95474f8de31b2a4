/**
 * What the spreadsheet hosts (Office.js in src/excel, the WPS object model in src/wps) share: one cell as the
 * host reports it → the grid's cell, and one plan cell → what to send to the host (text that the host would
 * parse is guarded). Pure: no host object is touched here. Extracted from src/excel (read.ts, write.ts), which
 * re-export these names unchanged.
 */
import { fitCellText, type CellValue, type PlanCell } from '../core';

import type { Rect } from './address';

export type { Rect } from './address';

/** Error values as the host reports them in a value (text). */
export const ERROR_TEXT = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|TIMEOUT!)$/;

export interface Cell {
  readonly value: CellValue;
  readonly formula: string | null;
  readonly numberFormat: string | null;
}

/** One cell as the host reports it (value, formula with `=`, number format) → the grid's cell. */
export function toGridCell(value: unknown, formula: unknown, numberFormat: unknown): Cell {
  const isFormula = typeof formula === 'string' && formula.length > 1 && formula.startsWith('=') && !(typeof value === 'string' && value === formula);
  let v: CellValue = null;
  if (typeof value === 'number' || typeof value === 'boolean') v = value;
  else if (typeof value === 'string') {
    if (value === '') v = isFormula ? '' : null;
    else v = ERROR_TEXT.test(value) ? { error: value } : value;
  }
  const empty = v === null && !isFormula;
  const nf = !empty && typeof numberFormat === 'string' && numberFormat !== '' && numberFormat !== 'General' ? numberFormat : null;
  return { value: v, formula: isFormula ? (formula as string).slice(1) : null, numberFormat: nf };
}

export type Input = string | number | boolean;

/**
 * Text Excel could turn into something else when written: a formula (`= + - @`), an error literal (`#`), a
 * number, percentage, fraction, time or date (these start with a digit, a sign, a currency sign, `.` or `(`,
 * or are ASCII with a digit, such as `Mar 5`), or a boolean. Other text (`附件3`, `第1项`) is sent as it is.
 */
export function needsTextGuard(s: string): boolean {
  return (
    /^\s*[=+\-@'#]/.test(s) ||
    /^\s*[\d.(¥$€£]/.test(s) ||
    /^\s*(true|false)\s*$/i.test(s) ||
    // eslint-disable-next-line no-control-regex
    (/\d/.test(s) && /^[\x00-\x7f]*$/.test(s))
  );
}

/**
 * The value to send for one plan cell. Only our own formula becomes a formula; text that Excel would parse
 * (`=…`, `+…`, `-…`, `@…`, numbers, dates, booleans, error literals) is sent with a leading `'`, which Excel
 * stores as a text prefix, not as part of the value. Text longer than a cell holds is cut with a visible mark.
 */
export function cellInput(pc: PlanCell | undefined): Input {
  if (!pc) return '';
  if (pc.formula !== undefined) return `=${pc.formula}`;
  const v = pc.value;
  if (v === null) return '';
  if (typeof v === 'string') {
    // Excel's cell limit counts the text, not the `'` prefix.
    const text = fitCellText(v);
    return needsTextGuard(text) ? `'${text}` : text;
  }
  return v;
}

export interface StyledRect extends Rect {
  readonly key: string;
}

/** Rectangles of equal style over rows [start, start + count): runs per row, joined downwards. */
export function styleRects(rows: readonly (readonly PlanCell[])[], start: number, count: number): StyledRect[] {
  type Open = { top: number; bottom: number; left: number; right: number; key: string };
  let open = new Map<string, Open>();
  const out: StyledRect[] = [];
  for (let r = start; r < start + count; r++) {
    const row = rows[r] ?? [];
    const next = new Map<string, Open>();
    for (let c = 0; c < row.length; ) {
      const key = row[c]?.style;
      if (!key) {
        c++;
        continue;
      }
      let e = c;
      while (row[e + 1]?.style === key) e++;
      const k = `${c}:${e}:${key}`;
      const cur = open.get(k);
      if (cur && cur.bottom === r - 1) {
        cur.bottom = r;
        next.set(k, cur);
      } else next.set(k, { top: r, bottom: r, left: c, right: e, key });
      c = e + 1;
    }
    for (const [k, rect] of open) if (next.get(k) !== rect) out.push(rect);
    open = next;
  }
  out.push(...open.values());
  return out;
}
