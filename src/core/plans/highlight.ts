/** The highlight plan: the cells of findings, grouped by sheet and severity (the worst severity wins per cell). */
import type { Audit } from '../auditTypes';
import type { Severity } from '../i18n/spec';
import type { HighlightPlan } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function highlightPlan(audit: Audit, sheetNames: readonly string[]): HighlightPlan {
  const worst = new Map<string, Map<string, Severity>>();
  const mark = (sheet: string, cell: string, severity: Severity): void => {
    if (!sheetNames.includes(sheet) || cell === '') return;
    const perSheet = worst.get(sheet) ?? new Map<string, Severity>();
    const prev = perSheet.get(cell);
    if (!prev || RANK[severity] < RANK[prev]) perSheet.set(cell, severity);
    worst.set(sheet, perSheet);
  };
  for (const f of audit.findings) {
    mark(f.sheet, f.cell, f.severity);
    // One remark said once for many cells (cell/repeated) still marks each of them.
    if (f.code === 'cell/repeated') for (const r of f.related ?? []) mark(r.sheet, r.cell, f.severity);
  }
  const marks: { sheet: string; severity: Severity; cells: string[] }[] = [];
  for (const sheet of new Set(sheetNames)) {
    const perSheet = worst.get(sheet);
    if (!perSheet) continue;
    for (const severity of ['error', 'warning', 'info'] as const) {
      const cells = [...perSheet.entries()].filter(([, s]) => s === severity).map(([c]) => c);
      if (cells.length > 0) marks.push({ sheet, severity, cells });
    }
  }
  return { marks };
}
