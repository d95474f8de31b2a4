/**
 * Counts stated in 附件4 narratives. The phrasings are copied from samples/incentive-2022.xlsx, 附件4 column C.
 */
import { checkStatement, type CountStatement, mentionsIn, parseCountStatements, statedRates } from '../../src/core/annexes/progress-report/counts';

function only(text: string): CountStatement {
  const ss = parseCountStatements(text);
  expect(ss).toHaveLength(1);
  return ss[0] as CountStatement;
}

describe('mentionsIn', () => {
  it('reads counts with their level', () => {
    expect(mentionsIn('共有考核指标5大项12子项').map((m) => [m.value, m.level])).toEqual([
      [5, 'major'],
      [12, 'minor'],
    ]);
    expect(mentionsIn('15个二级指标').map((m) => [m.value, m.level])).toEqual([[15, 'minor']]);
    expect(mentionsIn('共四大类15小项').map((m) => [m.value, m.level])).toEqual([
      [4, 'major'],
      [15, 'minor'],
    ]);
  });

  it('reads Chinese numerals and full-width digits as counts', () => {
    expect(mentionsIn('共有五大项').map((m) => m.value)).toEqual([5]);
    expect(mentionsIn('共有考核指标六项').map((m) => m.value)).toEqual([6]);
  });

  it('does not take 项目, 个月 or 个人 for counts', () => {
    expect(mentionsIn('今年新开工3项目')).toEqual([]);
    expect(mentionsIn('持续3个月')).toEqual([]);
    expect(mentionsIn('一行4个人到州信访局汇报')).toEqual([]);
  });
});

describe('parseCountStatements + checkStatement: complete statements that add up', () => {
  it('共N项，已完成a项，未完成b项', () => {
    const s = only('共有考核指标10项，截止目前已完成2项，未完成8项，未完成事项具体为：财政收入组织、盘活存量资金资产资源。');
    expect(s.total).toEqual({ bare: 10 });
    expect(s.done).toEqual({ bare: 2 });
    expect(s.undone).toEqual({ bare: 8 });
    expect(checkStatement(s)).toEqual({ status: 'ok', level: 'bare', total: 10, done: 2 });
  });

  it('大项/子项 totals with 大项/小项 parts check at the minor level', () => {
    const s = only('共有考核指标5大项12子项，截止目前已完成4大项10小项，未完成2小项，未完成事项具体为：用工实名制管理、工资专用账户相关制度落实率均未达100%。');
    expect(s.total).toEqual({ major: 5, minor: 12 });
    expect(checkStatement(s)).toEqual({ status: 'ok', level: 'minor', total: 12, done: 10 });
  });

  it('a total stated at two levels in two clauses, bare parts resolved to the level that adds up', () => {
    const s = only('共有考核指标4大项，15个二级指标。截止目前已完成2项，未完成13项，完成事项具体为：耕保任务四。');
    expect(s.total).toEqual({ major: 4, minor: 15 });
    expect(checkStatement(s)).toEqual({ status: 'ok', level: 'minor', total: 15, done: 2 });
  });

  it('3大项12小项 with bare parts', () => {
    const s = only('共有考核指标3大项12小项，截止目前已完成4项，未完成8项，有序推进8项。未完成事项具体为：信贷投放；');
    expect(checkStatement(s)).toMatchObject({ status: 'ok', total: 12, done: 4 });
  });

  it('undone stated before its verb (`2项未完成`)', () => {
    const s = only('共有5项考核指标，其中完成3项，2项未完成。');
    expect(checkStatement(s)).toEqual({ status: 'ok', level: 'bare', total: 5, done: 3 });
  });

  it('an exclusion (`除8项附加项外`) is taken off the total, and the breakdown is kept', () => {
    const s = only(
      '该项指标省直单位考核指标41项，除8项附加项外，截止目前，基本或可以完成22项，未完成11项（难度较大8项，不太可能2项）。具体为：推广三明医改经验1项，构建有序诊疗新秩序5项，推动公立医院改革5项。',
    );
    expect(s.total).toEqual({ bare: 41 });
    expect(s.exclude).toBe(8);
    expect(s.done).toEqual({ bare: 22 });
    expect(s.undone).toEqual({ bare: 11 });
    expect(s.undoneBreakdown?.parts).toEqual([8, 2]);
    expect(checkStatement(s)).toEqual({ status: 'ok', level: 'bare', total: 33, done: 22 });
  });

  it('`已完成202项，完成率82.8%。未完成的42项` across sentences', () => {
    const s = only(
      '州级层面：省定考核指标244项，截至9月23日，已完成202项，完成率82.8%。未完成的42项具体为：2022年中央、省生态环保督察交办反馈问题整改1件；历史遗留矿山生态修复任务3件。',
    );
    expect(s.total).toEqual({ bare: 244 });
    expect(checkStatement(s)).toEqual({ status: 'ok', level: 'bare', total: 244, done: 202 });
  });

  it('a total by categories (`4大类14项指标`) checks at the bare level', () => {
    const s = only('共有考核指标4大类14项指标，已完成11项，未完成3项，未完成事项具体为：耕地保护和污染排查整治任务尚未完成。');
    expect(checkStatement(s)).toMatchObject({ status: 'ok', total: 14, done: 11 });
  });

  it('a statement without its undone count gives an unconfirmed completion', () => {
    const s = only('该项工作省直单位考核文件共有考核指标4项，涉及我分局事项2项，截止目前已完成2项：一是2022年没有被省委、省政府和省局提出批评。');
    expect(s.undone).toBeUndefined();
    expect(checkStatement(s)).toEqual({ status: 'incomplete', level: 'bare', total: 2, done: 2 });
  });
});

describe('parseCountStatements + checkStatement: statements that do not add up', () => {
  it('bare parts that match none of the two-level totals: a non-explicit mismatch', () => {
    const s = only('共有考核指标5大项，19个二级指标。截止目前已完成1项，未完成13项，完成事项具体为：耕保任务四。');
    const c = checkStatement(s);
    expect(c.status).toBe('mismatch');
    expect(c).toMatchObject({ explicit: false, sum: 14, totals: [5, 19] });
  });

  it('大项 done with a bare undone against a 大项 total: a non-explicit mismatch', () => {
    const s = only(
      '共有考核指标7大项，目前已完成2大项（基本完成稳定产能（按预测产能）、绿色发展），未完成8项，未完成事项具体为：经费投入；示范创建（申报验收中）。',
    );
    expect(s.done).toEqual({ major: 2 });
    expect(s.undone).toEqual({ bare: 8 });
    expect(checkStatement(s)).toMatchObject({ status: 'mismatch', explicit: false, sum: 10, totals: [7] });
  });

  it('levels explicit on every part and the total: an explicit mismatch', () => {
    const s = only('共有考核指标5大项，截止目前已完成2大项，未完成2大项。');
    expect(checkStatement(s)).toEqual({ status: 'mismatch', explicit: true, totals: [5], sum: 4, level: 'major' });
  });

  it('an explicit bare mismatch', () => {
    const s = only('共有考核指标10项，截止目前已完成2项，未完成9项。');
    expect(checkStatement(s)).toMatchObject({ status: 'mismatch', explicit: true, totals: [10], sum: 11 });
  });

  it('a breakdown that does not add up is still parsed so it can be reported', () => {
    const s = only('考核指标41项，除8项附加项外，截止目前，基本或可以完成22项，未完成11项（难度较大8项，不太可能2项）。');
    const parts = s.undoneBreakdown?.parts ?? [];
    expect(parts).toEqual([8, 2]);
    expect(parts.reduce((a, b) => a + b, 0)).not.toBe(s.undone?.bare);
  });
});

describe('parseCountStatements: what is not a done count', () => {
  it('a forecast (`预计能按时完成14项`) is not a done count', () => {
    const ss = parseCountStatements(
      '共有五大项18项评价指标（包括加分项及减分项）。因指标进度时间涵盖到年底，均未全面完成。预计能按时完成 14项。【工作亮点】湘西州龙山县中医医院为试点医院。',
    );
    expect(ss.some((s) => Object.values(s.done).includes(14))).toBe(false);
  });

  it('over-fulfilment (`其中2项超额完成`) is not a done count', () => {
    const ss = parseCountStatements('共四大类15小项，截止9月底，均完成年度目标任务，其中2项超额完成，13项进展顺利。');
    expect(ss.some((s) => Object.values(s.done).includes(2))).toBe(false);
  });

  it('two done counts in a row make the statement ambiguous: nothing is stated', () => {
    expect(parseCountStatements('全州市场主体倍增工程共有考核指标13个，完成年度任务6个，完成时序进度2个，未完成时序进度5个。')).toEqual([]);
  });

  it('a total with no done count states nothing', () => {
    expect(parseCountStatements('共有考核指标8项，正在积极推进。')).toEqual([]);
    expect(parseCountStatements('共有考核指标六项，截止目前6项工作都有序开展。')).toEqual([]);
  });

  it('`48项完成44项` is a rate statement, not a total/done pair', () => {
    expect(parseCountStatements('泸溪县48项完成44项，完成率达91.7%；凤凰县32项完成29项，完成率达90.6%。')).toEqual([]);
  });

  it('is deterministic', () => {
    const text = '共有考核指标9项，目前已完成3项，未完成6项，未完成事项具体为：资金扶持。';
    expect(parseCountStatements(text)).toEqual(parseCountStatements(text));
  });
});

describe('statedRates', () => {
  const countyText =
    '县级层面：省定“夏季攻势”任务情况，全省前两名获激励。按照完成率由高到低分别为：泸溪县48项完成44项，完成率达91.7%；凤凰县32项完成29项，完成率达90.6%；保靖县51项完成45项，完成率达88.2%；吉首市30项完成25项，完成率达83.3%；花垣县48项完成40项，完成率达83.3%；古丈县22项完成17项，完成率达77.3%；高新区4项完成3项，完成率达75%；永顺县19项完成12项，完成率达63.2%；龙山县27项完成16项，完成率达59.3%。';

  const roundTo = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

  it('parses `泸溪县48项完成44项，完成率达91.7%`', () => {
    expect(statedRates('泸溪县48项完成44项，完成率达91.7%')).toEqual([
      expect.objectContaining({ total: 48, done: 44, percent: 91.7, decimals: 1 }),
    ]);
  });

  it('parses every county of the sample, and each stated rate equals done ÷ total as rounded', () => {
    const rates = statedRates(countyText);
    expect(rates).toHaveLength(9);
    expect(rates.find((r) => r.total === 4)).toMatchObject({ done: 3, percent: 75, decimals: 0 });
    for (const r of rates) expect(roundTo((r.done / r.total) * 100, r.decimals)).toBe(r.percent);
  });

  it('a wrong rate is detectable from what is parsed', () => {
    const [r] = statedRates('泸溪县48项完成44项，完成率达90.0%');
    expect(r).toBeDefined();
    if (!r) return;
    expect(r.percent).toBe(90);
    expect(roundTo((r.done / r.total) * 100, r.decimals)).toBe(91.7);
  });

  it('reads full-width digits and percent signs', () => {
    expect(statedRates('泸溪县４８项完成４４项，完成率为９１．７％')).toEqual([expect.objectContaining({ total: 48, done: 44, percent: 91.7 })]);
  });

  it('finds no rate where none is stated next to its counts', () => {
    expect(statedRates('省定考核指标244项，截至9月23日，已完成202项，完成率82.8%。')).toEqual([]);
  });
});
