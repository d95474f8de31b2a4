/**
 * Finding codes of the file reader (`read/…`): a sheet, part or cell that could not be read is never
 * dropped in silence — it becomes a finding on its sheet. Error where an annex may be missing from the
 * check. Merged into the one catalogue in `findings.ts`.
 */
import { type FindingSpec, spec } from './spec';

export const FINDINGS_READ = {
  'read/part-missing': spec('error',
    '工作表指向的内容部件在文件中不存在：该表未能读取、未经检查', 'The part a sheet points to is not in the file: the sheet was not read nor checked',
    '工作表“{sheet}”的内容部件“{part}”在文件中不存在，该表未能读取、未经检查，其中的附件可能被漏检；请在 Excel 或 WPS 中打开并重新保存后再检查。',
    'The part "{part}" of sheet "{sheet}" is not in the file: the sheet was not read nor checked, and an annex on it may be missing from the check. Open the file in Excel or WPS, save it again and check it again.'),
  'read/bad-xml': spec('error',
    '工作表的 XML 不完整或格式错误：该表的内容未能完整读取', 'A sheet\'s XML is cut off or malformed: its content was not read in full',
    '工作表“{sheet}”的 XML（{part}）在第 {position} 个字节处{problem}，该表的内容未能完整读取，检查结果不可靠，其中的附件可能被漏检；请在 Excel 或 WPS 中打开并重新保存后再检查。',
    'The XML of sheet "{sheet}" ({part}) {problem} at byte {position}: the sheet was not read in full, its check is not reliable, and an annex on it may be missing from the check. Open the file in Excel or WPS, save it again and check it again.'),
  'read/sheet-unreadable': spec('error',
    '工作表的内容无法解析：该表未能读取、未经检查', 'A sheet\'s content cannot be parsed: the sheet was not read nor checked',
    '工作表“{sheet}”的内容（{part}）无法解析，该表未能读取、未经检查，其中的附件可能被漏检；请在 Excel 或 WPS 中打开并重新保存后再检查。',
    'The content of sheet "{sheet}" ({part}) cannot be parsed: the sheet was not read nor checked, and an annex on it may be missing from the check. Open the file in Excel or WPS, save it again and check it again.'),
  'read/shared-string-missing': spec('error',
    '单元格引用了文件中不存在的共享文字：这些单元格按空白读取', 'Cells refer to shared text that is not in the file: they were read as blank',
    '工作表“{sheet}”有 {count} 个单元格（{cells}）引用了文件中不存在的共享文字，按空白读取，这些单元格的检查结果不可靠；请在 Excel 或 WPS 中打开并重新保存后再检查。',
    'Sheet "{sheet}" has {count} cells ({cells}) that refer to shared text not in the file; they were read as blank and their checks are not reliable. Open the file in Excel or WPS, save it again and check it again.'),
  'read/outside-grid': spec('warning',
    '单元格地址超出 Excel 的表格范围 A1:XFD1048576：这些单元格已忽略', 'Cell addresses outside Excel\'s grid A1:XFD1048576: those cells were ignored',
    '工作表“{sheet}”有 {count} 个单元格的地址超出 Excel 的表格范围 A1:XFD1048576（{cells}），Excel 不会显示它们，已忽略。',
    'Sheet "{sheet}" has {count} cells whose addresses are outside Excel\'s grid A1:XFD1048576 ({cells}); Excel does not show them, and they were ignored.'),
} as const satisfies Record<string, FindingSpec>;

/** What was wrong with a sheet's XML, for `read/bad-xml`'s `{problem}` (see core/grid.ts `XmlProblem`). */
export const XML_PROBLEM_TEXT = {
  'cut-off': { 'zh-CN': '中断（文件在元素结束之前就结束了）', 'en-US': 'is cut off (the part ends before its elements do)' },
  mismatched: { 'zh-CN': '出现了不匹配的结束标记', 'en-US': 'has an end tag that does not match its element' },
  malformed: { 'zh-CN': '有一个不完整的标记', 'en-US': 'has a malformed tag' },
} as const;
