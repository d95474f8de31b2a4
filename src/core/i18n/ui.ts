/** User-facing text outside findings (CLI, pane): zh-CN first, en-US second. */
import type { Lang, Placeholders } from './spec';
import { fillTemplate, type ParamValue, type Params } from './template';
import { UI_ACTIONS } from './uiActions';
import { UI_EXCEL } from './uiExcel';
import { UI_PLANS } from './uiPlans';
import { UI_SUBMISSIONS } from './uiSubmissions';
import { UI_WPS } from './uiWps';

export const UI = {
  ...UI_EXCEL,
  ...UI_PLANS,
  ...UI_SUBMISSIONS,
  ...UI_WPS,
  ...UI_ACTIONS,
  'severity.error': { 'zh-CN': '错误', 'en-US': 'error' },
  'severity.warning': { 'zh-CN': '警告', 'en-US': 'warning' },
  'severity.info': { 'zh-CN': '提示', 'en-US': 'info' },
  'profile.incentive': { 'zh-CN': '激励事项研判', 'en-US': 'incentive appraisal' },
  'profile.keywork': { 'zh-CN': '重点工作推进', 'en-US': 'key-work progress' },
  'profile.none': { 'zh-CN': '未识别', 'en-US': 'not recognised' },
  'col.severity': { 'zh-CN': '级别', 'en-US': 'Severity' },
  'col.cell': { 'zh-CN': '单元格', 'en-US': 'Cell' },
  'col.message': { 'zh-CN': '说明', 'en-US': 'Message' },
  'col.code': { 'zh-CN': '代码', 'en-US': 'Code' },
  'report.file': { 'zh-CN': '文件：{file}（{profile}）', 'en-US': 'File: {file} ({profile})' },
  'report.sheet': { 'zh-CN': '── 工作表“{sheet}”（{kind}）', 'en-US': '── Sheet "{sheet}" ({kind})' },
  'report.sheetUnknown': { 'zh-CN': '── 工作表“{sheet}”', 'en-US': '── Sheet "{sheet}"' },
  'report.counts': { 'zh-CN': '共 {error} 个错误、{warning} 个警告、{info} 条提示。', 'en-US': '{error} errors, {warning} warnings, {info} notes.' },
  'report.clean': { 'zh-CN': '未发现问题。', 'en-US': 'No findings.' },
  'explain.table': { 'zh-CN': '── 工作表“{sheet}”：{kind}，范围 {range}', 'en-US': '── Sheet "{sheet}": {kind}, range {range}' },
  'explain.rows': {
    'zh-CN': '   表头第{header}行；数据第{data}行；合计行：{totals}；表头上方的标题与说明：第{titles}行；表下注释：{notes}',
    'en-US': '   header row {header}; data rows {data}; total rows: {totals}; titles and notes above the header: rows {titles}; notes below: {notes}',
  },
  'explain.column': { 'zh-CN': '   “{label}”← {columns}列（表头“{header}”，{confidence}）', 'en-US': '   "{label}" ← column {columns} (header "{header}", {confidence})' },
  'explain.missing': { 'zh-CN': '   “{label}”：未找到（可在设置的“列映射”中指定）', 'en-US': '   "{label}": not found (map it in the settings, column mapping)' },
  'explain.units': { 'zh-CN': '── 单位名称的识别', 'en-US': '── Unit names resolved' },
  'explain.unit': { 'zh-CN': '   {sheet}：“{written}”按“{unit}”计', 'en-US': '   {sheet}: "{written}" counted as "{unit}"' },
  'explain.repeated': { 'zh-CN': '   重复的表头行（分页处再写一遍的表头，不作数据）：{rows}', 'en-US': '   Header written again (at a page break; not data): rows {rows}' },
  'explain.tableBelow': { 'zh-CN': '   第{row}行起是另一张表，本表到此为止', 'en-US': '   Another table starts at row {row}: this table ends there' },
  'explain.none': { 'zh-CN': '无', 'en-US': 'none' },
  'explain.confidence.mapped': { 'zh-CN': '按设置指定', 'en-US': 'mapped in the settings' },
  'explain.confidence.high': { 'zh-CN': '确定', 'en-US': 'certain' },
  'explain.confidence.medium': { 'zh-CN': '按分组表头', 'en-US': 'by its group header' },
  'explain.confidence.low': { 'zh-CN': '按关键词，请核对', 'en-US': 'by a key term, please check' },
  'report.expected': { 'zh-CN': '应为', 'en-US': 'expected' },
  'report.actual': { 'zh-CN': '实为', 'en-US': 'found' },
  'cli.usage': {
    'zh-CN':
      '用法：\n' +
      '  annex-audit check 文件或目录… [--format json|table] [--lang zh-CN|en-US] [--no-guarantee] [--settings 设置.json] [--jobs N] [--details] [--explain]\n' +
      '  annex-audit summarize 文件.xlsx -o 输出.xlsx [--mark] [--lang zh-CN|en-US] [--settings 设置.json] [--previous 上一版.xlsx]\n' +
      '  annex-audit clear 文件.xlsx -o 输出.xlsx\n' +
      '  annex-audit template 类型… -o 模板.xlsx [--year 年份] [--rows 行数] [--lang zh-CN|en-US]\n' +
      '      类型：{kinds}\n' +
      '  annex-audit diff 旧.xlsx 新.xlsx [--format json|table] [-o 输出.xlsx]\n' +
      '  annex-audit merge 文件或目录… -o 输出.xlsx [--format json|table]\n\n' +
      '退出码：0 无错误；1 有错误级问题（diff：有差别）；2 文件无法读取或参数有误。',
    'en-US':
      'Usage:\n' +
      '  annex-audit check FILE_OR_DIR… [--format json|table] [--lang zh-CN|en-US] [--no-guarantee] [--settings SETTINGS.json] [--jobs N] [--details] [--explain]\n' +
      '  annex-audit summarize FILE.xlsx -o OUT.xlsx [--mark] [--lang zh-CN|en-US] [--settings SETTINGS.json] [--previous LAST.xlsx]\n' +
      '  annex-audit clear FILE.xlsx -o OUT.xlsx\n' +
      '  annex-audit template KIND… -o TEMPLATE.xlsx [--year YYYY] [--rows N] [--lang zh-CN|en-US]\n' +
      '      KIND: {kinds}\n' +
      '  annex-audit diff OLD.xlsx NEW.xlsx [--format json|table] [-o OUT.xlsx]\n' +
      '  annex-audit merge FILE_OR_DIR… -o OUT.xlsx [--format json|table]\n\n' +
      'Exit status: 0 no errors; 1 error-level findings (diff: differences); 2 a file could not be read or bad arguments.',
  },
  'pane.title': { 'zh-CN': '附件审核助手', 'en-US': 'Annex Auditor' },
  'pane.subtitle.excel': { 'zh-CN': '校验当前工作簿的附件表', 'en-US': 'Check the annex sheets of this workbook' },
  'pane.subtitle.file': { 'zh-CN': '在浏览器中检查同事报送的工作簿（文件不会上传）', 'en-US': 'Check a colleague\'s workbook in the browser (nothing is uploaded)' },
  'pane.check': { 'zh-CN': '校验', 'en-US': 'Check' },
  'pane.summarize': { 'zh-CN': '重算汇总', 'en-US': 'Recompute summary' },
  'pane.clear': { 'zh-CN': '清除标记', 'en-US': 'Clear marks' },
  'pane.open': { 'zh-CN': '打开工作簿', 'en-US': 'Open workbook' },
  'pane.download': { 'zh-CN': '下载结果', 'en-US': 'Download result' },
  'pane.noFile': { 'zh-CN': '请先用“打开工作簿”选择一个 .xlsx 文件。', 'en-US': 'Choose an .xlsx file with "Open workbook" first.' },
  'pane.fileLoaded': { 'zh-CN': '已打开“{file}”。', 'en-US': 'Opened "{file}".' },
  'pane.step.reading': { 'zh-CN': '正在读取工作簿…', 'en-US': 'Reading the workbook…' },
  'pane.step.checking': { 'zh-CN': '正在校验…', 'en-US': 'Checking…' },
  'pane.step.writing': { 'zh-CN': '正在写入汇总表…', 'en-US': 'Writing the summary sheets…' },
  'pane.step.clearing': { 'zh-CN': '正在清除标记…', 'en-US': 'Clearing marks…' },
  'pane.done.check': { 'zh-CN': '校验完成：{error} 个错误、{warning} 个警告、{info} 条提示。', 'en-US': 'Checked: {error} errors, {warning} warnings, {info} notes.' },
  'pane.done.clean': { 'zh-CN': '校验完成，未发现问题。', 'en-US': 'Checked: no findings.' },
  'pane.done.summarize': { 'zh-CN': '已写入汇总表：{sheets}。', 'en-US': 'Summary sheets written: {sheets}.' },
  'pane.done.download': { 'zh-CN': '已生成“{file}”（含汇总表和标记）。', 'en-US': '"{file}" is ready (with summary sheets and marks).' },
  'pane.done.clear': { 'zh-CN': '已清除标记。', 'en-US': 'Marks cleared.' },
  'pane.done.clearPartial': { 'zh-CN': '已清除可清除的标记，部分工作表未改动（见下方说明）。', 'en-US': 'Marks cleared where possible; some sheets were left as they were (see below).' },
  'pane.done.summarizeNone': { 'zh-CN': '未写入汇总表（见下方说明）。', 'en-US': 'No summary sheet was written (see below).' },
  'pane.notes': { 'zh-CN': '说明', 'en-US': 'Notes' },
  'pane.selfTest': { 'zh-CN': '自检', 'en-US': 'Self-test' },
  'pane.selfTest.hint': {
    'zh-CN': '在临时隐藏工作表上试用本加载项用到的全部 Excel 接口，完成后删除该表，不改动您的数据。',
    'en-US': 'Tries every Excel API the add-in uses on a temporary hidden sheet, then removes it; your data is not touched.',
  },
  'pane.selfTest.run': { 'zh-CN': '运行自检', 'en-US': 'Run self-test' },
  'pane.selfTest.running': { 'zh-CN': '正在自检…', 'en-US': 'Running the self-test…' },
  'pane.selfTest.failed': { 'zh-CN': '自检未能运行。请重试；若仍失败，请关闭任务窗格后重新打开。', 'en-US': 'The self-test could not run. Try again; if it keeps failing, close the task pane and open it again.' },
  'pane.selfTest.copy': { 'zh-CN': '复制结果', 'en-US': 'Copy result' },
  'pane.selfTest.copied': { 'zh-CN': '已复制。', 'en-US': 'Copied.' },
  'pane.selfTest.result': { 'zh-CN': '自检结果（可复制发给管理员）', 'en-US': 'Self-test result (copy it for your administrator)' },
  'pane.renamed': { 'zh-CN': '已有同名工作表“{wanted}”，汇总写入“{name}”。', 'en-US': 'A sheet named "{wanted}" exists; the summary went to "{name}".' },
  'pane.filter.all': { 'zh-CN': '全部', 'en-US': 'All' },
  'pane.filter.label': { 'zh-CN': '按级别筛选', 'en-US': 'Filter by severity' },
  'pane.findings': { 'zh-CN': '校验结果', 'en-US': 'Findings' },
  'pane.charts': { 'zh-CN': '汇总图表（{count}）', 'en-US': 'Summary charts ({count})' },
  'pane.charts.note': { 'zh-CN': '与写入汇总表的图表同一数据（按附件重算）。', 'en-US': 'The same figures as the charts written to the summary sheets (recomputed from the annexes).' },
  'pane.gotoCell': { 'zh-CN': '转到 {sheet}!{cell}', 'en-US': 'Go to {sheet}!{cell}' },
  'pane.empty': { 'zh-CN': '点击“校验”开始。', 'en-US': 'Press "Check" to start.' },
  'pane.supported': {
    'zh-CN': '可检查：激励事项研判（{incentive}）与重点工作推进（{keywork}）。按标题和表头的含义识别，不依赖工作表名称；表头写法不同时可在设置中对应列。',
    'en-US': 'Checks incentive appraisals ({incentive}) and key-work progress ({keywork}), recognised by the meaning of titles and headers, not by sheet name; a header worded differently can be mapped in the settings.',
  },
  'pane.settings': { 'zh-CN': '设置', 'en-US': 'Settings' },
  'pane.map.open': { 'zh-CN': '指定列', 'en-US': 'Map the column' },
  'pane.map.group': { 'zh-CN': '为“{sheet}”指定列', 'en-US': 'Map the columns of "{sheet}"' },
  'pane.map.which': { 'zh-CN': '“{column}”是哪一列？', 'en-US': 'Which column is "{column}"?' },
  'pane.map.none': { 'zh-CN': '（未选择）', 'en-US': '(not chosen)' },
  'pane.map.noHeaders': { 'zh-CN': '此表没有未识别的表头可供选择；请先在表头中写明该列。', 'en-US': 'The sheet has no unrecognised header to choose; name the column in the header first.' },
  'pane.map.save': { 'zh-CN': '保存并重新校验', 'en-US': 'Save and check again' },
  'pane.map.cancel': { 'zh-CN': '取消', 'en-US': 'Cancel' },
  'pane.map.saved': { 'zh-CN': '已保存列映射（{pairs}），并重新校验。', 'en-US': 'Column mapping saved ({pairs}) and the workbook checked again.' },
  'pane.units.open': { 'zh-CN': '指定单位', 'en-US': 'Link the units' },
  'pane.units.group': { 'zh-CN': '把{source}的单位对应到{target}的单位', 'en-US': 'Link the units of {source} to those of {target}' },
  'pane.units.which': { 'zh-CN': '“{unit}”是{target}中的哪个单位？', 'en-US': 'Which unit of {target} is "{unit}"?' },
  'pane.units.saved': { 'zh-CN': '已保存单位对应（{pairs}），并重新校验。', 'en-US': 'Unit links saved ({pairs}) and the workbook checked again.' },
  'pane.explain.open': { 'zh-CN': '查看读取方式', 'en-US': 'How it was read' },
  'pane.explain.hint': { 'zh-CN': '如读取有误，可用“指定列”或在设置中指定工作表类型、单位别名。', 'en-US': 'If a reading is wrong, map the column, or set the sheet kind or unit aliases in the settings.' },
  'pane.setting.guarantee': { 'zh-CN': '注明“必有1个名额”的事项计为很有可能', 'en-US': 'Count items whose note says 必有1个名额 as 很有可能' },
  'pane.setting.language': { 'zh-CN': '界面语言', 'en-US': 'Language' },
  'pane.setting.aliases': { 'zh-CN': '园区→县市别名（每行“园区=县市”）', 'en-US': 'Park → county aliases (one "park=county" per line)' },
  'pane.setting.saved': { 'zh-CN': '设置已保存到工作簿。', 'en-US': 'Settings saved with the workbook.' },
  'pane.setting.savedLocal': { 'zh-CN': '设置已保存在本机浏览器。', 'en-US': 'Settings saved in this browser.' },
  'pane.error.generic': { 'zh-CN': '操作未完成：{detail}', 'en-US': 'The action did not complete: {detail}' },
  'pane.error.unexpected': { 'zh-CN': '发生意外错误，操作未完成。请重试；若仍失败，请保存工作簿后重新打开。', 'en-US': 'An unexpected error stopped the action. Try again; if it keeps failing, save and reopen the workbook.' },
  'pane.expected': { 'zh-CN': '应为 {value}', 'en-US': 'expected {value}' },
  'pane.actual': { 'zh-CN': '实为 {value}', 'en-US': 'found {value}' },
  'cli.noOutput': { 'zh-CN': '请用 -o 指定输出文件（不会覆盖原文件）。', 'en-US': 'Name the output file with -o (the input is never overwritten).' },
  'cli.renamed': { 'zh-CN': '已有用户工作表名为“{wanted}”，汇总写入“{name}”。', 'en-US': 'A user sheet is already named "{wanted}"; the summary was written to "{name}".' },
  'cli.summarized': { 'zh-CN': '已写入“{out}”：{sheets}；标记单元格 {marked} 个。', 'en-US': 'Wrote "{out}": {sheets}; {marked} cells marked.' },
  'cli.cleared': { 'zh-CN': '已清除 {count} 组标记，写入“{out}”。', 'en-US': 'Removed {count} mark groups; wrote "{out}".' },
  'cli.writeFailed': { 'zh-CN': '无法写入“{out}”，请检查路径和权限。', 'en-US': 'Could not write "{out}"; check the path and permissions.' },
  'cli.unknownCommand': { 'zh-CN': '未知命令“{command}”。', 'en-US': 'Unknown command "{command}".' },
  'cli.noFiles': { 'zh-CN': '请指定要检查的工作簿文件（.xlsx、.xls、.xlsb、.ods、.csv 等）或目录。', 'en-US': 'Name at least one workbook (.xlsx, .xls, .xlsb, .ods, .csv …) or a folder to check.' },
  'cli.settingsUnreadable': {
    'zh-CN': '设置文件“{file}”无法读取或不是 JSON 对象（例：{"columnMap": {"incentive-analysis": {"栏目三": "assessment"}}}）。',
    'en-US': 'The settings file "{file}" cannot be read or is not a JSON object (e.g. {"columnMap": {"incentive-analysis": {"栏目三": "assessment"}}}).',
  },
  'cli.badOption': { 'zh-CN': '选项“{option}”的值“{value}”无效。', 'en-US': 'Invalid value "{value}" for option "{option}".' },
  'cli.unknownOption': { 'zh-CN': '未知选项“{option}”。', 'en-US': 'Unknown option "{option}".' },
  'cli.outputIsInput': {
    'zh-CN': '输出文件“{out}”就是输入文件“{file}”（同一个文件、指向它的链接或仅大小写不同），原文件不会被覆盖；请用 -o 另指定一个文件。',
    'en-US': 'The output "{out}" is the input "{file}" (the same file, a link to it or its name in other letter case); the input is never overwritten, so name another file with -o.',
  },
  'cli.outputUnexpected': { 'zh-CN': '生成“{out}”时发生意外错误，未写入该文件。', 'en-US': 'An unexpected error occurred while making "{out}"; it was not written.' },
  'cli.truncated': {
    'zh-CN': '“{out}”的工作表“{sheet}”中有 {count} 个单元格的文字超过 Excel 的上限 32,767 个字符，已截断并以“{mark}”结尾：{cells}。',
    'en-US': '{count} cells of the sheet "{sheet}" in "{out}" held more than Excel\'s limit of 32,767 characters; they were cut and end in "{mark}": {cells}.',
  },
  'cell.truncated': { 'zh-CN': '…（已截断）', 'en-US': '… (truncated)' },
  'read.not-found': { 'zh-CN': '找不到文件“{file}”。', 'en-US': 'File "{file}" not found.' },
  'read.legacy-xls': { 'zh-CN': '“{file}”是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再检查。', 'en-US': '"{file}" is a legacy .xls file; save it as .xlsx in Excel and check it again.' },
  'read.unexpected': { 'zh-CN': '检查“{file}”时发生意外错误，已跳过该文件。', 'en-US': 'An unexpected error occurred while checking "{file}"; the file was skipped.' },
  // Why a file could not be read, one sentence per cause (src/xlsx/open.ts decides which).
  'open.not-a-workbook': { 'zh-CN': '“{file}”不是电子表格，无法检查（可检查 .xlsx、.xlsm、.xls、.et、.xlsb、.ods、.csv）。', 'en-US': '"{file}" is not a spreadsheet and cannot be checked (we read .xlsx, .xlsm, .xls, .et, .xlsb, .ods and .csv).' },
  'open.pdf': { 'zh-CN': '“{file}”是 PDF 文件，不是电子表格；请索取原始的 Excel 或 WPS 表格文件。', 'en-US': '"{file}" is a PDF, not a spreadsheet; ask for the original Excel or WPS file.' },
  'open.word': { 'zh-CN': '“{file}”是 Word 文档，不是电子表格；请把其中的表格另存为 Excel 工作簿后再检查。', 'en-US': '"{file}" is a Word document, not a spreadsheet; save its tables as an Excel workbook and check that.' },
  'open.powerpoint': { 'zh-CN': '“{file}”是 PowerPoint 演示文稿，不是电子表格。', 'en-US': '"{file}" is a PowerPoint presentation, not a spreadsheet.' },
  'open.zip': { 'zh-CN': '“{file}”是压缩包，不是工作簿；请先解压，再检查其中的表格文件。', 'en-US': '"{file}" is a zip archive, not a workbook; unzip it and check the spreadsheets inside.' },
  'open.text': { 'zh-CN': '“{file}”是文本文件；如果是逗号分隔的表格，请把扩展名改为 .csv 后再检查。', 'en-US': '"{file}" is a text file; if it is a comma-separated table, rename it to .csv and check it again.' },
  'open.empty': { 'zh-CN': '“{file}”是空文件（0 字节），没有可检查的内容。', 'en-US': '"{file}" is empty (0 bytes); there is nothing to check.' },
  'open.no-sheets': { 'zh-CN': '“{file}”中没有含单元格的工作表（只有图表或宏表），没有可检查的内容。', 'en-US': '"{file}" has no worksheet with cells (only chart or macro sheets); there is nothing to check.' },
  'open.encrypted': { 'zh-CN': '“{file}”已加密（设有打开密码），请在 Excel 或 WPS 中取消密码后再检查。', 'en-US': '"{file}" is password-protected; remove the password in Excel or WPS and check it again.' },
  'open.legacy-unreadable': { 'zh-CN': '“{file}”是旧版二进制 Office 文件，但不是可读取的 Excel 97–2003 工作簿；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查。', 'en-US': '"{file}" is an old binary Office file but not an Excel 97–2003 workbook we can read; open it in Excel or WPS, save it as .xlsx and check it again.' },
  'open.truncated': { 'zh-CN': '“{file}”不完整：文件在工作簿结束之前就断了（常见于未下载完整或附件被截断），请重新下载或索取原文件。', 'en-US': '"{file}" is incomplete: the file ends before the workbook does (usually a partial download or a cut-off attachment); download it again or ask for the original.' },
  'open.too-large': { 'zh-CN': '“{file}”解压后合计超过 {limit}（全部部件合计的上限），远超任何附件工作簿，为防止占满内存未予读取。', 'en-US': '"{file}" inflates to more than {limit} in all (the limit for all its parts together), far beyond any annex workbook; it was not read, to protect memory.' },
  'open.part-too-large': { 'zh-CN': '“{file}”中的部件“{part}”解压后超过 {limit}（单个部件的上限），远超任何附件工作簿，为防止占满内存未予读取。', 'en-US': 'The part "{part}" of "{file}" inflates to more than {limit} (the limit for one part), far beyond any annex workbook; the file was not read, to protect memory.' },
  'open.too-many-entries': { 'zh-CN': '“{file}”含有超过 {limit} 个压缩条目（部件个数的上限），远超任何附件工作簿，未予读取。', 'en-US': '"{file}" holds more than {limit} zip entries (the limit on the number of parts), far beyond any annex workbook; it was not read.' },
  'open.file-too-large': { 'zh-CN': '“{file}”超过 {limit}（此类文件大小的上限），远超任何附件工作簿，为防止占满内存未予读取。', 'en-US': '"{file}" is larger than {limit} (the size limit for this kind of file), far beyond any annex workbook; it was not read, to protect memory.' },
  'open.too-many-cells': { 'zh-CN': '“{file}”的工作表合计含有超过 {limit} 个单元格（单元格个数的上限；只有格式的空白单元格、超链接覆盖的单元格、共享文字和样式条目也计入），超出可检查的范围；请只保留需要检查的工作表后再检查。', 'en-US': '"{file}" holds more than {limit} cells in its sheets (the limit on cells; formatted blank cells, cells under hyperlinks, shared strings and style entries count too), beyond what we check; keep only the sheets to check and try again.' },
  'open.bad-xml': { 'zh-CN': '“{file}”的部件“{part}”在第 {position} 个字节处不完整或格式错误，无法可靠地确定工作簿的内容，未予处理；请在 Excel 或 WPS 中打开并重新保存后再试。', 'en-US': 'The part "{part}" of "{file}" is cut off or malformed at byte {position}, so what the workbook holds cannot be known reliably; it was not processed. Open it in Excel or WPS, save it again and try again.' },
  'open.too-many-merges': { 'zh-CN': '“{file}”的一个工作表含有超过 {limit} 个合并区域，超出可检查的上限。', 'en-US': '"{file}" has a sheet with more than {limit} merged areas, beyond what we check.' },
  'open.unreadable': { 'zh-CN': '“{file}”的内容不符合我们能读取的任何电子表格格式；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查。', 'en-US': '"{file}" does not follow any spreadsheet format we can read; open it in Excel or WPS, save it as .xlsx and check it again.' },
  'open.unwritable': { 'zh-CN': '“{file}”的工作簿结构无法安全地添加汇总表（{part} 缺失或无法解析），原文件未改动。', 'en-US': 'Summary sheets cannot be added safely to "{file}" ({part} is missing or cannot be parsed); nothing was written.' },
  'open.converted': { 'zh-CN': '“{file}”是 {format} 文件，不能原样保留；汇总副本另存为 .xlsx，含各表的数值、公式、数字格式和合并单元格，原文件的样式、图表等未带入。', 'en-US': '"{file}" is a {format} file, which cannot be kept as it is; the copy is written as .xlsx with each sheet\'s values, formulas, number formats and merged cells, without the original\'s styles or charts.' },
  'open.macroExtension': { 'zh-CN': '“{file}”含有宏，副本保存为“{out}”（扩展名 .xlsm，Excel 才能打开并保留宏）。', 'en-US': '"{file}" contains macros; the copy was saved as "{out}" (a .xlsm name, so that Excel opens it and keeps the macros).' },
} as const;

export type UiKey = keyof typeof UI;

type Catalogue = typeof UI;
/** A placeholder as `fillTemplate` reads it (`{name}`, word characters only): a JSON example in a text is none. */
type ParamName<K extends string> = K extends `${string}${' ' | '"' | ':' | '{'}${string}` ? never : K;

/**
 * Each text's parameters, typed from its two templates like `FindingParams`: a call that forgets one, or passes
 * one the texts do not use, does not compile.
 */
export type UiParams = {
  readonly [K in UiKey]: string extends Catalogue[K]['zh-CN'] | Catalogue[K]['en-US']
    ? Params // a text built at load time (not a literal) is not checked
    : { readonly [P in ParamName<Placeholders<Catalogue[K]['zh-CN']> | Placeholders<Catalogue[K]['en-US']>>]: ParamValue };
};

/** A text's parameter list: optional (and empty) when its templates have no placeholder. */
export type UiArgs<K extends UiKey> = string extends keyof UiParams[K]
  ? [params?: Params]
  : keyof UiParams[K] extends never
    ? [params?: Readonly<Record<string, never>>]
    : [params: UiParams[K]];

/** The text `key` in `lang`, its parameters checked against its templates. */
export function t<K extends UiKey>(key: K, lang: Lang = 'zh-CN', ...[params]: UiArgs<K>): string {
  return fillTemplate(UI[key][lang], (params ?? {}) as Params, lang);
}

/**
 * A text whose key was chosen at run time and whose parameters travel as data (a host's note or error, made
 * where it happened and rendered where it is shown). Prefer `t`, which checks the parameters.
 */
export function textOf(key: UiKey, lang: Lang, params: Params = {}): string {
  return fillTemplate(UI[key][lang], params, lang);
}
