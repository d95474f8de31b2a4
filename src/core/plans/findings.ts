/** 校验结果: every finding as a row, errors first, the cell as a link that jumps to it, as an Excel table with filters. */
import type { Audit } from '../auditTypes';
import { actualOf, messageOf } from '../finding';
import type { Lang, Severity } from '../i18n/spec';
import { t } from '../i18n/ui';
import { basePlan, link, text } from './common';
import type { PlanCell, SheetPlan } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function findingsPlan(audit: Audit, lang: Lang): SheetPlan {
  const findings = [...audit.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const c = audit.counts;
  const rows: PlanCell[][] = [
    [text(t('plan.findings.title', lang, c), 'title')],
    (['col.severity', 'plan.col.sheet', 'plan.col.cell', 'plan.col.message', 'plan.col.expected', 'plan.col.actual', 'plan.col.code'] as const).map((k) => text(t(k, lang), 'header')),
  ];
  for (const f of findings) {
    rows.push([
      text(t(`severity.${f.severity}`, lang), f.severity),
      text(f.sheet, 'center'),
      link(f.cell, f.sheet, f.cell),
      text(messageOf(f, lang)),
      text(f.expected === undefined ? '' : String(f.expected)),
      text(String(actualOf(f, lang) ?? '')),
      text(f.code),
    ]);
  }
  if (findings.length === 0) rows.push([text(''), text(''), text(''), text(t('report.clean', lang)), text(''), text(''), text('')]);
  const last = rows.length;
  return basePlan('findings', t('plan.sheet.findings', lang), rows, {
    widths: [8, 12, 9, 70, 14, 14, 26],
    headerRow: 2,
    merges: ['A1:G1'],
    table: { name: 'AnnexAuditFindings', range: `A2:G${last}` },
  });
}
