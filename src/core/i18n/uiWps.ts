/** User-facing text of the WPS 表格 adapter (src/wps), its ribbon and its pane mode; part of the one UI catalogue. */
export const UI_WPS = {
  'pane.subtitle.wps': { 'zh-CN': '在 WPS 表格中校验当前工作簿的附件表', 'en-US': 'Check the annex sheets of this workbook in WPS Spreadsheets' },
  'wps.ribbon.tab': { 'zh-CN': '附件审核', 'en-US': 'Annex audit' },
  'wps.ribbon.group': { 'zh-CN': '附件审核助手', 'en-US': 'Annex Auditor' },
  'wps.ribbon.open': { 'zh-CN': '打开审核助手', 'en-US': 'Open Annex Auditor' },
  'wps.ribbon.recompute': { 'zh-CN': '一键重算', 'en-US': 'Recompute' },
  'wps.ribbon.clear': { 'zh-CN': '清除标记', 'en-US': 'Clear marks' },
  'wps.ribbonUnavailable': {
    'zh-CN': '附件审核助手未能加载（文件缺失，或此 WPS 的浏览器组件过旧）。请升级 WPS Office，或请管理员检查加载项的发布地址。',
    'en-US': 'Annex Auditor could not load (files missing, or this WPS has an outdated browser component). Update WPS Office, or ask your administrator to check the add-in\'s address.',
  },
  'wps.oldWebview': {
    'zh-CN': '此 WPS 使用的浏览器组件过旧（{engine}），无法运行附件审核助手（至少需要 {floor}）。请将 WPS Office 升级到最新版本，或请管理员更新本机的 WPS。',
    'en-US': 'This WPS uses an outdated browser component ({engine}) that cannot run Annex Auditor (it needs at least {floor}). Update WPS Office to its latest version, or ask your administrator to update it on this computer.',
  },
  'wps.notInWps': {
    'zh-CN': '未在 WPS 表格中运行，无法访问工作簿。请在 WPS 表格的“附件审核”选项卡中打开审核助手。',
    'en-US': 'Not running in WPS Spreadsheets, so the workbook cannot be reached. Open Annex Auditor from the Annex audit tab in WPS Spreadsheets.',
  },
  'wps.noWorkbook': { 'zh-CN': 'WPS 表格中没有打开的工作簿。请先打开要校验的工作簿。', 'en-US': 'No workbook is open in WPS Spreadsheets. Open the workbook to check first.' },
  'wps.unsupported': {
    'zh-CN': '此版本的 WPS 表格缺少加载项所需的接口（{feature}），无法完成操作。请升级 WPS Office 后重试。',
    'en-US': 'This WPS Spreadsheets lacks an interface the add-in needs ({feature}), so the action cannot be done. Update WPS Office and try again.',
  },
  'wps.protected': { 'zh-CN': '工作表或工作簿受保护，WPS 拒绝了更改。请撤销保护后重试。', 'en-US': 'A sheet or the workbook is protected and WPS refused the change. Unprotect it and try again.' },
  'wps.hiddenSheet': { 'zh-CN': '工作表“{sheet}”已隐藏，无法跳转。请先取消隐藏该工作表。', 'en-US': 'Sheet "{sheet}" is hidden, so the cell cannot be shown. Unhide the sheet first.' },
  'wps.notFound': { 'zh-CN': '找不到工作表或单元格（可能已被删除或改名）。请重新校验。', 'en-US': 'The sheet or cell was not found (perhaps deleted or renamed). Check again.' },
  'wps.timeout': {
    'zh-CN': '读取工作簿超过 {seconds} 秒，已停止，工作簿未被更改。工作表可能过大（或整列设置了格式）：请删除多余的行列、拆分工作簿后重试，或在浏览器中用文件方式校验。',
    'en-US': 'Reading the workbook took longer than {seconds} seconds and was stopped; the workbook was not changed. The sheets may be too large (or formatted by whole columns): delete unused rows and columns or split the workbook and try again, or check the file in a browser.',
  },
  'wps.unexpected': { 'zh-CN': 'WPS 表格报告了意外错误，操作未完成。请重试；若仍失败，请保存工作簿后重新打开。', 'en-US': 'WPS Spreadsheets reported an unexpected error and the action was not done. Try again; if it keeps failing, save and reopen the workbook.' },
  'wps.note.mergedAreasUnsupported': {
    'zh-CN': '此版本的 WPS 表格无法读取合并单元格（MergeCells/MergeArea），合并单元格按空白处理，部分检查可能不准确。请升级 WPS Office。',
    'en-US': 'This WPS Spreadsheets cannot report merged cells (MergeCells/MergeArea), so merged cells read as blank and some checks may be off. Update WPS Office.',
  },
  'wps.note.numberFormatsUnsupported': {
    'zh-CN': '此版本的 WPS 表格无法读取数字格式，日期和百分比按数值检查。',
    'en-US': 'This WPS Spreadsheets cannot report number formats, so dates and percentages are checked as plain numbers.',
  },
  'wps.note.marksUnsupported': {
    'zh-CN': '此版本的 WPS 表格不支持条件格式接口（FormatConditions），未标记问题单元格；校验结果不受影响。',
    'en-US': 'This WPS Spreadsheets has no conditional-format interface (FormatConditions), so finding cells were not marked; the check results are complete.',
  },
  'wps.note.namesUnsupported': {
    'zh-CN': '此版本的 WPS 表格不支持名称接口（Names），汇总表无法标记为本助手所建：再次重算会另建一份，请手动删除旧的汇总表。',
    'en-US': 'This WPS Spreadsheets has no Names interface, so the summary sheets cannot be tagged as ours: recomputing adds another copy; delete the old summary sheets yourself.',
  },
  'wps.note.tableSkipped': {
    'zh-CN': 'WPS 未能在“{sheet}”上建立表格（筛选），汇总数据已写入，仅缺少筛选按钮。',
    'en-US': 'WPS could not add a table (with filters) on "{sheet}"; the summary data is written, only the filter buttons are missing.',
  },
  'wps.note.freezeSkipped': {
    'zh-CN': 'WPS 未能冻结“{sheet}”的标题行，汇总数据不受影响。',
    'en-US': 'WPS could not freeze the title rows of "{sheet}"; the summary data is not affected.',
  },
  'wps.note.chartsSkipped': {
    'zh-CN': '此版本 WPS 不支持插入图表（ChartObjects / Shapes.AddChart2），工作表“{sheet}”未添加图表；表格与公式不受影响。',
    'en-US': 'This WPS build cannot add charts (ChartObjects / Shapes.AddChart2): sheet "{sheet}" has no chart; its tables and formulas are complete.',
  },
  'wps.note.pageSetupSkipped': {
    'zh-CN': 'WPS 未接受汇总表的页面设置（A4、按页宽打印、打印标题），“{sheets}”按默认页面设置写入。',
    'en-US': 'WPS did not accept the summary sheets\' page setup (A4, fit to width, print titles); "{sheets}" keep the default page setup.',
  },
  'wps.note.marksSkippedProtected': {
    'zh-CN': '工作表“{sheet}”受保护，未标记其中的问题单元格；校验结果不受影响。',
    'en-US': 'Sheet "{sheet}" is protected, so its finding cells were not marked; the check results are complete.',
  },
  'wps.note.clearSkippedProtected': {
    'zh-CN': '工作表“{sheet}”受保护，其中的标记未清除。撤销保护后可再次清除。',
    'en-US': 'Sheet "{sheet}" is protected, so its marks were not cleared. Unprotect it and clear again.',
  },
  'wps.note.marksFailed': { 'zh-CN': '未能标记问题单元格，校验结果不受影响。原因：{reason}', 'en-US': 'Finding cells could not be marked; the check results are complete. Reason: {reason}' },
  'wps.note.summariesProtected': {
    'zh-CN': '工作簿结构受保护，未写入汇总表，工作簿未被更改。请撤销“保护工作簿”后再重算汇总。',
    'en-US': 'The workbook structure is protected, so no summary sheet was written and the workbook was not changed. Unprotect the workbook, then recompute the summary.',
  },
  'wps.note.summariesFailed': {
    'zh-CN': '汇总表未全部写完：“{sheets}”可能不完整，请再次“重算汇总”。原文工作表未被改动。原因：{reason}',
    'en-US': 'The summary sheets were not completed: "{sheets}" may be incomplete; recompute the summary again. The source sheets were not changed. Reason: {reason}',
  },
  'wps.note.manualCalc': {
    'zh-CN': '工作簿为手动计算模式：已先重新计算（相当于按 F9）再校验。写入的汇总公式不会自动更新，修改数据后请按 F9。',
    'en-US': 'The workbook uses manual calculation: it was recalculated first (as F9 does) before checking. Written summary formulas do not update by themselves; press F9 after changing data.',
  },
  'wps.selftest.notInWps': {
    'zh-CN': '未在 WPS 表格中运行，无法测试 WPS 接口。请在 WPS 表格中打开本加载项后再自检。',
    'en-US': 'Not running in WPS Spreadsheets, so the WPS interfaces cannot be tested. Open the add-in in WPS Spreadsheets and run the self-test there.',
  },
  'wps.selftest.env.app': { 'zh-CN': 'WPS 版本', 'en-US': 'WPS version' },
  'wps.selftest.env.interfaces': { 'zh-CN': '缺少的接口', 'en-US': 'Missing interfaces' },
  'wps.selftest.step.mergedAreas': { 'zh-CN': '读取合并单元格（MergeCells、MergeArea）', 'en-US': 'Read merged areas (MergeCells, MergeArea)' },
  'wps.selftest.step.table': { 'zh-CN': '新建表格（ListObjects）', 'en-US': 'Add a table (ListObjects)' },
} as const;
