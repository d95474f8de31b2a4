/**
 * The template marker: every template workbook carries `id@version` (e.g. `rating-tally@1`,
 * `all-incentive@1`) in a very hidden sheet named `AnnexAuditTemplate` (cell A1), pointed at by the
 * workbook-level defined name `AnnexAuditTemplate`. The adapter reads the text; this module turns it
 * into findings: an old, newer or unknown template, or a template whose annexes are not the ones found.
 */
import { type Audit, auditWorkbook, type SheetInfo } from '../audit';
import { countBySeverity, type Finding, makeFinding, sortFindings } from '../finding';
import type { Grid } from '../grid';
import { KIND_LABEL, KIND_PROFILE } from '../kinds';
import type { AnnexKind } from '../table';
import { parseMarker, templateLabel } from './templateKinds';
import { listParam } from '../i18n/lists';

/** Name of the very hidden marker sheet and of the defined name pointing at its A1. */
export const TEMPLATE_MARKER_NAME = 'AnnexAuditTemplate';

/**
 * The current template layout version. Raise it whenever a template's header, columns or rules change;
 * the checker then reports submissions made on an earlier version.
 */
export const TEMPLATE_VERSION = 1;

export function formatMarker(id: string, version: number): string {
  return `${id}@${version}`;
}

// Reading a marker lives beside the template kinds (no engine): the pane's first paint shows 模板 texts with it.
export { parseMarker, type ParsedMarker } from './templateKinds';

/**
 * Findings about the template a submission was made on. `marker` is the text the adapter read (null:
 * no marker, i.e. not made from a template: nothing to say). `sheets` are the audit's sheets.
 */
export function templateFindings(marker: string | null, sheets: readonly SheetInfo[], current: number = TEMPLATE_VERSION): Finding[] {
  if (marker === null) return [];
  const found = sheets.filter((s): s is SheetInfo & { kind: AnnexKind } => s.kind !== null);
  const parsed = parseMarker(marker);
  const anchorName = (kinds: readonly AnnexKind[]) => found.find((s) => kinds.includes(s.kind))?.name ?? found[0]?.name ?? sheets[0]?.name ?? '';
  if (!parsed.ok) {
    return [makeFinding('template/unknown', { sheet: anchorName([]), cell: 'A1' }, {}, { actual: marker.slice(0, 60) })];
  }
  const at = { sheet: anchorName(parsed.kinds), cell: 'A1' };
  const names = { template: { 'zh-CN': templateLabel(parsed.id, 'zh-CN'), 'en-US': templateLabel(parsed.id, 'en-US') } };
  const out: Finding[] = [];
  // Foreign: none of the template's annexes is there, or an annex of the other profile is.
  const profiles = new Set(parsed.kinds.map((k) => KIND_PROFILE[k]));
  const foundKinds = [...new Set(found.map((s) => s.kind))];
  const matches = foundKinds.some((k) => (parsed.kinds as readonly AnnexKind[]).includes(k));
  const otherProfile = foundKinds.some((k) => !profiles.has(KIND_PROFILE[k]));
  if (!matches || otherProfile) {
    const none = { 'zh-CN': '（无）', 'en-US': '(none)' };
    out.push(
      makeFinding('template/foreign', at, {
        ...names,
        found: foundKinds.length > 0 ? listParam(foundKinds.map((k) => KIND_LABEL[k])) : none,
      }, { expected: parsed.id, actual: foundKinds.join('+') || '-' }),
    );
  }
  if (parsed.version < current) {
    out.push(makeFinding('template/old-version', at, names, { expected: current, actual: parsed.version }));
  } else if (parsed.version > current) {
    out.push(makeFinding('template/newer-version', at, names, { expected: current, actual: parsed.version }));
  }
  return out;
}

/** The template marker as the grids carry it: A1 of the (very hidden) marker sheet; null without one. */
export function markerFromGrids(grids: readonly Grid[]): string | null {
  const sheet = grids.find((g) => g.name === TEMPLATE_MARKER_NAME);
  const v = sheet?.values[0]?.[0];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/**
 * THE audit of a workbook as every surface reports it (CLI check, summarize, diff, merge; the pane in
 * both modes; the ribbon): the template's marker sheet is not audited, and the template findings (old
 * or foreign template) join the others in the audit's order. `marker` is the template marker when the
 * reader found it elsewhere than in the grids (a defined name). The same file gives the same findings and
 * counts whichever button or command produced them.
 */
export function auditSubmission(grids: readonly Grid[], settingsInput?: unknown, marker: string | null = markerFromGrids(grids)): Audit {
  const content = grids.filter((g) => g.name !== TEMPLATE_MARKER_NAME);
  const audit = auditWorkbook(content, settingsInput);
  const extra = templateFindings(marker, audit.sheets);
  if (extra.length === 0) return audit;
  const findings = sortFindings([...audit.findings, ...extra], content.map((g) => g.name));
  return { ...audit, findings, counts: countBySeverity(findings) };
}
