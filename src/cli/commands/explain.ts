/**
 * `check --explain`: before the findings, how each table of each file was read — its range, header rows,
 * each column's role with how sure the reading is, total and note rows, unit names resolved to another
 * (src/core/explain.ts). Written to stderr in the table view's words, so stdout stays the report (JSON when
 * piped). Unreadable files are left to the check itself, which names the reason.
 */
import { auditSubmission, type Lang, explainAudit, renderExplanation } from '../../core';
import { openWorkbook } from '../../xlsx/files';
import { inert } from '../terminal';
import { auditSettings, type CliIO, expandInputs, readBytes } from './common';

export interface ExplainOptions {
  readonly files: readonly string[];
  readonly lang: Lang;
  readonly guarantee: boolean;
  readonly settings?: Readonly<Record<string, unknown>>;
}

export async function explainFile(file: string, options: Omit<ExplainOptions, 'files'>): Promise<string[] | null> {
  try {
    const wb = openWorkbook(await readBytes(file), file);
    const audit = auditSubmission(wb.grids, auditSettings(options.settings, options.guarantee), wb.templateMarker);
    return renderExplanation(explainAudit(audit), options.lang);
  } catch {
    return null;
  }
}

export async function printExplanations(options: ExplainOptions, io: CliIO): Promise<void> {
  const { files } = await expandInputs(options.files);
  for (const file of files) {
    const lines = await explainFile(file, options);
    if (lines === null) continue;
    io.err(inert(`${options.lang === 'zh-CN' ? '读取方式：' : 'How it was read: '}${file}`));
    for (const line of lines) io.err(inert(line));
  }
}
