/**
 * Editions no issue described, found by trying the samples the way other offices write them (session of
 * 2026-12-07): a signature line under a table, 序号 typed as text, a dash for "none" in a count, a unit written
 * one way in 附件2 and another in 附件3. Each gives the sample's own findings, or says the one thing it changes
 * once — never an error, never one finding per cell or per item for one cause.
 */
import { auditWorkbook, buildSummaryPlans, messageOf, type Audit, type Grid } from '../../src/core';
import { NO_FIGURE, readNumber, readSeq } from '../../src/core/text';
import { SIGNATURE_START } from '../../src/core/vocab';
import { isShortening, pairShortenings, unitIdentity } from '../../src/core/units';
import { parseAssessment } from '../../src/core/annexes/incentive-analysis/ratings';
import { parseItemList } from '../../src/core/annexes/unit-key-items/read';
import { labelKey } from '../../src/core/text';
import { cloneGrid, sampleGrids } from '../helpers/grids';

type Rows = (string | number | boolean | null)[][];

function key(f: Audit['findings'][number]): string {
  return `${f.severity} ${f.code} ${f.sheet}!${f.cell}`;
}

/** What `after` adds to `before` and what it loses, as findings `severity code sheet!cell`. */
function diff(before: Audit, after: Audit): { added: string[]; lost: string[] } {
  const left = before.findings.map(key);
  const added: string[] = [];
  for (const f of after.findings) {
    const i = left.indexOf(key(f));
    if (i >= 0) left.splice(i, 1);
    else added.push(key(f));
  }
  return { added, lost: left };
}

let incentive: Grid[];
let keywork: Grid[];
let incentiveAudit: Audit;
let keyworkAudit: Audit;

beforeAll(async () => {
  incentive = await sampleGrids('incentive-2022.xlsx');
  keywork = await sampleGrids('keywork-2024.xlsx');
  incentiveAudit = auditWorkbook(incentive);
  keyworkAudit = auditWorkbook(keywork);
});

function edited(base: Grid[], sheet: string, edit: (rows: Rows) => void): Grid[] {
  const grids = base.map((g) => cloneGrid(g));
  edit((grids.find((g) => g.name === sheet) as Grid).values as Rows);
  return grids;
}

describe('a signature line under a table is no row of it', () => {
  it.each([
    [[null, '填报单位（盖章）：', null, '填报日期：2024年7月10日']],
    [['单位负责人（签字）：', null, null, '报送时间：7月10日']],
    [['制表：王五', '审核：赵六', '日期：2024年7月10日']],
    [['', '审核人（签名）：李四']],
  ])('keywork 附件1 with %j below: the sample findings', (line) => {
    // Before: 第填报单位（盖章）：项没有工作进度标记 (error) and the 通报's 80 targets against 81 (error).
    const d = diff(keyworkAudit, auditWorkbook(edited(keywork, '附件1', (rows) => rows.push([], line))));
    expect(d).toEqual({ added: [], lost: [] });
  });

  it('incentive 附件1 with the line spread over its columns: the sample findings', () => {
    const d = diff(incentiveAudit, auditWorkbook(edited(incentive, '附件1', (rows) => rows.push(['填表人：张三', null, '审核人：李四', null, '联系电话：0743-8221234']))));
    expect(d).toEqual({ added: [], lost: [] });
  });

  it('knows the words with a bracketed qualifier, and not a unit or an item', () => {
    for (const s of ['填报单位（盖章）：', '审核人(签字):', '日期：7月10日', '制表：王五', '联系电话：123']) expect(SIGNATURE_START.test(labelKey(s))).toBe(true);
    for (const s of ['州财政局', '日期', '填报单位盖章情况', '审核流程优化：完成80%', '电话号码']) expect(SIGNATURE_START.test(labelKey(s))).toBe(false);
  });
});

describe('序号 typed as text', () => {
  it('reads 12 / 12. / 12、 / （12） / 第12项 / full-width as 12, and nothing else', () => {
    for (const v of [12, '12', '12.', '12、', '（12）', '(12)', '第12项', '１２', ' 12 ', '12．']) expect(readSeq(v)).toBe(12);
    for (const v of ['一、', '1.2', '12项目', '共12项', '', null, 1.5, '(一)', '12)3']) expect(readSeq(v)).toBeNull();
  });

  it.each([(n: number) => `${n}.`, (n: number) => `${n}、`, (n: number) => `（${n}）`, (n: number) => `第${n}项`])(
    'keywork 附件1 numbered %p: the sample findings (the note’s items 48, 49 … are found)',
    (style) => {
      const grids = edited(keywork, '附件1', (rows) => {
        for (const r of rows.slice(4)) if (typeof r[0] === 'number') r[0] = style(r[0]);
      });
      expect(diff(keyworkAudit, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
    },
  );
});

describe('a dash, a slash or 无 for "none" in a count', () => {
  it('reads as blank', () => {
    for (const v of ['—', '-', '——', '/', '／', '－', '无', '暂无', '不涉及', ' — ']) expect(readNumber(v)).toEqual({ kind: 'blank' });
    for (const v of ['-3', '—3', '无数据', '0']) expect(readNumber(v).kind).not.toBe('blank');
    expect(NO_FIGURE.test('--')).toBe(true);
  });

  it.each(['—', '-', '/', '无', '——', '－'])('incentive 附件1 with its empty counts written "%s": the sample findings', (mark) => {
    const grids = edited(incentive, '附件1', (rows) => {
      for (const r of rows.slice(5)) for (let c = 2; c <= 5; c++) if (r[c] === null || r[c] === undefined) r[c] = mark;
    });
    expect(diff(incentiveAudit, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
  });
});

describe('a unit written one way in 附件2 and another in 附件3', () => {
  const renamed = (to: string, items?: (s: string) => string): Grid[] =>
    edited(incentive, '附件2', (rows) => {
      const row = rows.find((r) => r[0] === '州本级') as Rows[number];
      row[0] = to;
      if (items) row[2] = items(String(row[2]));
    });

  it.each(['州直单位', '州直', '州级'])('州本级 written %s: one warning naming both, checked as one unit', (to) => {
    const a = auditWorkbook(renamed(to));
    expect(diff(incentiveAudit, a)).toEqual({ added: ['warning units/named-two-ways 附件2!A6'], lost: [] });
    const f = a.findings.find((x) => x.code === 'units/named-two-ways');
    expect(messageOf(f as NonNullable<typeof f>, 'zh-CN')).toBe(`本表写作“${to}”，附件3写作“州本级”：两者有20项事项相同，已按同一单位核对。请统一写法，或在设置的单位别名中登记。`);
    expect(f?.related?.length).toBe(20);
  });

  it('the recomputed 县市区重点事项 compares the unit with its 附件2 row, in 附件2’s place, as the check does', () => {
    const plan = buildSummaryPlans(auditWorkbook(renamed('州直单位')), 'zh-CN').find((p) => p.id === 'counties');
    const first = plan?.rows[3];
    expect(first?.[0]?.value).toBe('州本级');
    expect(first?.[3]?.value).toBe('附件2写作“州直单位”；一致');
  });

  it('checked as one unit: an item left out is still found', () => {
    const grids = renamed('州直单位', (s) => s.split('\n').filter((l) => !l.endsWith('金融工作')).map((l, i) => l.replace(/^\d+\./, `${i + 1}.`)).join('\n'));
    ((grids.find((g) => g.name === '附件2') as Grid).values as Rows).forEach((r) => {
      if (r[0] === '州直单位') r[1] = 19;
    });
    expect(diff(incentiveAudit, auditWorkbook(grids)).added.sort()).toEqual(['warning cross/key-item-missing 附件2!C6', 'warning units/named-two-ways 附件2!A6']);
  });

  it('not paired when the items do not agree: the unknown name once, the unrated row once', () => {
    const others = Array.from({ length: 20 }, (_, i) => `${i + 1}.另行安排的工作${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}`).join('\n');
    const a = auditWorkbook(renamed('州直单位', () => others));
    const d = diff(incentiveAudit, a);
    expect(d.lost).toEqual([]);
    expect(d.added.sort()).toEqual(['warning cross/key-unit-unrated 附件2!C6', 'warning units/unknown-unit 附件3!E12']);
    const unknown = a.findings.find((x) => x.code === 'units/unknown-unit');
    expect(messageOf(unknown as NonNullable<typeof unknown>, 'zh-CN')).toBe('研判情况点名了“州本级”（20处），它不在附件2的单位中，也不在别名表中。');
    expect(unknown?.related?.length).toBe(20);
  });

  it('not paired when two names are an equal match for one row', () => {
    // 附件3 names 州本级 and, for the same items, 州直: neither is the row's only best match.
    const grids = renamed('州直单位');
    const a3 = grids.find((g) => g.name === '附件3') as Grid;
    for (const r of a3.values as Rows) if (typeof r[4] === 'string' && r[4].includes('州本级')) r[4] = `${r[4]}\n${r[4].replace(/州本级/g, '州直')}`;
    const a = auditWorkbook(grids);
    expect(a.findings.some((f) => f.code === 'units/named-two-ways')).toBe(false);
    expect(a.findings.filter((f) => f.code === 'units/unknown-unit').length).toBe(2);
  });
});

describe('rows that are no unit and no item', () => {
  it.each([
    ['a 平均 row under 附件1', [['全州平均', 2.5, 0.5, 1.2, 0.8, 0.1]]],
    ['a 最高值 row under 附件1', [['最高值', 7, 1, 3, 4, 1]]],
    ['the issuer and the date under 附件1, at the right', [[], [null, null, null, null, '州政府督查室'], [null, null, null, null, '2022年10月10日']]],
    ['the issuer and the date under 附件4, in a text column', [[], [null, null, null, '州政府督查室（盖章）'], [null, null, null, '2022.10.10']]],
  ])('%s: the sample findings', (_, lines) => {
    const grids = edited(incentive, _.includes('附件4') ? '附件4' : '附件1', (rows) => rows.push(...(lines as Rows)));
    expect(diff(incentiveAudit, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
  });

  it('keywork 附件1 with a template’s numbered empty rows 82–84: the sample findings', () => {
    const grids = edited(keywork, '附件1', (rows) => rows.splice(rows.length - 1, 0, [82], [83], [84]));
    expect(diff(keyworkAudit, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
  });

  it('keywork 附件1 marked 是 / ● / ✓ instead of √, and × in the other columns: the sample findings', () => {
    let k = 0;
    const grids = edited(keywork, '附件1', (rows) => {
      for (const r of rows.slice(4)) {
        if (typeof r[0] !== 'number') continue;
        for (let c = 4; c <= 6; c++) {
          if (r[c] === '√') r[c] = ['是', '●', '✓', '√'][k++ % 4] as string;
          else if (r[c] === null || r[c] === undefined) r[c] = '×';
        }
      }
    });
    expect(diff(keyworkAudit, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
  });

  it('a lone figure that reads as one is still a row: a count typed without its unit is found', () => {
    // A count alone in a row is a row (its unit is missing), not a line of text.
    const grids = edited(incentive, '附件1', (rows) => rows.push([null, 3]));
    expect(diff(incentiveAudit, auditWorkbook(grids)).added).toContain('warning cell/required 附件1!A32');
  });
});

describe('附件3 and 附件2 written with other separators', () => {
  it('reads 龙山县-有可能 / 龙山县（有可能） / 龙山县 有可能 as the pair 龙山县：有可能, and keeps a note in brackets a note', () => {
    for (const text of ['龙山县-有可能', '龙山县（有可能）', '龙山县 有可能', '龙山县—有可能', '龙山县(有可能)']) {
      expect(parseAssessment(text).pairs.map((p) => [p.unit, p.rating])).toEqual([['龙山县', '有可能']]);
    }
    expect(parseAssessment('有可能（难度较大）').pairs).toEqual([]);
    expect(parseAssessment('有可能（难度较大）').notes).toEqual(['难度较大']);
    expect(parseAssessment('县市均有可能').unnamed).toEqual(['有可能']);
    expect(parseAssessment('难度较大').unnamed).toEqual(['难度较大']);
  });

  it.each(['-', '（）', ' '])('incentive 附件3 with every pair written with "%s": the sample findings', (how) => {
    const grids = edited(incentive, '附件3', (rows) => {
      for (const r of rows) {
        if (typeof r[4] !== 'string') continue;
        r[4] = r[4].replace(/^([\u4e00-\u9fff]+)：(很有可能|有可能|难度较大|不太可能)$/gm, (_m, u: string, w: string) => (how === '（）' ? `${u}（${w}）` : `${u}${how}${w}`));
      }
    });
    expect(diff(incentiveAudit, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
  });

  it('splits 1.金融工作；2.安全生产 into two items, and never at 2.5亿元', () => {
    expect(parseItemList('1.金融工作；2.安全生产；3.林长制').map((i) => [i.number, i.name])).toEqual([[1, '金融工作'], [2, '安全生产'], [3, '林长制']]);
    expect(parseItemList('1.完成投资，2.5亿元').map((i) => i.number)).toEqual([1]);
    expect(parseItemList('1.甲，3.乙').map((i) => i.number)).toEqual([1]);
  });

  it.each(['；', '，', '。'])('incentive 附件2 with each list on one line, "%s" between: the sample findings', (sep) => {
    const grids = edited(incentive, '附件2', (rows) => {
      for (const r of rows.slice(5)) if (typeof r[2] === 'string') r[2] = r[2].split('\n').join(sep);
    });
    expect(diff(incentiveAudit, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
  });
});

describe('a unit shortened in one annex', () => {
  it('knows 州市监局 / 区发改局 / 县卫健局 as the bodies they shorten, and a row number before a name as no part of it', () => {
    expect(unitIdentity('州市监局')).toBe(unitIdentity('州市场监督管理局'));
    expect(unitIdentity('区发展和改革局')).toBe('区发改局');
    expect(unitIdentity('县卫生健康局')).toBe('县卫健局');
    expect(unitIdentity('1.州发改委')).toBe('州发改委');
    expect(unitIdentity('(12)州财政局')).toBe('州财政局');
    expect(unitIdentity('三、州医保局')).toBe('州医保局');
    expect(unitIdentity('12345')).toBe('12345');
  });

  it('pairs a shortening with its full name only when each is the other’s only one', () => {
    expect(isShortening('州行审局', '州行政审批服务局')).toBe(true);
    expect(isShortening('州文旅局', '州文旅广电局')).toBe(true);
    expect(isShortening('州民宗局', '州行政审批服务局')).toBe(false);
    expect(isShortening('区局', '区发改局')).toBe(false);
    expect([...pairShortenings(['州行审局'], ['州行政审批服务局', '州发改委'])]).toEqual([['州行审局', '州行政审批服务局']]);
    // 州审局 could be either: no pair.
    expect([...pairShortenings(['州审局'], ['州行政审批服务局', '州审计局'])]).toEqual([]);
  });

  it.each([['州行政审批服务局', '州行审局'], ['州文旅广电局', '州文旅局'], ['州市场监管局', '州市监局']])('附件1 writes %s as %s: no error', (from, to) => {
    const grids = edited(incentive, '附件1', (rows) => {
      for (const r of rows) if (r[0] === from) r[0] = to;
    });
    const d = diff(incentiveAudit, auditWorkbook(grids));
    expect(d.lost).toEqual([]);
    expect(d.added.filter((x) => x.startsWith('error'))).toEqual([]);
    expect(d.added.length).toBeLessThanOrEqual(1);
  });
});

it('附件1 with its units numbered 1.州发改委 / 2、州财政局: the sample findings', () => {
  let n = 0;
  const grids = edited(incentive, '附件1', (rows) => {
    for (const r of rows.slice(5)) if (typeof r[0] === 'string') r[0] = `${++n}${n % 2 ? '.' : '、'}${r[0]}`;
  });
  expect(diff(incentiveAudit, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
});

describe('a line under a table that speaks of it', () => {
  it.each([
    ['incentive-2022.xlsx', '附件1', ['以上数据截至10月10日，由各牵头单位填报']],
    ['incentive-2022.xlsx', '附件3', ['以上事项按省政府文件顺序排列']],
    ['incentive-2022.xlsx', '附件4', ['上述进展截至10月10日']],
    ['keywork-2024.xlsx', '附件1', [null, '以上为区级目标任务']],
    ['keywork-2024.xlsx', '附件2', ['合计：18项46件']],
  ])('%s %s with %j below: the sample findings', (file, sheet, line) => {
    const [base, before] = file.startsWith('incentive') ? [incentive, incentiveAudit] : [keywork, keyworkAudit];
    const grids = edited(base, sheet, (rows) => rows.push(line as Rows[number]));
    expect(diff(before, auditWorkbook(grids))).toEqual({ added: [], lost: [] });
  });

  it('a unit with a remark in brackets (州财政局（牵头）) is the unit: said once, no error', () => {
    const grids = edited(incentive, '附件1', (rows) => {
      for (const r of rows) if (r[0] === '州财政局') r[0] = '州财政局（牵头）';
    });
    expect(diff(incentiveAudit, auditWorkbook(grids))).toEqual({ added: ['warning units/shortened 附件1!A9'], lost: [] });
    expect(isShortening('州财政局（牵头）', '州财政局')).toBe(true);
    expect(isShortening('州财政局（牵头）', '州发改委')).toBe(false);
  });
});

describe('another table below a table, after a blank row', () => {
  it.each([
    ['incentive-2022.xlsx', '附件1', [['联系人', '职务', '联系电话'], ['张三', '科长', '0743-8221234'], ['李四', '科员', '0743-8221235']], '附件1!A34'],
    ['keywork-2024.xlsx', '附件2', [['类别', '件数'], ['省级', 35], ['市级', 11]], '附件2!A53'],
  ])('%s %s: the sample findings and one note where the other table starts', (file, sheet, table, at) => {
    const [base, before] = file.startsWith('incentive') ? [incentive, incentiveAudit] : [keywork, keyworkAudit];
    const grids = edited(base, sheet, (rows) => rows.push([], [], ...(table as Rows)));
    // Before: 11 errors on 附件1 (its 合计 formulas "missing" rows 34–36), 3 on the keywork 通报's counts.
    expect(diff(before, auditWorkbook(grids))).toEqual({ added: [`info structure/table-below ${at}`], lost: [] });
  });

  it('a unit after a blank row is still a row of the table', () => {
    const grids = edited(incentive, '附件1', (rows) => rows.push([], ['州审计局', 1, null, 1, null, null]));
    const d = diff(incentiveAudit, auditWorkbook(grids));
    expect(d.added.some((x) => x.includes('structure/table-below'))).toBe(false);
    expect(d.added).toContain('error cross/tally-unit-extra 附件1!A33');
  });
});

it('附件4 writing a unit shortened (州发委 for 州发改委, on 5 items) says it once, not once per item', () => {
  const grids = edited(incentive, '附件4', (rows) => {
    for (const r of rows) if (r[0] === '州发改委') r[0] = '州发委';
  });
  const d = diff(incentiveAudit, auditWorkbook(grids));
  expect(d.lost).toEqual([]);
  expect(d.added).toHaveLength(1);
  expect(d.added[0]).toMatch(/^warning units\/shortened 附件4!A\d+$/);
});

describe('two sheets of one kind', () => {
  const withCopy = (hidden: boolean, name: string): Grid[] => {
    const copy = cloneGrid(incentive.find((g) => g.name === '附件1') as Grid);
    for (const r of (copy.values as Rows).slice(5)) if (typeof r[1] === 'number') r[1] = r[1] + 1;
    return [{ ...copy, name, ...(hidden ? { hidden: true } : {}) }, ...incentive.map((g) => cloneGrid(g))];
  };

  it.each([
    [true, '附件1 (2)'],
    [true, 'Sheet9'],
    [false, '附件1（旧）'],
    [false, '附件1备份'],
  ])('an old copy of 附件1 before it (hidden %s, named %s): 附件1 is the one checked, the copy said once', (hidden, name) => {
    const a = auditWorkbook(withCopy(hidden, name));
    expect(diff(incentiveAudit, a)).toEqual({ added: [`warning structure/kind-duplicate ${name}!A1`], lost: [] });
    const f = a.findings.find((x) => x.code === 'structure/kind-duplicate');
    expect(messageOf(f as NonNullable<typeof f>, 'zh-CN')).toBe(`工作表“${name}”与“附件1”都是“研判统计表（附件1）”，只校验了“附件1”。`);
    // The sheets are still listed in workbook order.
    expect(a.sheets.map((s) => s.name).slice(0, 2)).toEqual([name, '附件1']);
  });

  it('two visible sheets with plain names: the first is checked, as before', () => {
    const a = auditWorkbook(withCopy(false, '附件1-报送'));
    expect(a.findings.some((f) => f.code === 'structure/kind-duplicate' && f.sheet === '附件1')).toBe(true);
  });
});
