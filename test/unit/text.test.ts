import type { CellValue, ErrorValue } from '../../src/core/grid';
import {
  cellText,
  hasFullWidthDigits,
  isBlank,
  itemKey,
  labelKey,
  lines,
  normalizeNewlines,
  parseChineseNumeral,
  parseCountToken,
  readNumber,
  toHalfWidth,
} from '../../src/core/text';

describe('toHalfWidth', () => {
  it('turns full-width digits into ASCII digits', () => {
    expect(toHalfWidth('１３')).toBe('13');
    expect(toHalfWidth('９月1９日')).toBe('9月19日');
  });

  it('turns full-width punctuation into ASCII punctuation', () => {
    expect(toHalfWidth('（注：必有1个名额）')).toBe('(注:必有1个名额)');
    expect(toHalfWidth('，；％')).toBe(',;%');
  });

  it('turns the ideographic space into an ordinary space', () => {
    expect(toHalfWidth('合\u3000计')).toBe('合 计');
  });

  it('leaves CJK text, markers and dashes alone', () => {
    const s = '●Ⅲ促进就业和社会保障工作——×“四好”交通';
    expect(toHalfWidth(s)).toBe(s);
  });

  it('is idempotent', () => {
    const once = toHalfWidth('１３（ａ）\u3000');
    expect(toHalfWidth(once)).toBe(once);
  });
});

describe('hasFullWidthDigits', () => {
  it('detects full-width digits only', () => {
    expect(hasFullWidthDigits('１３')).toBe(true);
    expect(hasFullWidthDigits('1９')).toBe(true);
    expect(hasFullWidthDigits('13')).toBe(false);
    expect(hasFullWidthDigits('（）')).toBe(false);
  });
});

describe('labelKey', () => {
  it('removes the spaces that pad short labels', () => {
    expect(labelKey('合  计')).toBe('合计');
    expect(labelKey('序  号')).toBe('序号');
    expect(labelKey('单  位')).toBe('单位');
    expect(labelKey(' 合\u3000计 ')).toBe('合计');
  });

  it('removes line breaks of multi-line header cells', () => {
    expect(labelKey('州直\n研判情况')).toBe('州直研判情况');
    expect(labelKey('总项\r\n数')).toBe('总项数');
  });

  it('normalises full-width characters', () => {
    expect(labelKey('重点事项（州直单位研判情况）')).toBe('重点事项(州直单位研判情况)');
  });

  it('keeps distinct labels distinct', () => {
    expect(labelKey('有可能')).not.toBe(labelKey('很有可能'));
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['两', 2],
    ['零', 0],
    ['一千零一', 1001],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each([[''], ['abc'], ['3项'], ['十二项'], ['12']])('%j is not a Chinese numeral', (s) => {
    expect(parseChineseNumeral(s)).toBeNull();
  });
});

describe('parseCountToken', () => {
  it('reads half-width, full-width and Chinese counts', () => {
    expect(parseCountToken('14')).toBe(14);
    expect(parseCountToken('１４')).toBe(14);
    expect(parseCountToken('十四')).toBe(14);
    expect(parseCountToken('五')).toBe(5);
  });

  it('rejects anything else', () => {
    expect(parseCountToken('1.5')).toBeNull();
    expect(parseCountToken('若干')).toBeNull();
  });
});

describe('cellText / isBlank', () => {
  it('renders each kind of cell value', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('  州发改委 ')).toBe('州发改委');
    expect(cellText(13)).toBe('13');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
  });

  it('treats whitespace-only text as blank but not zero', () => {
    expect(isBlank('   ')).toBe(true);
    expect(isBlank('\u3000')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank({ error: '#N/A' })).toBe(false);
  });
});

describe('readNumber', () => {
  it('reads a number as a number', () => {
    expect(readNumber(13)).toEqual({ kind: 'number', value: 13 });
    expect(readNumber(0)).toEqual({ kind: 'number', value: 0 });
  });

  it('reads a number stored as text with its value', () => {
    expect(readNumber('13')).toEqual({ kind: 'text-number', value: 13, fullWidth: false, text: '13' });
    expect(readNumber(' 13 ')).toMatchObject({ kind: 'text-number', value: 13, fullWidth: false });
    expect(readNumber('1.5')).toMatchObject({ kind: 'text-number', value: 1.5 });
  });

  it('reads full-width digits with their value and says so', () => {
    expect(readNumber('１３')).toEqual({ kind: 'text-number', value: 13, fullWidth: true, text: '１３' });
  });

  it('reports an Excel error value as an error, with its text', () => {
    const ref: ErrorValue = Object.freeze({ error: '#REF!' });
    expect(readNumber(ref)).toEqual({ kind: 'error', text: '#REF!' });
    expect(readNumber({ error: '#DIV/0!' })).toEqual({ kind: 'error', text: '#DIV/0!' });
    expect(ref).toEqual({ error: '#REF!' });
  });

  it('reports words as text, never as a number', () => {
    expect(readNumber('有可能')).toEqual({ kind: 'text', text: '有可能' });
    expect(readNumber('3项')).toEqual({ kind: 'text', text: '3项' });
    expect(readNumber(true)).toMatchObject({ kind: 'text' });
  });

  it('reads blank cells as blank', () => {
    expect(readNumber(null)).toEqual({ kind: 'blank' });
    expect(readNumber('')).toEqual({ kind: 'blank' });
    expect(readNumber('   ')).toEqual({ kind: 'blank' });
  });

  it('does not treat NaN as a number', () => {
    expect(readNumber(Number.NaN).kind).toBe('text');
  });

  it('does not mutate a row of cell values', () => {
    const row: CellValue[] = ['１３', { error: '#REF!' }, ' 7 ', null];
    const copy = JSON.parse(JSON.stringify(row)) as CellValue[];
    row.forEach((v) => readNumber(v));
    expect(row).toEqual(copy);
  });
});

describe('itemKey', () => {
  it('strips the ● and Ⅱ/Ⅲ markers', () => {
    expect(itemKey('●Ⅲ促进就业和社会保障工作')).toBe('促进就业和社会保障工作');
    expect(itemKey('Ⅱ根治拖欠农民工工资工作')).toBe('根治拖欠农民工工资工作');
    expect(itemKey('Ⅲ金融工作')).toBe('金融工作');
    expect(itemKey('●信访工作“示范县”创建')).toBe('信访工作示范县创建');
  });

  it('strips quotes of either width and spaces', () => {
    expect(itemKey('“放管服”改革和“一件事一次办”')).toBe('放管服改革和一件事一次办');
    expect(itemKey('"四好"交通')).toBe('四好交通');
    expect(itemKey('“四好” 交通')).toBe(itemKey('"四好"交通'));
  });

  it('makes the marked and the unmarked name of an item equal', () => {
    expect(itemKey('●Ⅲ河湖长制')).toBe(itemKey('河湖长制'));
    expect(itemKey('Ⅲ耕地保护。')).toBe(itemKey('耕地保护'));
  });

  it('keeps different items different', () => {
    expect(itemKey('林长制')).not.toBe(itemKey('河湖长制'));
  });
});

describe('lines / normalizeNewlines', () => {
  it('splits on every kind of line break and drops empty lines', () => {
    expect(lines('1.金融工作\r\n2.林长制\n\n 3.河湖长制 \r4.耕地保护')).toEqual(['1.金融工作', '2.林长制', '3.河湖长制', '4.耕地保护']);
  });

  it('removes the _x000D_ escape that some writers leave in text', () => {
    expect(normalizeNewlines('a_x000D_\nb')).toBe('a\nb');
    expect(lines('州本级：有可能_x000D_\n吉首市：有可能')).toEqual(['州本级：有可能', '吉首市：有可能']);
  });

  it('gives no lines for blank text', () => {
    expect(lines('')).toEqual([]);
    expect(lines(' \n \r\n ')).toEqual([]);
  });
});
