import { parseA1 } from './grid';
import { FINDINGS, type FindingCode, type FindingParams, type Lang, type ParamValue, type Params, type Severity, renderFinding } from './i18n/findings';
import { renderParam } from './i18n/template';

export interface CellLocation {
  readonly sheet: string;
  /** A1 address of the cell (the top-left cell of a merged area). */
  readonly cell: string;
}

/**
 * One finding: plain data, never an exception, and never a rendered text. Its message is rendered at the edge,
 * in the reader's language, from its code and parameters (`messageOf`); it survives `structuredClone` and JSON.
 */
export interface FindingOf<C extends FindingCode> {
  readonly code: C;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  readonly expected?: string | number;
  /** A list or a text per language is kept in `params.actual` and read in zh-CN here; `actualOf` reads it per language. */
  readonly actual?: string | number;
  readonly related?: readonly CellLocation[];
  /** The values the message is rendered from: the code's typed parameters, plus `sheet`, `expected` and `actual`. */
  readonly params: FindingParams[C] & ImplicitParams;
}

/** Filled from the finding's location and extras, in every finding's parameters. */
export type ImplicitParams = {
  readonly sheet: string;
  readonly expected?: string | number;
  readonly actual?: ParamValue;
};

/** Any finding; narrowed by its `code`, its `params` are that code's (`if (f.code === 'settings/invalid') f.params.field`). */
export type Finding = { readonly [C in FindingCode]: FindingOf<C> }[FindingCode];

export interface FindingExtras {
  readonly expected?: string | number;
  /** A list or a localized value is rendered per language in the message and in `actual`. */
  readonly actual?: ParamValue;
  readonly related?: readonly CellLocation[];
}

/** A finding of `code`, its parameters checked against the code's message templates. */
export function makeFinding<C extends FindingCode>(code: C, at: CellLocation, ...[params, extras]: ParamsArg<C>): FindingOf<C> {
  return buildFinding(code, at, (params ?? {}) as Params, extras ?? {}) as FindingOf<C>;
}

function buildFinding(code: FindingCode, at: CellLocation, params: Params, extras: FindingExtras): Finding {
  // The same objects, keys in the same order, as spreading the optional extras in would make (without an object per extra).
  const { expected, actual, related } = extras;
  const merged: Params =
    expected === undefined
      ? actual === undefined
        ? { sheet: at.sheet, ...params }
        : { sheet: at.sheet, actual, ...params }
      : actual === undefined
        ? { sheet: at.sheet, expected, ...params }
        : { sheet: at.sheet, expected, actual, ...params };
  const f: Record<string, unknown> = { code, severity: FINDINGS[code].severity, sheet: at.sheet, cell: at.cell };
  if (expected !== undefined) f['expected'] = expected;
  if (actual !== undefined) f['actual'] = typeof actual === 'object' ? renderParam(actual, 'zh-CN') : actual;
  if (related && related.length > 0) f['related'] = related;
  f['params'] = merged;
  return f as unknown as Finding; // the parameters were checked against the code by `makeFinding` / `FindingSink.add`
}

/** The finding's message in `lang`, rendered from its code's template and its parameters. */
export function messageOf(f: Pick<Finding, 'code' | 'params'>, lang: Lang = 'zh-CN'): string {
  return renderFinding(f.code, f.params as Params, lang);
}

/** The finding's found value in `lang` (a list is joined in that language). */
export function actualOf(f: Pick<Finding, 'actual' | 'params'>, lang: Lang = 'zh-CN'): string | number | undefined {
  if (f.actual === undefined) return undefined;
  const p = f.params['actual'];
  return p !== undefined && typeof p === 'object' ? renderParam(p, lang) : f.actual;
}

/** A finding as a reader gets it (CLI JSON, reports): its data in `lang`, with the message, without the parameters. */
export interface RenderedFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
  readonly expected?: string | number;
  readonly actual?: string | number;
  readonly related?: readonly CellLocation[];
}

export function renderedFinding(f: Finding, lang: Lang = 'zh-CN'): RenderedFinding {
  const actual = actualOf(f, lang);
  return {
    code: f.code,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: messageOf(f, lang),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
    ...(f.related ? { related: f.related } : {}),
  };
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
  // Each finding's sheet rank and cell parsed once, not in every comparison.
  const keyed = findings.map((f) => {
    const p = parseA1(f.cell);
    return { f, sheet: sheetRank.get(f.sheet) ?? Number.MAX_SAFE_INTEGER, row: p ? p.row : -1, col: p ? p.col : -1, message: undefined as string | undefined };
  });
  keyed.sort((x, y) => {
    if (x.sheet !== y.sheet) return x.sheet - y.sheet;
    if (x.row !== y.row) return x.row - y.row;
    if (x.col !== y.col) return x.col - y.col;
    const a = x.f;
    const b = y.f;
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    if (SEVERITY_RANK[a.severity] !== SEVERITY_RANK[b.severity]) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    // Rare: two findings of one code on one cell. Their messages decide, rendered only here (once per finding).
    const ma = (x.message ??= messageOf(a));
    const mb = (y.message ??= messageOf(b));
    return ma < mb ? -1 : ma > mb ? 1 : 0;
  });
  return keyed.map((k) => k.f);
}

export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
