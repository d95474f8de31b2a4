/**
 * Findings as data (issue 22.2): a finding carries its code and typed parameters, never a rendered text; its
 * message is rendered at the edge, per language, with the locale helpers (lists, numbers). So a finding
 * survives structuredClone (a worker's reply) and JSON, and renders the same afterwards; and no English
 * rendering joins a list with Chinese punctuation, whatever the code.
 */
import { auditWorkbook, FINDINGS, type Finding, type FindingCode, type Lang } from '../../src/core';
import { actualOf, makeFinding, messageOf, renderedFinding } from '../../src/core/finding';
import { listParam, numberParam } from '../../src/core/i18n/lists';
import { fillTemplate, type Params } from '../../src/core/i18n/template';
import { sampleGrids } from '../helpers/grids';

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
const CODES = Object.keys(FINDINGS) as FindingCode[];
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))];

/** Anything in "…" or “…” is quoted text of the workbook (or a Chinese term quoted in English). */
const ownWords = (s: string): string => s.replace(/"[^"]*"/g, '""').replace(/“[^”]*”/g, '“”');
const CHINESE_PUNCTUATION = /[、，；：。！？（）]/;

describe('a finding is data', () => {
  it('stores no rendered message: its message comes from its code and parameters', () => {
    const f = makeFinding('tally/row-sum', { sheet: '附件1', cell: 'B6' }, { unit: '州发改委' }, { expected: 3, actual: 2 });
    expect(Object.keys(f)).not.toContain('message');
    expect(f).toEqual({ code: 'tally/row-sum', severity: 'error', sheet: '附件1', cell: 'B6', expected: 3, actual: 2, params: { sheet: '附件1', expected: 3, actual: 2, unit: '州发改委' } });
    expect(messageOf(f)).toBe('州发改委的总项数为2，但各等级合计为3。');
    expect(messageOf(f, 'en-US')).toBe('州发改委: 总项数 is 2 but the rating columns add up to 3.');
  });

  it('narrowed by its code, a finding\'s parameters are that code\'s, typed', () => {
    const fieldOf = (f: Finding) => (f.code === 'settings/invalid' ? f.params.field : undefined);
    // @ts-expect-error — `field` is not a parameter of tally/row-sum
    const wrong = (f: Finding) => (f.code === 'tally/row-sum' ? f.params.field : undefined);
    const f = makeFinding('settings/invalid', { sheet: '', cell: '' }, { field: 'year' });
    expect(f.params.field).toBe('year');
    expect(fieldOf(f)).toBe('year');
    expect(wrong(f)).toBeUndefined();
  });

  it('renders for a reader with the fields of the JSON contract, in their order', () => {
    const f = makeFinding('merge/conflict', { sheet: '附件5', cell: 'B6' }, { key: 'k', file: 'b.xlsx', other: 'a.xlsx', column: listParam(['对接情况', '备注']) }, { related: [{ sheet: '附件5', cell: 'B5' }] });
    const r = renderedFinding(f, 'en-US');
    expect(Object.keys(r)).toEqual(['code', 'severity', 'sheet', 'cell', 'message', 'related']);
    expect(r.message).toBe('"k" differs between "b.xlsx" and "a.xlsx" (对接情况, 备注); both rows were kept: decide which one is right.');
    expect(renderedFinding(f).message).toBe('“k”在“b.xlsx”与“a.xlsx”中内容不同（对接情况、备注），两行均已保留，请核实以哪一份为准。');
  });

  it('numbers are grouped when rendered, not stored as text', () => {
    const f = makeFinding('read/outside-grid', { sheet: '附件1', cell: 'A1' }, { count: numberParam(12345), cells: listParam(['A0', 'XFE1']) });
    expect(f.params.count).toEqual({ number: 12345 });
    expect(messageOf(f)).toContain('有 12,345 个单元格');
    expect(messageOf(f, 'en-US')).toContain('has 12,345 cells');
    expect(messageOf(f, 'en-US')).toContain('(A0, XFE1)');
  });

  it('a list as `actual` is data too: `actual` reads zh-CN, `actualOf` reads each language', () => {
    const f = makeFinding('text/count-sum-ambiguous', { sheet: '附件4', cell: 'C45' }, { total: '共5项', done: '已完成2项', undone: '未完成1项' }, { expected: 3, actual: listParam([5, 19]) });
    expect(f.actual).toBe('5、19');
    expect(actualOf(f, 'zh-CN')).toBe('5、19');
    expect(actualOf(f, 'en-US')).toBe('5, 19');
    expect(renderedFinding(f, 'en-US').actual).toBe('5, 19');
  });

  it.each(['incentive-2022.xlsx', 'keywork-2024.xlsx'])('every finding of %s survives structuredClone and JSON, and renders the same', async (name) => {
    const extra: Finding[] = [
      makeFinding('read/shared-string-missing', { sheet: '附件1', cell: 'A4' }, { count: numberParam(1234), cells: listParam(['A4', 'B4']) }),
      makeFinding('merge/conflict', { sheet: '附件5', cell: 'B6' }, { key: 'k', file: 'b', other: 'a', column: listParam([{ 'zh-CN': '列', 'en-US': 'column' }, '备注'], { max: 1 }) }),
    ];
    const findings = [...auditWorkbook(await sampleGrids(name)).findings, ...extra];
    expect(findings.length).toBeGreaterThan(extra.length);
    for (const f of findings) {
      const cloned = structuredClone(f);
      const json = JSON.parse(JSON.stringify(f)) as Finding;
      expect(cloned).toStrictEqual(f);
      expect(json).toStrictEqual(f);
      for (const lang of LANGS) {
        expect(messageOf(cloned, lang)).toBe(messageOf(f, lang));
        expect(messageOf(json, lang)).toBe(messageOf(f, lang));
        expect(actualOf(json, lang)).toBe(actualOf(f, lang));
      }
    }
  });
});

describe('English renderings never join a list with Chinese punctuation', () => {
  it.each(CODES)('%s: every parameter given as a list reads "甲, 乙, 丙" in English and "甲、乙、丙" in Chinese', (code) => {
    const m = FINDINGS[code].message;
    const names = placeholders(m['en-US']);
    const params: Params = Object.fromEntries(names.map((k) => [k, listParam(['甲', '乙', '丙'])]));
    const en = fillTemplate(m['en-US'], params, 'en-US');
    const zh = fillTemplate(m['zh-CN'], params, 'zh-CN');
    if (names.length > 0) {
      expect(en).toContain('甲, 乙, 丙');
      expect(zh).toContain('甲、乙、丙');
    }
    expect(en).not.toMatch(/[甲乙][、，；]/);
    // Nor does the English text itself use Chinese punctuation outside quoted Chinese terms.
    expect(ownWords(m['en-US'].replace(/\{\w+\}/g, ''))).not.toMatch(CHINESE_PUNCTUATION);
  });

  it.each(['incentive-2022.xlsx', 'keywork-2024.xlsx'])('%s: no finding rendered in English has Chinese list punctuation outside quotes', async (name) => {
    const bad = auditWorkbook(await sampleGrids(name))
      .findings.map((f) => messageOf(f, 'en-US'))
      .filter((m) => /[、，；]/.test(ownWords(m)));
    expect(bad).toEqual([]);
  });
});
