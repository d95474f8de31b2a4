/** The summary sheet of profile B that spans its kinds: 通报草稿. */
import type { Audit } from '../../auditTypes';
import type { Lang } from '../../i18n/spec';
import { t as tr } from '../../i18n/ui';
import { basePlan, blank,   text } from '../../plans/common';
import type { PlanCell, SheetPlan } from '../../plans/types';


export function draftPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const h = audit.recomputed.keywork?.headline;
  if (!h) return null;
  const rows: PlanCell[][] = [
    [text(tr('plan.draft.title', lang), 'title')],
    [text(tr('plan.draft.note', lang), 'subtitle')],
    [blank()],
    [text(h[lang] ?? h['zh-CN'], 'text')],
  ];
  return basePlan('draft', tr('plan.sheet.draft', lang), rows, { widths: [110], headerRow: 2, merges: [] });
}
