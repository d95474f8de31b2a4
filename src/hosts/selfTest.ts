/**
 * 自检, what the hosts share: the step table, the runner that records one line per step, and the renderer. The
 * adapters (src/excel/selfTest.ts, src/wps/selfTest.ts) supply only the steps' bodies and the description of
 * their host. A failed step is a failed line with the failure's kind or code, never the host's text; the steps
 * that need it are not run; the others still run.
 */
import { type Lang, t, type UiKey, listOf } from '../core';

export type SelfTestStep =
  | 'addSheet'
  | 'write'
  | 'read'
  | 'mergedAreas'
  | 'conditionalFormats'
  | 'names'
  | 'table'
  | 'freeze'
  | 'pageLayout'
  | 'calculation'
  | 'protection'
  | 'select'
  | 'removeSheet';

/** The steps, in the order they run and are reported. Freezing panes is a step of its own: a host that refuses it costs that line only. */
export const SELF_TEST_STEPS: readonly SelfTestStep[] = [
  'addSheet',
  'write',
  'read',
  'mergedAreas',
  'conditionalFormats',
  'names',
  'table',
  'freeze',
  'pageLayout',
  'calculation',
  'protection',
  'select',
  'removeSheet',
];

/** The line labels; a host may name a step more precisely (the interfaces it calls). */
export const SELF_TEST_LABELS: Readonly<Record<SelfTestStep, UiKey>> = {
  addSheet: 'selftest.step.addSheet',
  write: 'selftest.step.write',
  read: 'selftest.step.read',
  mergedAreas: 'selftest.step.mergedAreas',
  conditionalFormats: 'selftest.step.conditionalFormats',
  names: 'selftest.step.names',
  table: 'selftest.step.table',
  freeze: 'selftest.step.freeze',
  pageLayout: 'selftest.step.pageLayout',
  calculation: 'selftest.step.calculation',
  protection: 'selftest.step.protection',
  select: 'selftest.step.select',
  removeSheet: 'selftest.step.removeSheet',
};

export interface SelfTestLine {
  readonly step: SelfTestStep;
  /** null: not run (a step it needs failed, or the host lacks the interface). */
  readonly ok: boolean | null;
  /** The host's error code or the failure's kind, `mismatch` when the host answered but not what was written, or `timeout`. */
  readonly code?: string;
  /** What was found (calculation mode, protection), for the report. */
  readonly info?: string;
}

export interface SelfTestOutcome {
  readonly lines: readonly SelfTestLine[];
  /** The temporary sheet is (or may be) still there: its name, so the user can delete it. */
  readonly leftover?: string;
  /** The host stopped answering while adding the sheet: it may add it later (a request held in cell-edit mode). */
  readonly leftoverUncertain?: boolean;
  /** Temporary sheets an earlier self-test left behind (found in the workbook), for the user to delete. */
  readonly earlier?: readonly string[];
}

/** The host answered, but not what was written. */
export class Mismatch extends Error {
  override readonly name = 'Mismatch';
}

export function expectThat(condition: boolean): void {
  if (!condition) throw new Mismatch('mismatch');
}

const SHEET_PREFIX = 'AnnexAudit自检';

/** A temporary sheet's name: recognisable, and unlikely to be taken. */
export function selfTestSheetName(): string {
  return `${SHEET_PREFIX}${Math.floor(Math.random() * 1e6)}`;
}

/** Of the workbook's sheet names, the temporary sheets of earlier self-tests (not `current`'s). */
export function earlierSelfTestSheets(names: readonly string[], current: string): string[] {
  return names.filter((n) => n !== current && new RegExp(`^${SHEET_PREFIX}\\d+$`).test(n));
}

export interface SelfTestRun {
  /** Run one step when `needs` holds (else a not-run line); true when it passed. */
  step(id: SelfTestStep, needs: boolean, body: () => Promise<string | void> | string | void): Promise<boolean>;
  /** The host stopped answering: the step under way failed with `code`; the steps not reached are not run. */
  abandon(code: string): void;
  /** Whether this step has a line already. */
  has(id: SelfTestStep): boolean;
  /** The lines in table order. */
  lines(): SelfTestLine[];
}

/**
 * One self-test's lines. `codeOf` names a failure (never with the host's text); a failure for which `fatal`
 * holds (the host stopped answering) is rethrown, for the caller to `abandon` the rest.
 */
export function selfTestRun(codeOf: (e: unknown) => string, fatal: (e: unknown) => boolean = () => false): SelfTestRun {
  const lines: SelfTestLine[] = [];
  let current: SelfTestStep | null = null;
  const has = (id: SelfTestStep) => lines.some((l) => l.step === id);
  return {
    async step(id, needs, body) {
      current = id;
      if (!needs) {
        lines.push({ step: id, ok: null });
        return false;
      }
      try {
        const info = await body();
        lines.push({ step: id, ok: true, ...(info ? { info } : {}) });
        return true;
      } catch (e) {
        if (!(e instanceof Mismatch) && fatal(e)) throw e;
        lines.push({ step: id, ok: false, code: e instanceof Mismatch ? 'mismatch' : codeOf(e) });
        return false;
      }
    },
    abandon(code) {
      if (current !== null && !has(current)) lines.push({ step: current, ok: false, code });
      for (const s of SELF_TEST_STEPS) if (!has(s)) lines.push({ step: s, ok: null });
    },
    has,
    lines: () => [...lines].sort((a, b) => SELF_TEST_STEPS.indexOf(a.step) - SELF_TEST_STEPS.indexOf(b.step)),
  };
}

/** The browser engine the pane runs in, from the user agent (browsers-used-by-office-web-add-ins.md; WPS embeds Chromium). */
export function webviewOf(userAgent: string): string {
  if (/Trident\//.test(userAgent)) return 'Trident (Internet Explorer 11)';
  if (/\bEdge\/\d/.test(userAgent)) return 'EdgeHTML (Microsoft Edge Legacy)';
  if (/\bEdg\/\d/.test(userAgent)) return 'WebView2 (Microsoft Edge, Chromium)';
  if (/Macintosh/.test(userAgent) && /AppleWebKit/.test(userAgent) && !/Chrome\//.test(userAgent)) return 'WKWebView (Safari)';
  if (/Chrome\/\d/.test(userAgent)) return 'Chromium';
  if (/Firefox\/\d/.test(userAgent)) return 'Firefox';
  return 'unknown';
}

export function userAgent(): string {
  return typeof navigator !== 'undefined' && typeof navigator.userAgent === 'string' ? navigator.userAgent : '';
}

export interface RenderedSelfTest {
  readonly lines: readonly { readonly label: string; readonly ok: boolean | null; readonly detail?: string }[];
  readonly summary: string;
  /** Everything, as plain text to copy. */
  readonly text: string;
}

export interface SelfTestRendering {
  /** The host's description, one line each, already in the user's language. */
  readonly header: readonly string[];
  /** The summary when the test could not run at all (not in the host, no workbook); null when it ran. */
  readonly unavailable: string | null;
  /** Labels the host names differently. */
  readonly labels?: Partial<Record<SelfTestStep, UiKey>>;
}

/** The report in the user's language, and as text to copy. */
export function renderSelfTestOutcome(report: SelfTestOutcome, lang: Lang, how: SelfTestRendering): RenderedSelfTest {
  const label = (s: SelfTestStep) => t(how.labels?.[s] ?? SELF_TEST_LABELS[s], lang);
  const lines = report.lines.map((l) => ({ label: label(l.step), ok: l.ok, ...(l.code ? { detail: l.code } : l.info ? { detail: l.info } : {}) }));
  const passed = report.lines.filter((l) => l.ok === true).length;
  const failed = report.lines.filter((l) => l.ok === false).length;
  const total = report.lines.length;
  const summary =
    how.unavailable ?? (failed === 0 ? t('selftest.allPassed', lang, { passed, total }) : t('selftest.someFailed', lang, { passed, failed, total }));
  const status = (ok: boolean | null): string => t(ok === true ? 'selftest.pass' : ok === false ? 'selftest.fail' : 'selftest.skipped', lang);
  const leftover = [
    ...(report.leftover ? [t(report.leftoverUncertain ? 'selftest.leftoverUncertain' : 'selftest.leftover', lang, { sheet: report.leftover })] : []),
    ...(report.earlier && report.earlier.length > 0 ? [t('selftest.leftoverEarlier', lang, { sheets: listOf(report.earlier, lang) })] : []),
  ];
  const text = [
    t('selftest.title', lang),
    ...how.header,
    ...lines.map((l) => `[${status(l.ok)}] ${l.label}${l.detail ? ` — ${l.detail}` : ''}`),
    ...leftover,
    summary,
  ].join('\n');
  return { lines, summary, text };
}
