/** User-facing text of the Office.js adapter (src/excel), part of the one UI catalogue. */
export const UI_EXCEL = {
  'excel.timeout': {
    'zh-CN': 'Excel 在 {seconds} 秒内没有响应，操作已停止。请稍后重试；若工作簿很大，可先关闭其他工作簿。',
    'en-US': 'Excel did not respond within {seconds} seconds; the operation was stopped. Try again later; with a very large workbook, close other workbooks first.',
  },
  'excel.busy': {
    'zh-CN': 'Excel 正忙（可能正在编辑单元格），{seconds} 秒内未能开始操作，工作簿未被更改。请按 Enter 或 Esc 结束单元格编辑后重试。',
    'en-US': 'Excel is busy (perhaps a cell is being edited) and the operation could not start within {seconds} seconds; the workbook was not changed. Press Enter or Esc to finish editing the cell, then try again.',
  },
  'excel.protected': {
    'zh-CN': '工作表或工作簿受保护，无法写入。请先撤销保护（“审阅”→“撤销工作表保护”/“保护工作簿”）后重试。',
    'en-US': 'The sheet or workbook is protected and cannot be changed. Unprotect it (Review → Unprotect Sheet / Protect Workbook) and try again.',
  },
  'excel.nameClash': {
    'zh-CN': '工作簿中已有同名的工作表、名称或表格，无法写入汇总。请重命名冲突的项目后重试。',
    'en-US': 'The workbook already has a sheet, name or table with the same name, so the summary could not be written. Rename the conflicting item and try again.',
  },
  'excel.payloadTooLarge': {
    'zh-CN': '数据量超出 Excel 单次传输的上限，分批处理后仍未成功。请删除多余的空行空列或拆分工作表后重试。',
    'en-US': 'The data exceeds what Excel can transfer at once, even in smaller batches. Delete unused rows and columns or split the sheet, then try again.',
  },
  'excel.general': {
    'zh-CN': 'Excel 暂时无法完成此操作（内部错误）。请保存工作簿后重试；如仍失败，可改用“文件模式”检查。',
    'en-US': 'Excel could not complete the operation (internal error). Save the workbook and try again; if it still fails, check the file in file mode instead.',
  },
  'excel.notFound': {
    'zh-CN': '找不到工作表或单元格（可能已被重命名或删除）。请重新检查后再试。',
    'en-US': 'The sheet or cell could not be found (it may have been renamed or deleted). Run the check again.',
  },
  'excel.unsupported': {
    'zh-CN': '当前 Excel 版本不支持此功能（需要 {feature}）。请升级到 Microsoft 365 或 Excel 2021 及以上版本。',
    'en-US': 'This version of Excel does not support this feature (it needs {feature}). Upgrade to Microsoft 365 or Excel 2021 or later.',
  },
  'excel.notInExcel': {
    'zh-CN': '未在 Excel 中运行，无法访问当前工作簿。请改用“文件模式”打开 .xlsx 文件。',
    'en-US': 'Not running inside Excel, so the open workbook cannot be reached. Use file mode to open an .xlsx file instead.',
  },
  'excel.unexpected': {
    'zh-CN': '访问 Excel 时发生意外错误，操作未完成。请重试。',
    'en-US': 'An unexpected error occurred while working with Excel; the operation did not complete. Please try again.',
  },
  'excel.req.core': {
    'zh-CN': '当前 Excel 版本过旧（需要 ExcelApi {version} 及以上），无法读取工作簿。请升级到 Microsoft 365 或 Excel 2021 及以上版本。',
    'en-US': 'This version of Excel is too old (ExcelApi {version} or later is needed) to read the workbook. Upgrade to Microsoft 365 or Excel 2021 or later.',
  },
  'excel.req.mergedAreas': {
    'zh-CN': '当前 Excel 版本不支持读取合并单元格（ExcelApi 1.13），合并单元格按空白处理，部分检查可能不准确。',
    'en-US': 'This version of Excel cannot read merged areas (ExcelApi 1.13); merged cells are read as blank and some checks may be less accurate.',
  },
  'excel.cellEdit': {
    'zh-CN': 'Excel 正在编辑单元格，暂时不能操作工作簿，工作簿未被更改。请按 Enter 或 Esc 结束编辑后重试。',
    'en-US': 'Excel is editing a cell and cannot work on the workbook right now; the workbook was not changed. Press Enter or Esc to finish editing, then try again.',
  },
  'excel.rejected': {
    'zh-CN': 'Excel 当前不允许此操作（例如正在编辑单元格、打开了对话框，或对象受保护）。请结束编辑、关闭对话框后重试。',
    'en-US': 'Excel does not allow this operation right now (for example a cell is being edited, a dialog is open, or the object is protected). Finish editing, close any dialog and try again.',
  },
  'excel.conflict': {
    'zh-CN': '工作簿正被他人同时编辑，更改发生冲突，操作未完成。请稍后重试。',
    'en-US': 'Someone else is editing the workbook at the same time and the change conflicted; the operation did not complete. Try again in a moment.',
  },
  'excel.mergedConflict': {
    'zh-CN': '要写入的区域与合并单元格、表格或数据透视表重叠，操作未完成。请检查汇总表位置是否被占用后重试。',
    'en-US': 'The range to write overlaps merged cells, a table or a PivotTable; the operation did not complete. Check that the summary area is free and try again.',
  },
  'excel.hiddenSheet': {
    'zh-CN': '工作表“{sheet}”已隐藏，无法转到其中的单元格。请先取消隐藏该工作表（右键工作表标签→“取消隐藏”）。',
    'en-US': 'Sheet "{sheet}" is hidden, so its cells cannot be shown. Unhide it first (right-click a sheet tab → Unhide).',
  },
  'excel.officeJsMissing': {
    'zh-CN': 'Office.js 未能加载（{url}），无法访问当前工作簿。请确认本机能访问该地址；内网环境请管理员按部署说明改用内网服务器上的 Office.js。',
    'en-US': 'Office.js could not be loaded ({url}), so the open workbook cannot be reached. Check that this computer can reach that address; on an intranet, ask your administrator to serve Office.js from the intranet server (see the deployment guide).',
  },
  'excel.oldWebview': {
    'zh-CN': '此 Office 使用的浏览器组件过旧（{engine}），无法运行附件审核助手（至少需要 {floor}）。请将 Office 更新到 Microsoft 365 当前版本或 Office 2021 及以上（Windows 上使用 WebView2；Mac 上请同时更新 macOS），或改用 Excel 网页版。',
    'en-US': 'This Office uses an outdated browser component ({engine}) that cannot run Annex Auditor (it needs at least {floor}). Update Office to a current Microsoft 365 or Office 2021 or later (WebView2 on Windows; on a Mac, update macOS too), or use Excel on the web.',
  },
  'excel.note.marksSkippedProtected': {
    'zh-CN': '工作表“{sheet}”受保护，未标记其中的问题单元格；校验结果不受影响。',
    'en-US': 'Sheet "{sheet}" is protected, so its finding cells were not marked; the check results are complete.',
  },
  'excel.note.marksSkippedUnreadable': {
    'zh-CN': 'Excel 无法读取工作表“{sheet}”已有的条件格式（Excel 的已知问题），未在该表标记问题单元格；校验结果不受影响。',
    'en-US': 'Excel could not read the existing conditional formats of sheet "{sheet}" (a known Excel issue), so its finding cells were not marked; the check results are complete.',
  },
  'excel.note.clearSkippedProtected': {
    'zh-CN': '工作表“{sheet}”受保护，其中的标记未清除。撤销保护后可再次清除。',
    'en-US': 'Sheet "{sheet}" is protected, so its marks were not cleared. Unprotect it and clear again.',
  },
  'excel.note.clearSkippedUnreadable': {
    'zh-CN': 'Excel 无法读取工作表“{sheet}”的条件格式（Excel 的已知问题），其中的标记未清除。',
    'en-US': 'Excel could not read the conditional formats of sheet "{sheet}" (a known Excel issue), so its marks were not cleared.',
  },
  'excel.note.marksFailed': {
    'zh-CN': '未能标记问题单元格，校验结果不受影响。原因：{reason}',
    'en-US': 'Finding cells could not be marked; the check results are complete. Reason: {reason}',
  },
  'excel.note.summariesProtected': {
    'zh-CN': '工作簿结构受保护，未写入汇总表，工作簿未被更改。请撤销“保护工作簿”后再重算汇总。',
    'en-US': 'The workbook structure is protected, so no summary sheet was written and the workbook was not changed. Unprotect the workbook, then recompute the summary.',
  },
  'excel.note.summariesFailed': {
    'zh-CN': '未写入汇总表，工作簿未被更改。原因：{reason}',
    'en-US': 'No summary sheet was written; the workbook was not changed. Reason: {reason}',
  },
  'excel.note.summariesPartial': {
    'zh-CN': '汇总表未全部写完：“{sheets}”可能不完整或未建成（上次的汇总表可能已删除），请再次“重算汇总”。原文工作表未被改动。原因：{reason}',
    'en-US': 'The summary sheets were not completed: "{sheets}" may be incomplete or missing (the previous summary sheets may have been removed); recompute the summary again. The source sheets were not changed. Reason: {reason}',
  },
  'excel.note.pageLayoutSkipped': {
    'zh-CN': 'Excel 未接受汇总表的页面设置（A4、按页宽打印、打印标题），“{sheets}”按默认页面设置写入。',
    'en-US': 'Excel did not accept the summary sheets\' page setup (A4, fit to width, print titles); "{sheets}" keep the default page setup.',
  },
  'excel.note.manualCalc': {
    'zh-CN': '工作簿为手动计算模式：已先重新计算（相当于按 F9）再校验。写入的汇总公式不会自动更新，修改数据后请按 F9。',
    'en-US': 'The workbook uses manual calculation: it was recalculated first (as F9 does) before checking. Written summary formulas do not update by themselves; press F9 after changing data.',
  },
  'excel.note.manualCalcStale': {
    'zh-CN': '工作簿为手动计算模式，且未能重新计算：公式单元格的值可能不是最新的。请按 F9 后再校验。',
    'en-US': 'The workbook uses manual calculation and could not be recalculated: formula results may be out of date. Press F9, then check again.',
  },
  'excel.note.writeTimedOut': {
    'zh-CN': 'Excel 在 {seconds} 秒内没有完成写入（可能正在编辑单元格）。已发出的更改可能在 Excel 空闲后才生效；请稍后再运行一次，以确保标记和汇总完整。校验结果不受影响。',
    'en-US': 'Excel did not finish writing within {seconds} seconds (perhaps a cell is being edited). Changes already sent may still apply once Excel is idle; run the action again later so marks and summaries are complete. The check results are complete.',
  },
  'selftest.title': { 'zh-CN': '附件审核助手 自检', 'en-US': 'Annex Auditor self-test' },
  'selftest.step.addSheet': { 'zh-CN': '新建临时隐藏工作表', 'en-US': 'Add a temporary hidden sheet' },
  'selftest.step.write': { 'zh-CN': '写入值、公式、数字格式、合并、列宽、超链接', 'en-US': 'Write values, formulas, number formats, a merge, column width, a link' },
  'selftest.step.read': { 'zh-CN': '读取已用区域、值、公式和数字格式', 'en-US': 'Read the used range, values, formulas and number formats' },
  'selftest.step.mergedAreas': { 'zh-CN': '读取合并单元格（ExcelApi 1.13）', 'en-US': 'Read merged areas (ExcelApi 1.13)' },
  'selftest.step.conditionalFormats': { 'zh-CN': '条件格式：添加、读取、删除', 'en-US': 'Conditional formats: add, read, delete' },
  'selftest.step.names': { 'zh-CN': '名称：添加、读取、删除', 'en-US': 'Names: add, read, delete' },
  'selftest.step.table': { 'zh-CN': '新建表格', 'en-US': 'Add a table' },
  'selftest.step.freeze': { 'zh-CN': '冻结标题行', 'en-US': 'Freeze the title row' },
  'selftest.step.pageLayout': { 'zh-CN': '页面设置（A4 横向、按页宽打印、打印标题）', 'en-US': 'Page setup (A4 landscape, fit to width, print titles)' },
  'selftest.step.calculation': { 'zh-CN': '读取计算模式', 'en-US': 'Read the calculation mode' },
  'selftest.step.protection': { 'zh-CN': '读取工作簿和工作表保护状态', 'en-US': 'Read workbook and sheet protection' },
  'selftest.step.select': { 'zh-CN': '激活工作表并选中单元格', 'en-US': 'Activate a sheet and select a cell' },
  'selftest.step.removeSheet': { 'zh-CN': '删除临时工作表', 'en-US': 'Remove the temporary sheet' },
  'selftest.pass': { 'zh-CN': '通过', 'en-US': 'pass' },
  'selftest.fail': { 'zh-CN': '失败', 'en-US': 'FAIL' },
  'selftest.skipped': { 'zh-CN': '未运行', 'en-US': 'not run' },
  'selftest.allPassed': { 'zh-CN': '自检完成：{passed}/{total} 项通过。', 'en-US': 'Self-test done: {passed}/{total} passed.' },
  'selftest.someFailed': { 'zh-CN': '自检完成：{passed}/{total} 项通过，{failed} 项失败。请把结果复制给管理员。', 'en-US': 'Self-test done: {passed}/{total} passed, {failed} failed. Copy the result for your administrator.' },
  'selftest.notInExcel': {
    'zh-CN': '未在 Excel 中运行（当前为浏览器文件模式），无法测试 Excel 接口。请在 Excel 中打开本加载项后再自检。',
    'en-US': 'Not running in Excel (this is file mode in a browser), so the Excel APIs cannot be tested. Open the add-in in Excel and run the self-test there.',
  },
  'selftest.leftover': { 'zh-CN': '临时工作表“{sheet}”未能删除，请手动删除（右键工作表标签→“取消隐藏”后删除）。', 'en-US': 'The temporary sheet "{sheet}" could not be removed; delete it yourself (right-click a sheet tab → Unhide, then delete).' },
  'selftest.leftoverUncertain': {
    'zh-CN': '新建临时工作表时 Excel 没有响应（可能正在编辑单元格），Excel 可能稍后仍会建立临时工作表“{sheet}”。如看到它，请手动删除（右键工作表标签→“取消隐藏”后删除）。',
    'en-US': 'Excel did not answer while the temporary sheet was being added (perhaps a cell is being edited), so it may still add the sheet "{sheet}" later. If you see it, delete it yourself (right-click a sheet tab → Unhide, then delete).',
  },
  'selftest.leftoverEarlier': {
    'zh-CN': '工作簿中有以前自检留下的临时工作表：{sheets}（例如自检时正在编辑单元格）。请手动删除（右键工作表标签→“取消隐藏”后删除）。',
    'en-US': 'The workbook holds temporary sheets an earlier self-test left behind: {sheets} (for example while a cell was being edited). Delete them yourself (right-click a sheet tab → Unhide, then delete).',
  },
  'selftest.env.office': { 'zh-CN': 'Office 版本', 'en-US': 'Office version' },
  'selftest.env.platform': { 'zh-CN': '平台', 'en-US': 'Platform' },
  'selftest.env.host': { 'zh-CN': '应用', 'en-US': 'Host' },
  'selftest.env.sets': { 'zh-CN': '支持的接口集', 'en-US': 'Requirement sets' },
  'selftest.env.manifest': { 'zh-CN': '加载项要求 ExcelApi {version}', 'en-US': 'the add-in needs ExcelApi {version}' },
  'selftest.env.webview': { 'zh-CN': '浏览器组件', 'en-US': 'Webview' },
  'excel.note.renamed': {
    'zh-CN': '已有用户工作表名为“{wanted}”，汇总写入“{name}”。',
    'en-US': 'A user sheet is already named "{wanted}"; the summary was written to "{name}".',
  },
  'excel.note.truncated': {
    'zh-CN': '工作表“{sheet}”中有 {count} 个单元格的文字超过 Excel 的上限 32,767 个字符，已截断并以“{mark}”结尾：{cells}。',
    'en-US': '{count} cells of the sheet "{sheet}" held more than Excel\'s limit of 32,767 characters; they were cut and end in "{mark}": {cells}.',
  },
  'excel.note.tableRenamed': {
    'zh-CN': '已有名为“{wanted}”的表格，汇总表格命名为“{name}”。',
    'en-US': 'A table named "{wanted}" already exists; the summary table was named "{name}".',
  },
} as const;
