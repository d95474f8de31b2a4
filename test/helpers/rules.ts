/**
 * Running one rule by itself on grids built in code, for the specs beside the rules (src/core/rules/<rule>.test.ts):
 * the grids are audited for their tables and records, then the runner runs only this rule, on a sink of its own,
 * so the findings are the rule's and nothing else's.
 */
import { type Audit, auditWorkbook, type Finding } from '../../src/core';
import { makeGuard } from '../../src/core/guard';
import { FindingSink } from '../../src/core/finding';
import type { Grid } from '../../src/core/grid';
import { runRules, type Rule } from '../../src/core/annexes/rules';

export interface RuleRun {
  /** Whether the runner called the rule (its annex present, its `needs` placed). */
  readonly ran: boolean;
  readonly findings: readonly Finding[];
  /** The whole audit of the grids (which sheets were read as which annex, the columns it could not place). */
  readonly audit: Audit;
}

export function runRule(rule: Rule, grids: readonly Grid[], settings: unknown = {}): RuleRun {
  const a = auditWorkbook(grids, settings);
  const sink = new FindingSink();
  let ran = false;
  const probe: Rule = { ...rule, run: (ctx) => { ran = true; rule.run(ctx); } };
  runRules({ sink, settings: a.settings, tables: a.tables, records: a.records }, makeGuard(sink), [probe]);
  return { ran, findings: sink.list(), audit: a };
}

/** `code sheet!cell` of each finding, in the order found: what a spec compares first. */
/** The kind each sheet was read as: a spec of what a rule needs first checks that its annex was there at all. */
export function kinds(a: Audit): Record<string, string | null> {
  return Object.fromEntries(a.sheets.map((s) => [s.name, s.kind]));
}

export function where(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);
}

/**
 * The parts of a finding a spec asserts on (never the rendered message): its `params` are the rule's own, without
 * the sheet, expected and actual the sink copies into them (those are asserted as the finding's own fields).
 */
export interface FindingShape extends Pick<Finding, 'code' | 'severity' | 'cell'>, Partial<Pick<Finding, 'expected' | 'actual' | 'related'>> {
  /** The rule's own parameters (a plain record: specs compare them whole). */
  readonly params: Readonly<Record<string, unknown>>;
}

export function shape(f: Finding | undefined): FindingShape {
  if (!f) throw new Error('no finding');
  const { sheet: _sheet, expected: _expected, actual: _actual, ...params } = f.params as Readonly<Record<string, unknown>>;
  return {
    code: f.code,
    severity: f.severity,
    cell: f.cell,
    params,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    ...(f.related !== undefined ? { related: f.related } : {}),
  };
}
