/** The highlight plan: the cells of findings, grouped by sheet and severity (the worst severity wins per cell). */
import type { Audit } from '../auditTypes';
import type { Severity } from '../i18n/spec';
import type { HighlightPlan } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function highlightPlan(audit: Audit, sheetNames: readonly string[]): HighlightPlan {
  const worst = new Map<string, Map<string, Severity>>();
  for (const f of audit.findings) {
    if (!sheetNames.includes(f.sheet) || f.cell === '') continue;
    const perSheet = worst.get(f.sheet) ?? new Map<string, Severity>();
    const prev = perSheet.get(f.cell);
    if (!prev || RANK[f.severity] < RANK[prev]) perSheet.set(f.cell, f.severity);
    worst.set(f.sheet, perSheet);
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
