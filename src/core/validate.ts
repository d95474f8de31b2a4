/**
 * Record schemas: what a complete record is, and the issues of one that is not, in the shape the engine
 * reports them (`issuesToFindings`, settings problems). The few checks the engine uses, written out: zod did
 * this before, and loading it cost the CLI about 100 ms of its start-up for checks this small.
 *
 * Issue codes and paths are zod 4's for the same checks (`invalid_type`, `too_small`, `too_big`,
 * `invalid_value`; a path of keys and indexes), and so is the output: strings trimmed where asked, unknown
 * keys of an object left out, a default given for `undefined` (a shallow copy).
 */

export type IssueCode = 'invalid_type' | 'too_small' | 'too_big' | 'invalid_value';

export interface Issue {
  readonly code: IssueCode;
  readonly path: readonly (string | number)[];
}

export type ParseResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly error: { readonly issues: readonly Issue[] } };

type Path = (string | number)[];
/** How an object treats its key when absent: `optional` leaves it out, `defaulted` fills it in. */
type Absent = 'optional' | 'defaulted' | undefined;

export abstract class Schema<Out> {
  /** Type only: the parsed value's type (`Infer<typeof S>`). */
  declare readonly _out: Out;
  readonly absent: Absent = undefined;

  /** The parsed value; issues are pushed with their path. */
  abstract run(value: unknown, issues: Issue[], path: Path): unknown;

  safeParse(value: unknown): ParseResult<Out> {
    const issues: Issue[] = [];
    const data = this.run(value, issues, []);
    return issues.length === 0 ? { success: true, data: data as Out } : { success: false, error: { issues } };
  }

  optional(): Schema<Out | undefined> {
    return new Optional(this);
  }

  nullable(): Schema<Out | null> {
    return new Nullable(this);
  }

  default(value: NonNullable<Out>): Schema<NonNullable<Out>> {
    return new Defaulted(this as Schema<NonNullable<Out>>, value);
  }
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const issue = (issues: Issue[], code: IssueCode, path: Path): void => void issues.push({ code, path: [...path] });

/** A value of the wrong type that still has a length below `min` (zod's length checks run on it too). */
function hasShortLength(v: unknown, min: number): boolean {
  if (min <= 0 || v === null || v === undefined) return false;
  const n = (v as { length?: unknown }).length;
  return typeof n === 'number' && n < min;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** zod's plain-object test for records: an object literal (or one without a prototype), not a class instance. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const ctor = (v as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

function shallowClone<T>(v: T): T {
  if (Array.isArray(v)) return [...v] as T;
  if (isPlainObject(v)) return { ...v } as T;
  return v;
}

class Optional<T> extends Schema<T | undefined> {
  override readonly absent = 'optional' as const;
  constructor(private readonly inner: Schema<T>) {
    super();
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    return value === undefined ? undefined : this.inner.run(value, issues, path);
  }
}

class Nullable<T> extends Schema<T | null> {
  constructor(private readonly inner: Schema<T>) {
    super();
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    return value === null ? null : this.inner.run(value, issues, path);
  }
}

class Defaulted<T> extends Schema<T> {
  override readonly absent = 'defaulted' as const;
  constructor(
    private readonly inner: Schema<T>,
    private readonly fallback: T,
  ) {
    super();
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    if (value === undefined) return shallowClone(this.fallback);
    const out = this.inner.run(value, issues, path);
    return out === undefined ? shallowClone(this.fallback) : out;
  }
}

class StringSchema extends Schema<string> {
  constructor(
    private readonly trimmed = false,
    private readonly minLength = 0,
  ) {
    super();
  }
  trim(): StringSchema {
    return new StringSchema(true, this.minLength);
  }
  min(n: number): StringSchema {
    return new StringSchema(this.trimmed, n);
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    if (typeof value !== 'string') {
      issue(issues, 'invalid_type', path);
      // As zod does: its length check still looks at a value that has a length.
      if (hasShortLength(value, this.minLength)) issue(issues, 'too_small', path);
      return value;
    }
    const s = this.trimmed ? value.trim() : value;
    if (s.length < this.minLength) issue(issues, 'too_small', path);
    return s;
  }
}

class NumberSchema extends Schema<number> {
  constructor(
    private readonly integer = false,
    private readonly lower: { readonly value: number; readonly inclusive: boolean } | null = null,
    private readonly upper: number | null = null,
  ) {
    super();
  }
  int(): NumberSchema {
    return new NumberSchema(true, this.lower, this.upper);
  }
  nonnegative(): NumberSchema {
    return new NumberSchema(this.integer, { value: 0, inclusive: true }, this.upper);
  }
  positive(): NumberSchema {
    return new NumberSchema(this.integer, { value: 0, inclusive: false }, this.upper);
  }
  min(n: number): NumberSchema {
    return new NumberSchema(this.integer, { value: n, inclusive: true }, this.upper);
  }
  max(n: number): NumberSchema {
    return new NumberSchema(this.integer, this.lower, n);
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issue(issues, 'invalid_type', path);
      return value;
    }
    if (this.integer) {
      // Not an integer ends the checks (zod's integer format aborts); outside the safe range does not.
      if (!Number.isInteger(value)) {
        issue(issues, 'invalid_type', path);
        return value;
      }
      if (value > Number.MAX_SAFE_INTEGER) issue(issues, 'too_big', path);
      else if (value < Number.MIN_SAFE_INTEGER) issue(issues, 'too_small', path);
    }
    const lo = this.lower;
    if (lo && (lo.inclusive ? value < lo.value : value <= lo.value)) issue(issues, 'too_small', path);
    if (this.upper !== null && value > this.upper) issue(issues, 'too_big', path);
    return value;
  }
}

class BooleanSchema extends Schema<boolean> {
  run(value: unknown, issues: Issue[], path: Path): unknown {
    if (typeof value !== 'boolean') issue(issues, 'invalid_type', path);
    return value;
  }
}

class EnumSchema<const V extends string> extends Schema<V> {
  private readonly set: ReadonlySet<string>;
  constructor(values: readonly V[]) {
    super();
    this.set = new Set(values);
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    if (typeof value !== 'string' || !this.set.has(value)) issue(issues, 'invalid_value', path);
    return value;
  }
}

class ArraySchema<T> extends Schema<T[]> {
  constructor(
    private readonly item: Schema<T>,
    private readonly minLength = 0,
  ) {
    super();
  }
  min(n: number): ArraySchema<T> {
    return new ArraySchema(this.item, n);
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    if (!Array.isArray(value)) {
      issue(issues, 'invalid_type', path);
      if (hasShortLength(value, this.minLength)) issue(issues, 'too_small', path);
      return value;
    }
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      out[i] = this.item.run(value[i], issues, path);
      path.pop();
    }
    if (value.length < this.minLength) issue(issues, 'too_small', path);
    return out;
  }
}

type Shape = Readonly<Record<string, Schema<unknown>>>;
/** Keys whose value may be undefined are optional in the output, as in zod's `z.output`. */
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type ObjectOut<S extends Shape> = { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { -readonly [K in OptionalKeys<S>]?: Infer<S[K]> };

class ObjectSchema<S extends Shape> extends Schema<ObjectOut<S>> {
  private readonly keys: readonly string[];
  constructor(readonly shape: S) {
    super();
    this.keys = Object.keys(shape);
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    if (!isObject(value)) {
      issue(issues, 'invalid_type', path);
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const key of this.keys) {
      const schema = this.shape[key] as Schema<unknown>;
      const present = key in value;
      // An optional key that is absent contributes nothing (zod 4 leaves it out of the output).
      if (!present && schema.absent === 'optional') continue;
      const before = issues.length;
      path.push(key);
      const v = schema.run(value[key], issues, path);
      if (!present && schema.absent === undefined && issues.length === before) issue(issues, 'invalid_type', path);
      path.pop();
      if (key === '__proto__') continue;
      if (v !== undefined || present || schema.absent === 'defaulted') out[key] = v;
    }
    return out;
  }
}

class RecordSchema<T> extends Schema<Record<string, T>> {
  constructor(private readonly item: Schema<T>) {
    super();
  }
  run(value: unknown, issues: Issue[], path: Path): unknown {
    if (!isPlainObject(value)) {
      issue(issues, 'invalid_type', path);
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const key of Reflect.ownKeys(value)) {
      // String keys only (a symbol is no key the string key schema accepts); never `__proto__`.
      if (typeof key !== 'string' || key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      path.push(key);
      out[key] = this.item.run(value[key], issues, path);
      path.pop();
    }
    return out;
  }
}

/** The schema builders, named as zod names them. */
export const v = {
  string: (): StringSchema => new StringSchema(),
  number: (): NumberSchema => new NumberSchema(),
  boolean: (): BooleanSchema => new BooleanSchema(),
  enum: <const V extends string>(values: readonly V[]): EnumSchema<V> => new EnumSchema(values),
  array: <T>(item: Schema<T>): ArraySchema<T> => new ArraySchema(item),
  object: <S extends Shape>(shape: S): ObjectSchema<S> => new ObjectSchema(shape),
  /** A record with string keys (zod's `z.record(z.string(), item)`). */
  record: <T>(item: Schema<T>): RecordSchema<T> => new RecordSchema(item),
};
