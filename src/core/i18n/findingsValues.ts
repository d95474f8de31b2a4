/**
 * Finding codes of the generic checks every kind gets from the types its spec declares (src/core/genericTable.ts,
 * src/core/columnTypes.ts): how a value written in words was read, dates, percentages, totals. Merged into the
 * one catalogue in `findings.ts`.
 */
import { type FindingSpec, spec } from './spec';

export const FINDINGS_VALUES = {
  'cell/read-as': spec('info',
    '数值写成了文字（中文数字、带量词、百分之…、夹在文字中），按唯一合理的读法读取并参与核对', 'A number written in words (Chinese numerals, with a measure word, 百分之…, inside text) is read the one plausible way and used in the checks',
    '“{column}”写作“{actual}”，按{value}读取并参与核对。', '"{column}" reads "{actual}"; taken as {value} in the checks.', 'as-text'),
  'cell/not-a-date': spec('info',
    '时限列的内容既不是日期也不是常见的时限写法：该格不按日期核对', 'A deadline cell is neither a date nor a usual deadline phrase: it is not checked as a date',
    '“{column}”应为日期或时限，实际为“{actual}”，未按日期核对。', '"{column}" should be a date or a deadline but holds "{actual}"; it was not checked as a date.', 'unreadable'),
  'cell/mark-unknown': spec('warning',
    '标记列中既不是勾（√ ✓ ✔ ☑）也不是空白或“×”的内容：该格不计数', 'A tick column holds something that is neither a tick (√ ✓ ✔ ☑) nor blank or ×: it is not counted',
    '“{column}”应为“√”或空白，实际为“{actual}”，未计数。', '"{column}" should hold √ or nothing but holds "{actual}"; it was not counted.', 'unreadable'),
  'cell/word-unknown': spec('info',
    '用词列中不在约定用词内的词：照录，不据此报错', 'A word outside a column\'s agreed words: kept as written, never an error by itself',
    '“{column}”写作“{actual}”，不在约定的用词（{words}）中。', '"{column}" reads "{actual}", which is not one of its words ({words}).', 'unreadable'),
  'cell/percent-range': spec('error',
    '百分比不应为负数', 'A percentage is not negative',
    '“{column}”为{actual}，百分比不应为负数。', '"{column}" is {actual}; a percentage cannot be negative.', 'range'),
  'structure/table-below': spec('info',
    '表格下方隔空行另起的一张表（表头只有文字）不作为本表数据读取，说明一次', 'Another table below a table, after a blank row (a header of labels only), is not read as its rows, and said once',
    '本表下方第{row}行起另有一张表（“{text}”），不属于本表，未作为数据行读取。', 'Another table starts below this one at row {row} ("{text}"); it is not part of this table and was not read as its rows.'),
  'structure/stray-cells': spec('info',
    '离表格很远的零星内容（表格列之外，或表格下方隔开很远的单独一格）不作为数据行读取，说明一次', 'Stray content far from a table (right of its columns, or one lone cell far below it) is not read as a row, and said once',
    '{cells}离表格很远，不属于本表，未作为数据行读取；如是误留的内容，可以删除。', '{cells} lie far from the table and were not read as its rows; if they were left by mistake, delete them.'),
  'table/total-sum': spec('error',
    '合计行的数等于各数据行之和（按列的声明类型：个数列）', 'A total row equals the sum of the data rows (every column declared a count)',
    '合计行的“{column}”为{actual}，各数据行相加为{expected}。', 'The total row\'s "{column}" is {actual}; the data rows add up to {expected}.', 'total'),
  'table/subtotal-sum': spec('warning',
    '小计行的数等于其上一组数据行之和', 'A subtotal row equals the sum of the data rows of its group above it',
    '小计行的“{column}”为{actual}，其上一组数据行相加为{expected}。', 'The subtotal row\'s "{column}" is {actual}; the data rows of its group above add up to {expected}.', 'total'),
} as const satisfies Record<string, FindingSpec>;
