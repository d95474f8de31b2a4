/** Shared plumbing of the CLI commands: reading and writing files, expanding directories, simple flags. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { type Lang, t, truncationMark, TEMPLATE_BUNDLES, TEMPLATE_KINDS } from '../../core';
import { WorkbookReadError } from '../../xlsx/errors';
import { writeAtomically } from '../output';
import { say } from '../terminal';

export interface CliIO {
  out(s: string): unknown;
  err(s: string): unknown;
  /** Raw writes to stderr for a progress bar; present only when stderr is a terminal. */
  progress?: (s: string) => void;
}

export function defaultLang(): Lang {
  const env = process.env['ANNEX_AUDIT_LANG'] ?? '';
  return env.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new WorkbookReadError(code === 'ENOENT' || code === 'EISDIR' ? 'not-found' : 'unreadable', file);
  }
}

/** Write a workbook (atomically); Excel recalculates everything on open (our formulas carry results anyway). */
export async function writeWorkbook(wb: ExcelJS.Workbook, out: string): Promise<void> {
  // Loaded here, not with the module: `check` never needs exceljs (issue 21: the CLI's start-up).
  const { workbookBytes } = await import('../../xlsx/submissions');
  await writeAtomically(out, await workbookBytes(wb));
}

function isWorkbookName(name: string): boolean {
  return /\.(xlsx|xlsm|xls|et|xlsb|ods|csv)$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile() && isWorkbookName(e.name)) out.push(path);
  }
}

export interface Expanded {
  /** Files to check, in argument order; directories expanded (sorted, recursively, hidden ones skipped). */
  readonly files: string[];
  /** Directories that held no .xlsx file. */
  readonly emptyDirs: string[];
  readonly anyDirectory: boolean;
}

/**
 * Arguments → files. A directory becomes its .xlsx files (not `~$` lock files, not hidden files or
 * directories); anything else is kept as given, so a missing file is reported by the reader as usual.
 */
export async function expandInputs(args: readonly string[]): Promise<Expanded> {
  const files: string[] = [];
  const emptyDirs: string[] = [];
  let anyDirectory = false;
  for (const a of args) {
    let isDir = false;
    try {
      isDir = (await stat(a)).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      files.push(a);
      continue;
    }
    anyDirectory = true;
    const found: string[] = [];
    try {
      await walk(a, found);
    } catch {
      /* an unreadable directory holds nothing we can check */
    }
    if (found.length === 0) emptyDirs.push(a);
    files.push(...found);
  }
  return { files: [...new Set(files)], emptyDirs, anyDirectory };
}

export function displayName(file: string): string {
  return basename(file);
}

/** `--name value` / `--name=value` / `-o value` parsing, one flag at a time. */
export class Args {
  private i = 0;
  constructor(private readonly list: readonly string[]) {}

  next(): { flag: string; inline: string | undefined; raw: string } | null {
    const raw = this.list[this.i++];
    if (raw === undefined) return null;
    if (raw.startsWith('--') && raw.includes('=')) return { flag: raw.slice(0, raw.indexOf('=')), inline: raw.slice(raw.indexOf('=') + 1), raw };
    return { flag: raw, inline: undefined, raw };
  }

  value(inline: string | undefined): string {
    return inline ?? this.list[this.i++] ?? '';
  }
}

export function isOption(a: string): boolean {
  return a.startsWith('-') && a !== '-';
}

export function usage(lang: Lang): string {
  return t('cli.usage', lang, { kinds: [...TEMPLATE_KINDS, ...Object.keys(TEMPLATE_BUNDLES)].join(' ') });
}

export type CommandName = 'check' | 'summarize' | 'clear' | 'template' | 'diff' | 'merge';

/** `--help` or `-h` anywhere among a command's arguments. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.some((a) => a === '--help' || a === '-h');
}

/** One command's usage: the heading, that command's lines of the catalogue usage, and the exit status line. */
export function commandUsage(command: CommandName, lang: Lang): string {
  const lines = usage(lang).split('\n');
  const mine: string[] = [];
  let inside = false;
  for (const line of lines.slice(1)) {
    if (line.startsWith('  annex-audit ')) inside = line.startsWith(`  annex-audit ${command} `);
    else if (!line.startsWith('      ')) inside = false;
    if (inside) mine.push(line);
  }
  return [lines[0] ?? '', ...mine, '', lines[lines.length - 1] ?? ''].join('\n');
}

/** One sentence on stderr (stdout may be JSON) for a written sheet whose over-long text cells were cut. */
export function reportOverlong(io: CliIO, lang: Lang, out: string, sheet: string, cells: readonly string[]): void {
  if (cells.length === 0) return;
  const shown = cells.length > 10 ? `${cells.slice(0, 10).join(' ')} …` : cells.join(' ');
  io.err(say('cli.truncated', lang, { out, sheet, count: cells.length, cells: shown, mark: truncationMark(lang) }));
}

/** `--settings FILE`: the same settings object the pane stores with a workbook (validated by the core). */
export async function readSettingsFile(file: string, lang: Lang): Promise<{ ok: true; settings: Record<string, unknown> } | { ok: false; message: string }> {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(await readFile(file)).replace(/^\uFEFF/, ''));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return { ok: true, settings: parsed as Record<string, unknown> };
  } catch {
    return { ok: false, message: t('cli.settingsUnreadable', lang, { file }) };
  }
}

/** The settings for an audit: the file's, with `--no-guarantee` taking precedence. */
export function auditSettings(settings: Readonly<Record<string, unknown>> | undefined, guarantee: boolean): Record<string, unknown> {
  return { ...(settings ?? {}), ...(guarantee ? {} : { guaranteedQuotaIsVeryLikely: false }) };
}

export function parseFormat(v: string): 'json' | 'table' | null {
  return v === 'json' || v === 'table' ? v : null;
}

export function parseLang(v: string): Lang | null {
  return v === 'zh-CN' || v === 'en-US' ? v : null;
}
