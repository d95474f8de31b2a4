/** How each sheet was read, per sheet, in the user's language (issue 18, item 8: the pane shows it under each sheet's findings). */
import { type Audit, type Lang, explainAudit, renderExplanation } from '../../core';

export function explainedBySheet(audit: Pick<Audit, 'tables' | 'records'>, lang: Lang): Record<string, string[]> {
  const e = explainAudit(audit);
  const out: Record<string, string[]> = {};
  for (const table of e.tables) {
    const lines = renderExplanation({ tables: [table], units: [] }, lang);
    out[table.sheet] = [...(out[table.sheet] ?? []), ...lines];
  }
  for (const u of e.units) {
    const lines = renderExplanation({ tables: [], units: [u] }, lang).slice(1);
    out[u.sheet] = [...(out[u.sheet] ?? []), ...lines];
  }
  return out;
}
