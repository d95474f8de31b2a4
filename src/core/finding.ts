import { parseA1 } from './grid';
import { FINDINGS, type FindingCode, type FindingParams, type Lang, type LocalizedParam, type Params, type Severity, renderFinding } from './i18n/findings';

export interface CellLocation {
  readonly sheet: string;
  /** A1 address of the cell (the top-left cell of a merged area). */
  readonly cell: string;
}

/** One finding: plain data, never an exception. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  /** zh-CN by default; re-render in another language with `localizeFinding`. */
  readonly message: string;
  readonly expected?: string | number;
  readonly actual?: string | number;
  readonly related?: readonly CellLocation[];
  /** The values the message was built from, so it can be rendered in another language. */
  readonly params: Params;
}

export interface FindingExtras {
  readonly expected?: string | number;
  /** A localized value (a list, say) is rendered per language in the message and in `actual`. */
  readonly actual?: string | number | LocalizedParam;
  readonly related?: readonly CellLocation[];
}

/** A finding of `code`, its parameters checked against the code's message templates. */
export function makeFinding<C extends FindingCode>(code: C, at: CellLocation, ...[params, extras]: ParamsArg<C>): Finding {
  return buildFinding(code, at, (params ?? {}) as Params, extras ?? {});
}

function buildFinding(code: FindingCode, at: CellLocation, params: Params, extras: FindingExtras): Finding {
  const merged: Params = {
    sheet: at.sheet,
    ...(extras.expected !== undefined ? { expected: extras.expected } : {}),
    ...(extras.actual !== undefined ? { actual: extras.actual } : {}),
    ...params,
  };
  return {
    code,
    severity: FINDINGS[code].severity,
    sheet: at.sheet,
    cell: at.cell,
    message: renderFinding(code, merged),
    ...(extras.expected !== undefined ? { expected: extras.expected } : {}),
    ...(extras.actual !== undefined ? { actual: typeof extras.actual === 'object' ? extras.actual['zh-CN'] : extras.actual } : {}),
    ...(extras.related && extras.related.length > 0 ? { related: extras.related } : {}),
    params: merged,
  };
}

export function localizeFinding(f: Finding, lang: Lang): Finding {
  if (lang === 'zh-CN') return f;
  const actual = f.params['actual'];
  return { ...f, message: renderFinding(f.code, f.params, lang), ...(typeof actual === 'object' && f.actual !== undefined ? { actual: actual[lang] } : {}) };
}

/** A code's parameter list: optional when its messages have no placeholder of their own. */
export type ParamsArg<C extends FindingCode> = keyof FindingParams[C] extends never
  ? [params?: FindingParams[C], extras?: FindingExtras]
  : [params: FindingParams[C], extras?: FindingExtras];

/** Collects findings for one audit; rules only ever add. */
export class FindingSink {
  private readonly items: Finding[] = [];

  add<C extends FindingCode>(code: C, at: CellLocation, ...[params, extras]: ParamsArg<C>): void {
    this.items.push(buildFinding(code, at, (params ?? {}) as Params, extras ?? {}));
  }

  /** A finding built elsewhere (the generic checks build theirs apart, then keep those no rule already made). */
  addFinding(f: Finding): void {
    this.items.push(f);
  }

  list(): readonly Finding[] {
    return this.items;
  }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Deterministic order: by sheet (in workbook order), then row, column, then code.
 * Severity is a filter in the views, not the sort key, so a sheet reads top to bottom.
 */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetRank = new Map(sheetOrder.map((s, i) => [s, i] as const));
  const pos = (f: Finding): [number, number] => {
    const p = parseA1(f.cell);
    return p ? [p.row, p.col] : [-1, -1];
  };
  return [...findings].sort((a, b) => {
    const sa = sheetRank.get(a.sheet) ?? Number.MAX_SAFE_INTEGER;
    const sb = sheetRank.get(b.sheet) ?? Number.MAX_SAFE_INTEGER;
    if (sa !== sb) return sa - sb;
    const [ra, ca] = pos(a);
    const [rb, cb] = pos(b);
    if (ra !== rb) return ra - rb;
    if (ca !== cb) return ca - cb;
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    if (SEVERITY_RANK[a.severity] !== SEVERITY_RANK[b.severity]) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
