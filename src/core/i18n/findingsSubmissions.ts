/**
 * Finding codes of colleagues' submissions: the template marker (`template/…`) and consolidation of
 * per-unit files (`merge/…`). Merged into the one catalogue in `findings.ts`.
 */
import { type FindingSpec, spec } from './spec';

export const FINDINGS_SUBMISSIONS = {
  // ── template marker ──────────────────────────────────────────────────────
  'template/old-version': spec('warning',
    '报送文件使用的模板版本低于当前版本', 'The submission was filled in on an older template version',
    '本工作簿按第{actual}版“{template}”模板填写，当前模板为第{expected}版；表头或填写规则可能已调整，请改用新模板。',
    'This workbook was filled in on version {actual} of the "{template}" template; the current version is {expected}. Headers or rules may have changed: use the new template.'),
  'template/newer-version': spec('info',
    '报送文件使用的模板版本高于本工具所知版本', 'The submission uses a template version newer than this tool knows',
    '本工作簿按第{actual}版“{template}”模板填写，本工具只认识到第{expected}版，请更新附件审核助手。',
    'This workbook uses version {actual} of the "{template}" template; this tool knows versions up to {expected}. Update Annex Auditor.'),
  'template/foreign': spec('warning',
    '模板标识与工作簿中识别出的附件不符', 'The template marker does not match the annexes found in the workbook',
    '本工作簿带有“{template}”模板的标识，但表中识别出的附件是{found}，模板与内容不符；请确认报送单位用的是下发的模板。',
    'This workbook carries the marker of the "{template}" template, but the annexes found are {found}; template and content do not match. Check that the unit used the template that was sent out.'),
  'template/unknown': spec('warning',
    '模板标识无法识别', 'The template marker cannot be read',
    '本工作簿的模板标识“{actual}”无法识别（不是附件审核助手生成的模板，或标识已被改动）。',
    'The workbook\'s template marker "{actual}" is not recognised (not a template made by Annex Auditor, or the marker was altered).'),

  // ── consolidation (merge) ────────────────────────────────────────────────
  'merge/conflict': spec('warning',
    '不同报送文件中同一事项的内容不一致（两行都保留，不覆盖）', 'Two submissions give different content for the same item (both rows kept, nothing overwritten)',
    '“{key}”在“{file}”与“{other}”中内容不同（{column}），两行均已保留，请核实以哪一份为准。',
    '"{key}" differs between "{file}" and "{other}" ({column}); both rows were kept: decide which one is right.'),
  'merge/duplicate': spec('info',
    '不同报送文件中同一事项重复报送且内容相同（只保留一行）', 'Two submissions give the same item with identical content (one row kept)',
    '“{key}”在“{file}”中与“{other}”完全相同，已只保留一行。',
    '"{key}" in "{file}" is identical to the row from "{other}"; only one row was kept.'),
  'merge/layout-differs': spec('info',
    '报送文件的标题、统计截止、注释或通报与第一份不同', 'A submission\'s title, cut-off line, notes or circular differ from the first one',
    '“{file}”的{part}为“{actual}”，与“{other}”的“{expected}”不同，合并结果采用“{other}”的。',
    'In "{file}" the {part} reads "{actual}", unlike "{expected}" in "{other}"; the merged workbook keeps the one from "{other}".'),
  'merge/column-dropped': spec('warning',
    '报送文件中有合并版式没有的列，其内容未合并', 'A submission has a column the merged layout lacks; its content was not merged',
    '“{file}”的“{column}”列在合并版式中没有对应列，其中的 {count} 个单元格未合并。',
    'Column "{column}" of "{file}" has no counterpart in the merged layout; {count} of its cells were not merged.'),
  'merge/source-empty': spec('warning',
    '报送文件中没有可合并的附件', 'A submission has no annex that could be merged',
    '“{file}”中没有识别出可合并的附件，未并入任何数据。',
    'No annex that could be merged was found in "{file}"; nothing from it was merged.'),
} as const satisfies Record<string, FindingSpec>;
