/**
 * core/validate.ts against zod 4, which it replaces: for the schemas the engine uses, on arbitrary values,
 * the same success, the same parsed data and the same issues (code and path, in order).
 */
import fc from 'fast-check';
import { z } from 'zod';
import { type Schema, v } from '../../src/core/validate';

type Pair = readonly [string, Schema<unknown>, z.ZodType];

const text = (): Pair => ['text', v.string().trim().min(1), z.string().trim().min(1)];

const PAIRS: readonly Pair[] = [
  text(),
  ['count', v.number().int().nonnegative(), z.number().int().nonnegative()],
  ['seq', v.number().int().positive().nullable(), z.number().int().positive().nullable()],
  ['share', v.number().min(0).nullable(), z.number().min(0).nullable()],
  ['year', v.number().int().min(1990).max(2100).optional(), z.number().int().min(1990).max(2100).optional()],
  ['flag', v.boolean().default(true), z.boolean().default(true)],
  ['enum', v.enum(['done', 'onSchedule', 'lagging']), z.enum(['done', 'onSchedule', 'lagging'])],
  ['units', v.array(v.string().trim().min(1)).min(1), z.array(z.string().trim().min(1)).min(1)],
  ['words', v.array(v.string().trim().min(1)).default([]), z.array(z.string().trim().min(1)).default([])],
  ['aliases', v.record(v.string()).default({ 州发改委: '发改委' }), z.record(z.string(), z.string()).default({ 州发改委: '发改委' })],
  ['map', v.record(v.record(v.string())).default({}), z.record(z.string(), z.record(z.string(), z.string())).default({})],
  [
    'progressWords',
    v.object({ done: v.array(v.string().min(1)).optional(), lagging: v.array(v.string().min(1)).optional() }).default({}),
    z.object({ done: z.array(z.string().min(1)).optional(), lagging: z.array(z.string().min(1)).optional() }).default({}),
  ],
  [
    'keyItems',
    v.object({ unit: v.string().trim().min(1), count: v.number().int().nonnegative(), items: v.array(v.object({ number: v.number().int().nullable(), name: v.string().trim().min(1) })) }),
    z.object({ unit: z.string().trim().min(1), count: z.number().int().nonnegative(), items: z.array(z.object({ number: z.number().int().nullable(), name: z.string().trim().min(1) })) }),
  ],
  [
    'target',
    v.object({ seq: v.number().int().positive().nullable(), target: v.string().trim().min(1), units: v.array(v.string().trim().min(1)).min(1) }),
    z.object({ seq: z.number().int().positive().nullable(), target: z.string().trim().min(1), units: z.array(z.string().trim().min(1)).min(1) }),
  ],
];

const leaf = fc.oneof(
  fc.constantFrom('', ' ', ' 州发改委 ', 'x', '\u3000', 'done', 'lagging', 'other'),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(0, -0, 1, -1, 1.5, 1990, 2100, 2101, 1989.5, 2 ** 53, -(2 ** 53), 1e300, NaN, Infinity, -Infinity),
  fc.integer({ min: -5, max: 3000 }),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, leaf, tie('arr'), tie('obj')),
  arr: fc.array(tie('any'), { maxLength: 3 }),
  obj: fc.dictionary(fc.constantFrom('unit', 'count', 'items', 'number', 'name', 'seq', 'target', 'units', 'done', 'lagging', 'a', '州发改委'), tie('any'), { maxKeys: 4 }),
})).any;

function ours(s: Schema<unknown>, x: unknown): unknown {
  const r = s.safeParse(x);
  return r.success ? { ok: r.data } : { issues: r.error.issues.map((i) => [i.code, i.path]) };
}

function theirs(s: z.ZodType, x: unknown): unknown {
  const r = s.safeParse(x);
  return r.success ? { ok: r.data } : { issues: r.error.issues.map((i) => [i.code, i.path]) };
}

describe('core/validate agrees with zod 4', () => {
  test.each(PAIRS.map((p) => [p[0], p] as const))('%s', (_name, [, mine, zods]) => {
    fc.assert(
      fc.property(value, (x) => {
        expect(ours(mine, x)).toEqual(theirs(zods, x));
      }),
      { numRuns: 400 },
    );
  });

  test('records built from the parsers: every field checked, issues in field order', () => {
    const [, mine, zods] = PAIRS.find((p) => p[0] === 'keyItems') as Pair;
    const record = { unit: ' ', count: -1.5, items: [{ number: 1.5, name: '' }, { number: null, name: '事项' }] };
    expect(ours(mine, record)).toEqual(theirs(zods, record));
  });

  test('a default is a fresh copy each time', () => {
    const s = v.record(v.string()).default({ a: 'b' });
    const a = s.safeParse(undefined);
    const b = s.safeParse(undefined);
    expect(a.success && b.success && a.data !== b.data).toBe(true);
  });
});
