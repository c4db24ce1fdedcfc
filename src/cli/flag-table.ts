// One table per command declares each flag once — name, short, type, default, whether kubectl has it, help — and
// everything else is derived from it: the commander options (cli/flags.ts), the typed values a command receives
// (FlagValues, a mapped type over the `as const` table), `--explain`'s kubectl words, completion's flag names and
// values, help's `--flag=default` and the config file's keys and checks.
import { FlagError } from '../errors.js';
import { readCsvLine } from '../go/csv.js';
import { parseGoDuration } from '../go/duration.js';

/** A flag's value, as kt's code sees it. */
export type FlagValue = boolean | number | string | string[] | Map<string, string> | undefined;

/**
 * Where completion finds a flag's values when the table cannot list them: names from the cluster or the kubeconfig
 * (completed by cli/complete.ts), files (left to the shell), or a lazy list (`() => Promise<string[]>`).
 */
export type ValueSource =
  | 'namespaces'
  | 'contexts'
  | 'clusters'
  | 'users'
  | 'files'
  | 'containers'
  | 'typeName'
  | 'none'
  | (() => Promise<readonly string[]>);

interface Common {
  /** The long name, without dashes (`all-namespaces`). */
  readonly name: string;
  /** One letter (`A`). */
  readonly short?: string;
  /** Whether kubectl 1.32 has this flag with this meaning: `--explain` spells it back, help leaves it unmarked. */
  readonly kubectl: boolean;
  readonly help: string;
  /** The values kt accepts: completion offers them and the config file checks them (`x=` means any `x=…`). */
  readonly values?: readonly string[];
  readonly complete?: ValueSource;
}

export type FlagSpec = Common &
  (
    | { readonly type: 'bool'; readonly default?: boolean }
    | { readonly type: 'int'; readonly default: number }
    | { readonly type: 'string'; readonly default?: string }
    /** Go's time.Duration, checked when parsed and kept as the text given (pflag prints it back as given). */
    | { readonly type: 'duration'; readonly default: string }
    /** pflag's StringSlice: each occurrence is one CSV record, appended. */
    | { readonly type: 'csv' }
    /** pflag's StringArray: repeatable, each occurrence one value. */
    | { readonly type: 'array' }
    /** One of `values`, checked when parsed. */
    | { readonly type: 'enum'; readonly values: readonly string[]; readonly default: string }
    /** pflag's StringToString: CSV `k=v` pairs, accumulated. */
    | { readonly type: 'stringToString' }
    /** A value that may be left out (`-w` or `-w 5s`): `noOptDefault` when given bare, undefined when not given. */
    | { readonly type: 'optional'; readonly noOptDefault: string }
  );

export type FlagTable = readonly FlagSpec[];

/** `all-namespaces` → `allNamespaces`: the key of a flag in the typed values. */
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

type ValueOf<F extends FlagSpec> = F extends { type: 'bool' }
  ? boolean
  : F extends { type: 'int' }
    ? number
    : F extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : F extends { type: 'string' | 'duration' }
        ? string
        : F extends { type: 'csv' | 'array' }
          ? string[]
          : F extends { type: 'stringToString' }
            ? Map<string, string>
            : F extends { type: 'optional' }
              ? string | undefined
              : never;

/** The typed flags of a table: `{ allNamespaces: boolean; tail: number; types: string[]; … }` (fresh each run). */
export type FlagValues<T extends FlagTable> = { readonly [F in T[number] as Camel<F['name']>]: ValueOf<F> };

export function keyOf(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** How pflag names a flag in its errors: `-v, --v` when it has a shorthand, else `--tail`. */
export function displayName(spec: Pick<FlagSpec, 'name' | 'short'>): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** The help text: kt's own flags on a command kubectl also has (a table with kubectl's flags) are marked `kt: `. */
export function helpOf(spec: FlagSpec, table: FlagTable): string {
  return !spec.kubectl && table.some((s) => s.kubectl) ? `kt: ${spec.help}` : spec.help;
}

export function takesValue(spec: FlagSpec): boolean {
  return spec.type !== 'bool' && spec.type !== 'optional';
}

export function isRepeatable(spec: FlagSpec): boolean {
  return spec.type === 'csv' || spec.type === 'array' || spec.type === 'stringToString';
}

export function defaultOf(spec: FlagSpec): FlagValue {
  switch (spec.type) {
    case 'bool':
      return spec.default ?? false;
    case 'int':
    case 'duration':
    case 'enum':
      return spec.default;
    case 'string':
      return spec.default ?? '';
    case 'csv':
    case 'array':
      return [];
    case 'stringToString':
      return new Map<string, string>();
    case 'optional':
      return undefined;
  }
}

/** pflag's `--flag=default` in help: booleans and numbers bare, strings quoted, slices in brackets. */
export function formatDefault(spec: FlagSpec): string {
  switch (spec.type) {
    case 'bool':
      return String(spec.default ?? false);
    case 'int':
    case 'duration':
      return String(spec.default);
    case 'string':
    case 'enum':
      return `'${spec.default ?? ''}'`;
    case 'csv':
    case 'array':
    case 'stringToString':
      return '[]';
    case 'optional':
      return 'false';
  }
}

/** pflag's strconv.ParseBool. */
export function parseGoBool(value: string, flag: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new FlagError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
}

/** pflag's strconv.ParseInt for int flags. */
export function parseGoInt(value: string, flag: string): number {
  if (!/^[+-]?\d+$/.test(value)) {
    throw new FlagError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new FlagError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": value out of range`);
  }
  return n;
}

/** Whether `value` is one of `values` (`jsonpath=` admits any `jsonpath=…`). */
export function isListed(values: readonly string[], value: string): boolean {
  return values.some((v) => (v.endsWith('=') ? value.startsWith(v) : value === v));
}

/**
 * Parses one occurrence of a flag's value as pflag would, `previous` being what earlier occurrences gave (slices
 * append, maps merge). Errors are cobra's: `invalid argument "x" for "--tail" flag: …`.
 */
export function parseValue(spec: FlagSpec, text: string, previous?: FlagValue): FlagValue {
  const flag = displayName(spec);
  switch (spec.type) {
    case 'bool':
      return parseGoBool(text, flag);
    case 'int':
      return parseGoInt(text, flag);
    case 'string':
    case 'optional':
      return text;
    case 'duration':
      try {
        parseGoDuration(text);
      } catch (e) {
        throw new FlagError(`invalid argument "${text}" for "${flag}" flag: ${(e as Error).message}`);
      }
      return text;
    case 'enum':
      if (!spec.values.includes(text)) throw new FlagError(`invalid argument "${text}" for "${flag}" flag: must be ${spec.values.join(', ').replace(/, ([^,]*)$/, ' or $1')}`);
      return text;
    case 'csv':
      return [...(Array.isArray(previous) ? previous : []), ...readCsvLine(text)];
    case 'array':
      return [...(Array.isArray(previous) ? previous : []), text];
    case 'stringToString': {
      const map = new Map(previous instanceof Map ? previous : []);
      for (const pair of readCsvLine(text)) {
        const eq = pair.indexOf('=');
        if (eq < 0) throw new FlagError(`invalid argument "${text}" for "${flag}" flag: ${pair} must be formatted as key=value`);
        map.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      return map;
    }
  }
}

/** Checks that a value handed over by the parser has the type the table says (no unchecked cast joins them). */
export function checkValue(spec: FlagSpec, value: unknown): FlagValue {
  const ok = (() => {
    switch (spec.type) {
      case 'bool':
        return typeof value === 'boolean';
      case 'int':
        return typeof value === 'number';
      case 'string':
      case 'duration':
      case 'enum':
        return typeof value === 'string';
      case 'optional':
        return typeof value === 'string' || value === undefined;
      case 'csv':
      case 'array':
        return Array.isArray(value) && value.every((v: unknown) => typeof v === 'string');
      case 'stringToString':
        return value instanceof Map;
    }
  })();
  if (!ok) throw new Error(`kt: internal error: flag --${spec.name} parsed to ${typeof value}, not ${spec.type}`);
  return value as FlagValue; // checked just above
}

/**
 * The typed values of a table: each flag's value from `valueOf` (what the command line or the config file gave),
 * else its default. The one place the mapped type meets the data: every key comes from the same table the type
 * is computed from, and every value from checkValue or defaultOf for that flag's type.
 */
export function valuesOf<T extends FlagTable>(table: T, valueOf: (spec: FlagSpec) => FlagValue | typeof UNSET): FlagValues<T> {
  const out: Record<string, FlagValue> = {};
  for (const spec of table) {
    const v = valueOf(spec);
    out[keyOf(spec.name)] = v === UNSET ? defaultOf(spec) : v;
  }
  return out as FlagValues<T>;
}

/** valuesOf's "not given": the flag takes its default. */
export const UNSET: unique symbol = Symbol('unset');

/**
 * The kubectl flags a user set, spelled back as kubectl words (for `--explain`): booleans become `--flag` or
 * `--flag=false`, lists a comma list, maps `k=v` pairs, everything else `--flag=value`. Only flags the table marks
 * as kubectl's, and only those in `changed` (by key).
 */
export function kubectlFlagWords(table: FlagTable, values: object, changed: ReadonlySet<string>, skip: readonly string[] = []): string[] {
  const words: string[] = [];
  const record = new Map(Object.entries(values));
  for (const spec of table) {
    const key = keyOf(spec.name);
    if (!spec.kubectl || !changed.has(key) || skip.includes(spec.name)) continue;
    const v: unknown = record.get(key);
    const flag = `--${spec.name}`;
    if (v === true) words.push(flag);
    else if (v === false) words.push(`${flag}=false`);
    else if (Array.isArray(v)) words.push(`${flag}=${v.join(',')}`);
    else if (v instanceof Map) words.push(`${flag}=${[...v].map(([k, x]) => `${k}=${x}`).join(',')}`);
    else if (v !== undefined) words.push(`${flag}=${String(v)}`);
  }
  return words;
}
