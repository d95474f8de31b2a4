import { expectedUnitsOf, resolveSettings, type SettingsInput } from '../../src/core';

describe('settings fields read without zod agree with resolveSettings', () => {
  const cases: unknown[] = [
    undefined,
    [],
    ['州发改委', ' 州财政局 '],
    ['州发改委', ''],
    ['州发改委', '  '],
    ['州发改委', 3],
    'not a list',
    [null],
  ];
  it.each(cases.map((c) => [JSON.stringify(c) ?? 'undefined', c]))('expectedUnits %s', (_name, value) => {
    const settings = { expectedUnits: value } as unknown as SettingsInput;
    expect(expectedUnitsOf(settings)).toEqual(resolveSettings(settings).settings.expectedUnits);
  });
});
