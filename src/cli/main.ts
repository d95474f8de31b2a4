/**
 * `annex-audit`: the CLI. `check FILE… [--format json|table] [--lang zh-CN|en-US]`.
 * Exit 0: no error-level finding; 1: some; 2: a file could not be read or the arguments are wrong.
 * Never prints a stack trace: infrastructure failures become one sentence on stderr.
 */
import { readFile } from 'node:fs/promises';
import { auditWorkbook, type Lang, t } from '../core';
import { isWorkbookReadError, readGrids, WorkbookReadError } from '../xlsx';
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
