/**
 * `annex-audit merge FILE_OR_DIR… -o OUT.xlsx [--format json|table] [--lang zh-CN|en-US]`: consolidate
 * per-unit submissions into one workbook in the official layout (a `来源文件` column on every row), then
 * run the normal check on the result and add the summary sheets. Conflicting duplicates are findings.
 * Exit like `check` (0 / 1), or 2 when an input cannot be read or the output is one of the inputs (nothing
 * is written then). A source sheet name Excel would not take is made legal, and the user is told.
 */
import { isLegalSheetName, type Lang, listOf, resolveSettings, t } from '../../core';
import { isWorkbookReadError, openWorkbook, readErrorMessage } from '../../xlsx';
import { type MergeInput, mergeToWorkbook } from '../../xlsx/submissions';
import { renderTable, toCheckResult } from '../report';
import { inputAt } from '../output';
import { inert, say } from '../terminal';
import { Args, type CliIO, displayName, expandInputs, isOption, parseFormat, parseLang, readBytes, reportOverlong, usage, writeWorkbook } from './common';

/** Names for the provenance column: base names, or the path as given where two base names collide. */
function provenanceNames(files: readonly string[]): string[] {
  const base = files.map(displayName);
  return files.map((f, i) => (base.filter((b) => b === base[i]).length > 1 ? f : (base[i] ?? f)));
}

export async function runMerge(argv: readonly string[], lang0: Lang, io: CliIO): Promise<number> {
  let lang = lang0;
  let format: 'json' | 'table' = process.stdout.isTTY ? 'table' : 'json';
  let out: string | undefined;
  let guarantee = true;
  const inputs: string[] = [];
  const fail = (message: string) => {
    io.err(`${inert(message)}\n${usage(lang)}`);
    return 2;
  };
  const args = new Args(argv);
  for (let a = args.next(); a !== null; a = args.next()) {
    const { flag, inline, raw } = a;
    if (flag === '-o' || flag === '--output') out = args.value(inline);
    else if (flag === '--format' || flag === '-f') {
      const v = args.value(inline);
      const f = parseFormat(v);
      if (!f) return fail(t('cli.badOption', lang, { option: '--format', value: v }));
      format = f;
    } else if (flag === '--lang') {
      const v = args.value(inline);
      const l = parseLang(v);
      if (!l) return fail(t('cli.badOption', lang, { option: '--lang', value: v }));
      lang = l;
    } else if (flag === '--no-guarantee') guarantee = false;
    else if (isOption(flag)) return fail(t('cli.unknownOption', lang, { option: flag }));
    else inputs.push(raw);
  }
  if (inputs.length === 0) return fail(t('merge.needFiles', lang));
  if (!out) return fail(t('cli.noOutput', lang));

  const expanded = await expandInputs(inputs);
  for (const d of expanded.emptyDirs) io.err(say('sub.noXlsx', lang, { path: d }));
  if (expanded.emptyDirs.length > 0 || expanded.files.length === 0) return 2;
  const files = expanded.files;
  // A folder of submissions may hold the output of an earlier merge: never write over any input.
  const overwritten = inputAt(out, files);
  if (overwritten !== null) {
    io.err(say('cli.outputIsInput', lang, { out, file: overwritten }));
    return 2;
  }

  // Every input must be readable: a merge that silently lacks one unit is worse than none.
  const sources: MergeInput[] = [];
  const names = provenanceNames(files);
  for (const [i, file] of files.entries()) {
    try {
      const bytes = await readBytes(file);
      sources.push({ name: names[i] ?? file, bytes, opened: openWorkbook(bytes, file) });
    } catch (e) {
      io.err(inert(isWorkbookReadError(e) ? readErrorMessage(e, lang, file) : t('read.unexpected', lang, { file })));
      return 2;
    }
  }
  const { settings } = resolveSettings({ guaranteedQuotaIsVeryLikely: guarantee });
  try {
    const done = await mergeToWorkbook(sources, settings, lang, out);
    if (done === null) {
      io.err(t('merge.nothing', lang));
      return 2;
    }
    const { workbook: wb, merged, audit, summaries: applied, overlong } = done;
    try {
      await writeWorkbook(wb, out);
    } catch {
      io.err(say('cli.writeFailed', lang, { out }));
      return 2;
    }
    // Each merged sheet is named after the sheet its layout came from, made legal and unique by the core.
    for (const m of merged.sheets) {
      const wanted = m.layout.sheet;
      if (wanted === m.grid.name) continue;
      const reason = t(isLegalSheetName(wanted) ? 'sheetName.taken' : 'sheetName.illegal', lang);
      io.err(say('merge.sheetRenamed', lang, { wanted, name: m.grid.name, reason }));
    }
    for (const o of overlong) reportOverlong(io, lang, out, o.sheet, o.cells);
    const result = toCheckResult(out, audit, lang);
    if (format === 'json') io.out(JSON.stringify(result, null, 2));
    else {
      io.out(
        say('merge.written', lang, {
          files: files.length,
          out,
          sheets: listOf(merged.sheets.map((s) => s.grid.name), lang),
          summaries: listOf(applied.map((a) => a.name), lang),
        }),
      );
      io.out(renderTable(result, lang));
    }
    return audit.counts.error > 0 ? 1 : 0;
  } catch {
    io.err(say('cli.outputUnexpected', lang, { out }));
    return 2;
  }
}
