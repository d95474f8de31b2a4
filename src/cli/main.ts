/**
 * `annex-audit`: the CLI. `check FILE… [--format json|table] [--lang zh-CN|en-US]`.
 * Exit 0: no error-level finding; 1: some; 2: a file could not be read or the arguments are wrong.
 * Never prints a stack trace: infrastructure failures become one sentence on stderr.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { auditWorkbook, buildSummaryPlans, highlightPlan, type Lang, t } from '../core';
import {
  applyHighlights,
  applySheetPlans,
  clearMarks,
  isWorkbookReadError,
  loadWorkbook,
  readGrids,
  WorkbookReadError,
  workbookToGrids,
} from '../xlsx';
import { type CheckResult, type ReadFailure, renderTable, toCheckResult } from './report';

interface CheckOptions {
  files: string[];
  format: 'json' | 'table';
  lang: Lang;
  guarantee: boolean;
}

type Parsed = { ok: true; options: CheckOptions } | { ok: false; message: string };

function defaultLang(): Lang {
  const env = process.env['ANNEX_AUDIT_LANG'] ?? '';
  return env.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

export function parseCheckArgs(args: readonly string[]): Parsed {
  const options: CheckOptions = { files: [], format: process.stdout.isTTY ? 'table' : 'json', lang: defaultLang(), guarantee: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => inline ?? args[++i] ?? '';
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'json' && v !== 'table') return { ok: false, message: t('cli.badOption', options.lang, { option: '--format', value: v }) };
      options.format = v;
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'zh-CN' && v !== 'en-US') return { ok: false, message: t('cli.badOption', options.lang, { option: '--lang', value: v }) };
      options.lang = v;
    } else if (flag === '--no-guarantee') {
      options.guarantee = false;
    } else if (flag.startsWith('-') && flag !== '-') {
      return { ok: false, message: t('cli.unknownOption', options.lang, { option: flag }) };
    } else {
      options.files.push(a);
    }
  }
  if (options.files.length === 0) return { ok: false, message: t('cli.noFiles', options.lang) };
  return { ok: true, options };
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new WorkbookReadError(code === 'ENOENT' || code === 'EISDIR' ? 'not-found' : 'unreadable', file);
  }
}

export async function checkFile(file: string, options: CheckOptions): Promise<CheckResult | ReadFailure> {
  try {
    const grids = await readGrids(await readBytes(file), file);
    const audit = auditWorkbook(grids, { guaranteedQuotaIsVeryLikely: options.guarantee });
    return toCheckResult(file, audit, options.lang);
  } catch (e) {
    if (isWorkbookReadError(e)) return { file, error: t(`read.${e.problem}`, options.lang, { file }) };
    return { file, error: t('read.unexpected', options.lang, { file }) };
  }
}

function isFailure(r: CheckResult | ReadFailure): r is ReadFailure {
  return 'error' in r;
}

async function runCheck(options: CheckOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const results: (CheckResult | ReadFailure)[] = [];
  for (const file of options.files) results.push(await checkFile(file, options));
  for (const r of results) if (isFailure(r)) err(r.error);
  const ok = results.filter((r): r is CheckResult => !isFailure(r));
  if (options.format === 'json') {
    const payload = options.files.length === 1 ? (ok[0] ?? null) : ok;
    if (payload !== null) out(JSON.stringify(payload, null, 2));
  } else {
    out(ok.map((r) => renderTable(r, options.lang)).join('\n\n'));
  }
  if (results.some(isFailure)) return 2;
  return ok.some((r) => r.counts.error > 0) ? 1 : 0;
}

export async function main(argv: readonly string[], io = { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) }): Promise<number> {
  const lang = defaultLang();
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(t('cli.usage', lang));
    return command === undefined ? 2 : 0;
  }
  if (command === 'summarize' || command === 'clear') {
    return runWrite(command, rest, lang, io);
  }
  if (command !== 'check') {
    io.err(`${t('cli.unknownCommand', lang, { command })}\n${t('cli.usage', lang)}`);
    return 2;
  }
  const parsed = parseCheckArgs(rest);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n${t('cli.usage', lang)}`);
    return 2;
  }
  return runCheck(parsed.options, io.out, io.err);
}

interface WriteOptions {
  file: string;
  out: string;
  mark: boolean;
  lang: Lang;
  guarantee: boolean;
}

function parseWriteArgs(args: readonly string[], lang: Lang): { ok: true; options: WriteOptions } | { ok: false; message: string } {
  const o: Partial<WriteOptions> & { mark: boolean; lang: Lang; guarantee: boolean } = { mark: false, lang, guarantee: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-o' || a === '--output') o.out = args[++i] ?? '';
    else if (a.startsWith('--output=')) o.out = a.slice('--output='.length);
    else if (a === '--mark') o.mark = true;
    else if (a === '--no-guarantee') o.guarantee = false;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[++i] ?? '');
      if (v !== 'zh-CN' && v !== 'en-US') return { ok: false, message: t('cli.badOption', o.lang, { option: '--lang', value: v }) };
      o.lang = v;
    } else if (a.startsWith('-')) return { ok: false, message: t('cli.unknownOption', o.lang, { option: a }) };
    else if (o.file === undefined) o.file = a;
    else return { ok: false, message: t('cli.unknownOption', o.lang, { option: a }) };
  }
  if (!o.file) return { ok: false, message: t('cli.noFiles', o.lang) };
  if (!o.out) return { ok: false, message: t('cli.noOutput', o.lang) };
  return { ok: true, options: { file: o.file, out: o.out, mark: o.mark, lang: o.lang, guarantee: o.guarantee } };
}

/** `summarize FILE -o OUT.xlsx [--mark]` and `clear FILE -o OUT.xlsx`: write a copy, never the input. */
async function runWrite(
  command: 'summarize' | 'clear',
  args: readonly string[],
  lang: Lang,
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const parsed = parseWriteArgs(args, lang);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n${t('cli.usage', lang)}`);
    return 2;
  }
  const o = parsed.options;
  try {
    const wb = await loadWorkbook(await readBytes(o.file), o.file);
    if (command === 'clear') {
      const removed = clearMarks(wb);
      await writeOut(wb, o.out);
      io.out(t('cli.cleared', o.lang, { count: removed, out: o.out }));
      return 0;
    }
    const sourceNames = wb.worksheets.map((w) => w.name);
    const audit = auditWorkbook(workbookToGrids(wb), { guaranteedQuotaIsVeryLikely: o.guarantee });
    const applied = applySheetPlans(wb, buildSummaryPlans(audit, o.lang));
    let marked = 0;
    if (o.mark) marked = applyHighlights(wb, highlightPlan(audit, sourceNames));
    await writeOut(wb, o.out);
    for (const a of applied) {
      if (a.renamed) io.out(t('cli.renamed', o.lang, { wanted: a.wanted, name: a.name }));
    }
    io.out(t('cli.summarized', o.lang, { out: o.out, sheets: applied.map((a) => a.name).join('、'), marked }));
    io.out(t('report.counts', o.lang, audit.counts));
    return 0;
  } catch (e) {
    if (isWorkbookReadError(e)) io.err(t(`read.${e.problem}`, o.lang, { file: o.file }));
    else if ((e as { code?: string }).code !== undefined) io.err(t('cli.writeFailed', o.lang, { out: o.out }));
    else io.err(t('read.unexpected', o.lang, { file: o.file }));
    return 2;
  }
}

async function writeOut(wb: Awaited<ReturnType<typeof loadWorkbook>>, out: string): Promise<void> {
  // Our formulas carry the core's results; still ask Excel to recalculate everything on open.
  (wb as unknown as { calcProperties: { fullCalcOnLoad?: boolean } }).calcProperties.fullCalcOnLoad = true;
  const buf = await wb.xlsx.writeBuffer();
  await writeFile(out, new Uint8Array(buf as ArrayBuffer));
}
