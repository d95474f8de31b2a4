import { execNotAfter } from '../../src/core/regex';
import { dateProblems, yearFromTitle } from '../../src/core/dates';

describe('dateProblems: valid dates', () => {
  it.each([
    '5月9日，到省发改委汇报。',
    '8月18日-19日，廖主任带队到省地方金融监管局汇报。',
    '4月27日--29日，刘珍瑜常务副州长带队汇报。',
    '5月26日、8月23日至25日，分管县长带队到省局汇报。',
    '9月21-27日，在省教育厅调研期间交流。',
    '5月30至31日，迎接省局“走流程”检查。',
    '７月１日—３日，与州教体局对接。',
    '９月1９日，廖良辉书记带队到省科技厅汇报工作。',
    '2月16-17日、 6月12-15日、6月20-21日、8月19-20日，4次带队汇报。',
    '12月31日-1月2日，跨月的连续检查。',
    '3月10、11日，给省厅厅长作了汇报。',
  ])('%s → no problem', (text) => {
    expect(dateProblems(text, 2022)).toEqual([]);
  });

  it.each(['1-9月，民间投资占比为50%。', '4月、5月、7月，县信访局局长带队对接。', '4--6月，局长多次对接汇报。', '10月中下旬印发，9月底前完成。'])(
    'month ranges and vague dates produce nothing: %s',
    (text) => {
      expect(dateProblems(text, 2022)).toEqual([]);
    },
  );
});

describe('dateProblems: invalid dates', () => {
  it('reports a month that does not exist', () => {
    expect(dateProblems('28月16日，覃振华副局长带队到省市场监管局汇报。', 2022)).toEqual([{ kind: 'invalid', text: '28月16日' }]);
  });

  it('reports a day past the end of the month', () => {
    expect(dateProblems('2月30日召开推进会', 2022)).toEqual([{ kind: 'invalid', text: '2月30日' }]);
    expect(dateProblems('9月31日上报', 2022)).toEqual([{ kind: 'invalid', text: '9月31日' }]);
  });

  it('knows leap years: 2月29日 is invalid in 2022 and valid in 2024', () => {
    expect(dateProblems('2月29日对接', 2022)).toEqual([{ kind: 'invalid', text: '2月29日' }]);
    expect(dateProblems('2月29日对接', 2024)).toEqual([]);
  });

  it('reports a range that runs backwards', () => {
    expect(dateProblems('5月9-3日，到省厅汇报', 2022)).toEqual([{ kind: 'invalid', text: '5月9-3日' }]);
  });

  it('reports a range whose end day does not exist', () => {
    const p = dateProblems('6月29日-31日，专题调研', 2022);
    expect(p).toHaveLength(1);
    expect(p[0]?.kind).toBe('invalid');
  });

  it('finds each bad date among good ones', () => {
    const p = dateProblems('5月9日、2月30日、6月1日、13月2日', 2022);
    expect(p.map((x) => x.text)).toEqual(['2月30日', '13月2日']);
  });

  it('reads full-width digits when checking', () => {
    const p = dateProblems('２月３０日召开推进会', 2022);
    expect(p).toHaveLength(1);
    expect(p[0]?.kind).toBe('invalid');
  });

  // The DateProblem contract says `text` is "the text as written"; full-width input comes back half-width,
  // so the user cannot find the quoted text in the cell with Excel's Find.
  it('quotes a full-width date as it was written', () => {
    expect(dateProblems('２月３０日召开推进会', 2022)).toEqual([{ kind: 'invalid', text: '２月３０日' }]);
  });
});

describe('dateProblems: malformed dates', () => {
  it('reports 月 typed for 日 and suggests the date', () => {
    expect(dateProblems('9月1月—2日，局长张世友到省信访局相关处室汇报。', 2022)).toEqual([
      { kind: 'malformed', text: '9月1月', suggestion: '9月1日' },
    ]);
  });

  it('does not call 月份 / 月底 phrases malformed', () => {
    expect(dateProblems('9月10月份完成', 2022)).toEqual([]);
    expect(dateProblems('3月5月底前完成', 2022)).toEqual([]);
  });

  it('does not suggest a date that does not exist', () => {
    expect(dateProblems('2月30月', 2022).filter((p) => p.kind === 'malformed')).toEqual([]);
  });
});

describe('yearFromTitle', () => {
  it('reads the year from the first title that states one', () => {
    expect(yearFromTitle(['附件1', '2022年省政府真抓实干激励事项研判统计表', '统计截止10月10日'])).toBe(2022);
    expect(yearFromTitle(['2023年工作要点', '2022年省政府真抓实干'])).toBe(2023);
  });

  it('reads full-width digits', () => {
    expect(yearFromTitle(['２０２４年重点工作推进情况'])).toBe(2024);
  });

  it('gives null when no title states a year', () => {
    expect(yearFromTitle([])).toBeNull();
    expect(yearFromTitle(['附件1', '统计截止10月10日'])).toBeNull();
    expect(yearFromTitle(['共2022项'])).toBeNull();
  });

  it('does not mutate its input', () => {
    const titles = Object.freeze(['附件3', '2022年省政府真抓实干激励事项研判分析表']);
    expect(yearFromTitle(titles)).toBe(2022);
    expect(titles).toEqual(['附件3', '2022年省政府真抓实干激励事项研判分析表']);
  });
});

describe('execNotAfter (lookbehind without lookbehind syntax, for EdgeHTML 18)', () => {
  it('skips a match that continues another number and retries one character on', () => {
    const re = /(\d{1,2})月/g;
    const found: string[] = [];
    let m: RegExpExecArray | null;
    while ((m = execNotAfter(re, '12.3月，123月，5月', /[\d.]/)) !== null) found.push(m[0]);
    expect(found).toEqual(['5月']);
  });

  it('guards a group inside the match when told where it starts', () => {
    const re = /([a-z]*)(\d)/g;
    const m = execNotAfter(re, 'x1y', /\d/, (x) => (x[1] ?? '').length);
    expect(m?.[0]).toBe('x1');
  });
});
