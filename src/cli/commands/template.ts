/** `annex-audit template KIND… -o OUT.xlsx [--year YYYY] [--rows N] [--lang zh-CN|en-US]`: blank annex templates. */
import {
  KIND_LABEL,
  type Lang,
  listOf,
  t,
  expandTemplateRequest,
  isTemplateBundle,
  isTemplateKind,
  TEMPLATE_BUNDLES,
  TEMPLATE_KINDS,
  type TemplateRequest,
  templateProfiles,
  type TemplateWorkbook,
} from '../../core';
import { templateFile } from '../../xlsx/submissions';
import { inert, say } from '../terminal';
import { Args, type CliIO, isOption, parseLang, usage, writeWorkbook } from './common';

export async function runTemplate(argv: readonly string[], lang0: Lang, io: CliIO): Promise<number> {
  let lang = lang0;
  const requests: TemplateRequest[] = [];
  let out: string | undefined;
  let year = new Date().getFullYear();
  let rows: number | undefined;
  const fail = (message: string) => {
    io.err(`${inert(message)}\n${usage(lang)}`);
    return 2;
  };
  const args = new Args(argv);
  for (let a = args.next(); a !== null; a = args.next()) {
    const { flag, inline, raw } = a;
    if (flag === '-o' || flag === '--output') out = args.value(inline);
    else if (flag === '--year') {
      const v = args.value(inline);
      if (!/^\d{4}$/.test(v) || Number(v) < 1990 || Number(v) > 2100) return fail(t('tpl.badYear', lang, { value: v }));
      year = Number(v);
    } else if (flag === '--rows') {
      const v = args.value(inline);
      if (!/^\d{1,4}$/.test(v) || Number(v) < 1 || Number(v) > 5000) return fail(t('tpl.badRows', lang, { value: v }));
      rows = Number(v);
    } else if (flag === '--lang') {
      const v = parseLang(args.value(inline));
      if (!v) return fail(t('cli.badOption', lang, { option: '--lang', value: inline ?? '' }));
      lang = v;
    } else if (isOption(flag)) return fail(t('cli.unknownOption', lang, { option: flag }));
    else if (isTemplateKind(raw) || isTemplateBundle(raw)) requests.push(raw);
    else return fail(t('tpl.unknownKind', lang, { kind: raw, kinds: listOf([...TEMPLATE_KINDS, ...Object.keys(TEMPLATE_BUNDLES)], lang) }));
  }
  if (requests.length === 0) return fail(t('tpl.noKind', lang));
  if (!out) return fail(t('cli.noOutput', lang));
  const kinds = expandTemplateRequest(requests);
  if (templateProfiles(kinds).length > 1) return fail(t('tpl.mixedProfiles', lang));

  let plan: TemplateWorkbook;
  try {
    const made = await templateFile(requests, { year, lang, ...(rows !== undefined ? { rows } : {}) });
    plan = made.plan;
    await writeWorkbook(made.workbook, out);
  } catch {
    io.err(say('cli.writeFailed', lang, { out }));
    return 2;
  }
  const sheets = listOf(plan.sheets.map((s) => KIND_LABEL[s.kind][lang]), lang);
  io.out(say('tpl.written', lang, { out, sheets, marker: plan.marker }));
  return 0;
}
