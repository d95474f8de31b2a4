/**
 * `annex-audit`: the CLI. `check FILE_OR_DIR… [--format json|table] [--lang zh-CN|en-US]` (several files
 * in parallel, see commands/batch.ts), `summarize`, `clear`, and `template`, `diff`, `merge` (commands/).
 * Exit 0: no error-level finding; 1: some; 2: a file could not be read or the arguments are wrong.
 * Never prints a stack trace: infrastructure failures become one sentence on stderr.
 */
// First: SheetJS's code page tables load only when a file needs them (codepages.ts).
import './codepages';
import { basename } from 'node:path';
import { auditSubmission, buildSummaryPlans, highlightPlan, type Lang, listOf, overlongCells, t } from '../core';
import { copyTarget, formatLabel, isWorkbookReadError, openWorkbook, readErrorMessage, withExtension } from '../xlsx/files';
import { runBatchCheck } from './commands/batch';
import { auditSettings, type CliIO, type CommandName, commandUsage, defaultLang, parseLang, readBytes, readSettingsFile, reportOverlong, usage, wantsHelp } from './commands/common';
import { inputAt, writeAtomically } from './output';
import { inert, say } from './terminal';

interface CheckOptions {
  files: string[];
  format: 'json' | 'table';
  lang: Lang;
  guarantee: boolean;
  /** Worker threads for several files (default: os.availableParallelism()). */
  jobs?: number;
  /** Table view of several files: each file's findings before the summary. */
  details: boolean;
  /** `--explain`: how each table was read, on stderr before the findings (stdout stays the report). */
  explain?: boolean;
  /** `--settings FILE` (read in `main`). */
  settingsFile?: string;
  settings?: Record<string, unknown>;
}

type Parsed = { ok: true; options: CheckOptions } | { ok: false; message: string };

export function parseCheckArgs(args: readonly string[]): Parsed {
  const options: CheckOptions = { files: [], format: process.stdout.isTTY ? 'table' : 'json', lang: defaultLang(), guarantee: true, details: false };
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
    } else if (flag === '--jobs' || flag === '-j') {
      const v = value();
      if (!/^\d{1,3}$/.test(v) || Number(v) < 1) return { ok: false, message: t('cli.badOption', options.lang, { option: '--jobs', value: v }) };
      options.jobs = Number(v);
    } else if (flag === '--details') {
      options.details = true;
    } else if (flag === '--explain') {
      options.explain = true;
    } else if (flag === '--settings') {
      options.settingsFile = value();
    } else if (flag.startsWith('-') && flag !== '-') {
      return { ok: false, message: t('cli.unknownOption', options.lang, { option: flag }) };
    } else {
      options.files.push(a);
    }
  }
  if (options.files.length === 0) return { ok: false, message: t('cli.noFiles', options.lang) };
  return { ok: true, options };
}

/** Check one file (the JSON contract of DESIGN.md), never throwing; see commands/check.ts. */
export { checkFile } from './commands/check';

const defaultIO: CliIO = {
  out: (s: string) => process.stdout.write(`${s}\n`),
  err: (s: string) => process.stderr.write(`${s}\n`),
  ...(process.stderr.isTTY ? { progress: (s: string) => void process.stderr.write(s) } : {}),
};

/** The `--lang` among the arguments, if any (for `--help`, which is answered before the command parses them). */
function langOption(args: readonly string[]): Lang | null {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const a = args[i] ?? '';
  return parseLang(a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[i + 1] ?? ''));
}

const COMMANDS: readonly CommandName[] = ['check', 'summarize', 'clear', 'template', 'diff', 'merge'];

function isCommand(s: string): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s);
}

export async function main(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  const lang = defaultLang();
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(usage(lang));
    return command === undefined ? 2 : 0;
  }
  if (isCommand(command) && wantsHelp(rest)) {
    io.out(commandUsage(command, langOption(rest) ?? lang));
    return 0;
  }
  if (command === 'summarize' || command === 'clear') {
    return runWrite(command, rest, lang, io);
  }
  // Loaded on demand: `check`, the common case, does not pay for the other commands' modules.
  if (command === 'template') return (await import('./commands/template')).runTemplate(rest, lang, io);
  if (command === 'diff') return (await import('./commands/diff')).runDiff(rest, lang, io);
  if (command === 'merge') return (await import('./commands/merge')).runMerge(rest, lang, io);
  if (command !== 'check') {
    io.err(`${say('cli.unknownCommand', lang, { command })}\n${usage(lang)}`);
    return 2;
  }
  const parsed = parseCheckArgs(rest);
  if (!parsed.ok) {
    io.err(`${inert(parsed.message)}\n${usage(lang)}`);
    return 2;
  }
  if (parsed.options.settingsFile !== undefined) {
    const read = await readSettingsFile(parsed.options.settingsFile, parsed.options.lang);
    if (!read.ok) {
      io.err(inert(read.message));
      return 2;
    }
    parsed.options.settings = read.settings;
  }
  if (parsed.options.explain) await (await import('./commands/explain')).printExplanations(parsed.options, io);
  return runBatchCheck(parsed.options, io);
}

interface WriteOptions {
  file: string;
  out: string;
  mark: boolean;
  lang: Lang;
  guarantee: boolean;
  settingsFile?: string;
  /** `--previous FILE`: the last version, so the 通报草稿 says what changed. */
  previous?: string;
}

function parseWriteArgs(args: readonly string[], lang: Lang): { ok: true; options: WriteOptions } | { ok: false; message: string } {
  const o: Partial<WriteOptions> & { mark: boolean; lang: Lang; guarantee: boolean } = { mark: false, lang, guarantee: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-o' || a === '--output') o.out = args[++i] ?? '';
    else if (a.startsWith('--output=')) o.out = a.slice('--output='.length);
    else if (a === '--mark') o.mark = true;
    else if (a === '--no-guarantee') o.guarantee = false;
    else if (a === '--settings') o.settingsFile = args[++i] ?? '';
    else if (a.startsWith('--settings=')) o.settingsFile = a.slice('--settings='.length);
    else if (a === '--previous') o.previous = args[++i] ?? '';
    else if (a.startsWith('--previous=')) o.previous = a.slice('--previous='.length);
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
  return {
    ok: true,
    options: {
      file: o.file,
      out: o.out,
      mark: o.mark,
      lang: o.lang,
      guarantee: o.guarantee,
      ...(o.settingsFile !== undefined ? { settingsFile: o.settingsFile } : {}),
      ...(o.previous !== undefined ? { previous: o.previous } : {}),
    },
  };
}

/**
 * `summarize FILE -o OUT.xlsx [--mark]` and `clear FILE -o OUT.xlsx`: write a copy, never the input (an
 * output that is the input is refused, also after the extension the copy needs), atomically.
 */
async function runWrite(
  command: 'summarize' | 'clear',
  args: readonly string[],
  lang: Lang,
  io: CliIO,
): Promise<number> {
  const parsed = parseWriteArgs(args, lang);
  if (!parsed.ok) {
    io.err(`${inert(parsed.message)}\n${usage(lang)}`);
    return 2;
  }
  const o = parsed.options;
  const isInput = (out: string): boolean => {
    const hit = inputAt(out, [o.file, ...(o.previous !== undefined ? [o.previous] : [])]);
    if (hit === null) return false;
    io.err(say('cli.outputIsInput', o.lang, { out, file: hit }));
    return true;
  };
  if (isInput(o.out)) return 2;
  let settings: Record<string, unknown> | undefined;
  if (o.settingsFile !== undefined) {
    const read = await readSettingsFile(o.settingsFile, o.lang);
    if (!read.ok) {
      io.err(inert(read.message));
      return 2;
    }
    settings = read.settings;
  }
  let out = o.out;
  try {
    const bytes = await readBytes(o.file);
    const opened = openWorkbook(bytes, o.file);
    const target = copyTarget(bytes, opened, o.file);
    out = withExtension(o.out, target.extension);
    if (out !== o.out && isInput(out)) return 2;
    if (target.converted) io.out(say('open.converted', o.lang, { file: o.file, format: formatLabel(opened.format) }));
    else if (out !== o.out) io.out(say('open.macroExtension', o.lang, { file: o.file, out }));
    if (command === 'clear') {
      const removed = target.pkg.clearMarks();
      await writeAtomically(out, target.pkg.toBytes());
      io.out(say('cli.cleared', o.lang, { count: removed, out }));
      return 0;
    }
    const sourceNames = opened.grids.map((g) => g.name);
    const audit = auditSubmission(opened.grids, auditSettings(settings, o.guarantee), opened.templateMarker);
    let previous: { audit: ReturnType<typeof auditSubmission>; name: string } | undefined;
    if (o.previous !== undefined) {
      const old = openWorkbook(await readBytes(o.previous), o.previous);
      previous = { audit: auditSubmission(old.grids, auditSettings(settings, o.guarantee), old.templateMarker), name: basename(o.previous) };
    }
    const plans = buildSummaryPlans(audit, o.lang, previous ? { previous } : {});
    const applied = target.pkg.applySheetPlans(plans, o.lang);
    let marked = 0;
    if (o.mark) marked = target.pkg.applyHighlights(highlightPlan(audit, sourceNames));
    // Our formulas carry the core's results; still ask Excel to recalculate everything on open.
    await writeAtomically(out, target.pkg.toBytes({ recalculate: true }));
    for (const a of applied) {
      if (a.renamed) io.out(say('cli.renamed', o.lang, { wanted: a.wanted, name: a.name }));
    }
    plans.forEach((p, i) => reportOverlong(io, o.lang, out, applied[i]?.name ?? p.name, overlongCells(p.rows)));
    io.out(say('cli.summarized', o.lang, { out, sheets: listOf(applied.map((a) => a.name), o.lang), marked }));
    io.out(t('report.counts', o.lang, audit.counts));
    return 0;
  } catch (e) {
    if (isWorkbookReadError(e)) io.err(inert(readErrorMessage(e, o.lang, o.file)));
    else if ((e as { code?: string }).code !== undefined) io.err(say('cli.writeFailed', o.lang, { out }));
    else io.err(say('read.unexpected', o.lang, { file: o.file }));
    return 2;
  }
}
