/** User-facing text of the Office.js adapter (src/excel), part of the one UI catalogue. */
export const UI_EXCEL = {
  'excel.timeout': {
    'zh-CN': 'Excel 在 {seconds} 秒内没有响应，操作已停止。请稍后重试；若工作簿很大，可先关闭其他工作簿。',
    'en-US': 'Excel did not respond within {seconds} seconds; the operation was stopped. Try again later; with a very large workbook, close other workbooks first.',
  },
  'excel.busy': {
    'zh-CN': 'Excel 正忙（可能正在编辑单元格），{seconds} 秒内未能开始操作。请按 Enter 或 Esc 结束单元格编辑后重试。',
    'en-US': 'Excel is busy (perhaps a cell is being edited) and the operation could not start within {seconds} seconds. Press Enter or Esc to finish editing the cell, then try again.',
  },
  'excel.protected': {
    'zh-CN': '工作表或工作簿受保护，无法写入。请先撤销保护（“审阅”→“撤销工作表保护”/“保护工作簿”）后重试。',
    'en-US': 'The sheet or workbook is protected and cannot be changed. Unprotect it (Review → Unprotect Sheet / Protect Workbook) and try again.',
  },
  'excel.protectedSheet': {
    'zh-CN': '工作表“{sheet}”受保护，未做任何更改。请先撤销保护（“审阅”→“撤销工作表保护”）后重试。',
    'en-US': 'Sheet "{sheet}" is protected; nothing was changed. Unprotect it (Review → Unprotect Sheet) and try again.',
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
    'zh-CN': '当前 Excel 版本过旧（需要 ExcelApi 1.4 及以上），无法读取工作簿。',
    'en-US': 'This version of Excel is too old (ExcelApi 1.4 or later is needed) to read the workbook.',
  },
  'excel.req.conditionalFormats': {
    'zh-CN': '当前 Excel 版本不支持条件格式接口（ExcelApi 1.6），无法标记问题单元格。',
    'en-US': 'This version of Excel has no conditional-format API (ExcelApi 1.6), so finding cells cannot be marked.',
  },
  'excel.req.freezeLinks': {
    'zh-CN': '当前 Excel 版本不支持冻结窗格和超链接接口（ExcelApi 1.7），汇总表将不冻结表头、不加跳转链接。',
    'en-US': 'This version of Excel has no freeze-panes or hyperlink API (ExcelApi 1.7); summary sheets are written without frozen headers or links.',
  },
  'excel.req.pageLayout': {
    'zh-CN': '当前 Excel 版本不支持页面设置接口（ExcelApi 1.9），汇总表未设置 A4 横向、按页宽打印和打印标题行。',
    'en-US': 'This version of Excel has no page-layout API (ExcelApi 1.9); summary sheets are written without A4 landscape, fit-to-width and print titles.',
  },
  'excel.req.multiArea': {
    'zh-CN': '当前 Excel 版本不支持多区域范围（ExcelApi 1.9），问题单元格将逐块标记。',
    'en-US': 'This version of Excel has no multi-area ranges (ExcelApi 1.9); finding cells are marked block by block.',
  },
  'excel.req.mergedAreas': {
    'zh-CN': '当前 Excel 版本不支持读取合并单元格（ExcelApi 1.13），合并单元格按空白处理，部分检查可能不准确。',
    'en-US': 'This version of Excel cannot read merged areas (ExcelApi 1.13); merged cells are read as blank and some checks may be less accurate.',
  },
  'excel.note.renamed': {
    'zh-CN': '已有用户工作表名为“{wanted}”，汇总写入“{name}”。',
    'en-US': 'A user sheet is already named "{wanted}"; the summary was written to "{name}".',
  },
  'excel.note.tableRenamed': {
    'zh-CN': '已有名为“{wanted}”的表格，汇总表格命名为“{name}”。',
    'en-US': 'A table named "{wanted}" already exists; the summary table was named "{name}".',
  },
} as const;
