// Optional defaults from ~/.config/kt/config.yaml (or $XDG_CONFIG_HOME/kt/config.yaml, or the file $KT_CONFIG
// names), read through the flag tables: a flag given on the command line beats the file, the file beats kt's
// built-in defaults. A top-level key names a flag and applies to every command that has it; a key naming a command
// (`logs`, `top pod`, `drill`) holds defaults for that command (and, for `drill`, its subcommands):
//
//   color: never
//   logs:
//     max-log-requests: 10
//     previous-on-restart: true
//
// Nothing here is fatal: an unknown key, or a value its flag would reject, is a warning on stderr naming the file
// and the key, and the built-in default is used.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isListed, parseValue, type FlagSpec, type FlagTable, type FlagValue } from './flag-table.js';
import type { IO } from './io.js';

export function configPath(env: IO['env']): string | undefined {
  if (env['KT_CONFIG']) return env['KT_CONFIG'];
  // The XDG base directory spec: an empty or relative $XDG_CONFIG_HOME is ignored.
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg && isAbsolute(xdg) ? xdg : env['HOME'] ? join(env['HOME'], '.config') : undefined;
  return base ? join(base, 'kt', 'config.yaml') : undefined;
}

/** The commands kt has, by path below the root (`top pod`), each with its own flag table; '' is the root. */
export type CommandTables = ReadonlyMap<string, FlagTable>;

/** What the file says for the command about to run: a value per flag name, from the most specific key. */
export interface ConfigDefaults {
  /** The flag's value from the file (already parsed and checked), or undefined when the file does not set it. */
  valueOf(spec: FlagSpec): { value: FlagValue } | undefined;
}

type Raw = Record<string, unknown>;

const isMapping = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A YAML value as the words a command line would give the flag (a list gives several occurrences). */
function occurrences(spec: FlagSpec, raw: unknown): string[] | string {
  if (raw === null || raw === undefined) return 'expected a value';
  if (Array.isArray(raw)) {
    if (spec.type !== 'csv' && spec.type !== 'array') return 'expected a single value, not a list';
    return raw.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  }
  if (isMapping(raw)) {
    if (spec.type !== 'stringToString') return 'expected a single value, not a mapping';
    return Object.entries(raw).map(([k, v]) => `${k}=${String(v)}`);
  }
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return [String(raw)];
  return 'expected a single value';
}

/** Parses a file value for a flag as the command line would; a string saying why it is wrong otherwise. */
function parseRaw(spec: FlagSpec, raw: unknown): { value: FlagValue } | string {
  // `watch: true` is the bare flag (`-w`), `watch: false` no flag at all.
  if (spec.type === 'optional' && typeof raw === 'boolean') return { value: raw ? spec.noOptDefault : undefined };
  const words = occurrences(spec, raw);
  if (typeof words === 'string') return words;
  let value: FlagValue;
  try {
    for (const w of words) value = parseValue(spec, w, value);
  } catch (e) {
    // `invalid argument "x" for "--tail" flag: why` → why (the key is named already).
    return (e as Error).message.replace(/^invalid argument ".*?" for ".*?" flag: /s, '');
  }
  if (spec.values && typeof value === 'string' && value !== '' && !isListed(spec.values, value)) return `must be one of ${spec.values.join(', ')}`;
  return { value };
}

const shown = (raw: unknown): string => (typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw));

/**
 * Reads the file for the command at `path` (`logs`), whose flags (its own and its parents', globals included) are
 * `tables`. Returns undefined when there is no file; the YAML parser loads only when there is one.
 */
export async function loadConfig(io: IO, path: string, tables: CommandTables): Promise<ConfigDefaults | undefined> {
  const file = configPath(io.env);
  if (!file || !existsSync(file)) return undefined;
  const warn = (text: string): void => io.err.write(`kt: ${file}: ${text}\n`);
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    warn(`${(e as Error).message.split('\n')[0]}; the file is ignored`);
    return undefined;
  }
  if (doc === null || doc === undefined) return undefined;
  if (!isMapping(doc)) {
    warn('expected a mapping of flag names to values; the file is ignored');
    return undefined;
  }
  // The flags of the running command, nearest first: its own, its parents', then the globals ('').
  const chain: string[] = [];
  for (let p = path; ; p = p.includes(' ') ? p.slice(0, p.lastIndexOf(' ')) : '') {
    chain.push(p);
    if (p === '') break;
  }
  const everyFlag = new Set([...tables.values()].flatMap((t) => t.map((s) => s.name)));
  /** Values by flag name; a section beats a top-level key, a nearer section a farther one. */
  const found = new Map<string, { key: string; raw: unknown; rank: number }>();
  const consider = (name: string, key: string, raw: unknown, rank: number): void => {
    const prev = found.get(name);
    if (!prev || rank < prev.rank) found.set(name, { key, raw, rank });
  };

  for (const [key, value] of Object.entries(doc)) {
    const section = key !== '' ? tables.get(key) : undefined;
    if (section) {
      if (!isMapping(value)) {
        warn(`key "${key}": expected a mapping of flag names to values; ignored`);
        continue;
      }
      for (const [flag, raw] of Object.entries(value)) {
        if (!section.some((s) => s.name === flag)) {
          warn(`key "${key}.${flag}": "${key}" has no flag --${flag}; ignored`);
          continue;
        }
        const rank = chain.indexOf(key);
        if (rank >= 0) consider(flag, `${key}.${flag}`, raw, rank);
      }
      continue;
    }
    if (!everyFlag.has(key)) {
      warn(`key "${key}": kt has no flag --${key} and no command "${key}"; ignored`);
      continue;
    }
    consider(key, key, value, chain.length);
  }

  const parsed = new Map<string, { value: FlagValue } | undefined>();
  return {
    valueOf(spec) {
      if (parsed.has(spec.name)) return parsed.get(spec.name);
      const entry = found.get(spec.name);
      let result: { value: FlagValue } | undefined;
      if (entry) {
        const r = parseRaw(spec, entry.raw);
        if (typeof r === 'string') warn(`key "${entry.key}": invalid value "${shown(entry.raw)}": ${r}; using the default`);
        else result = r;
      }
      parsed.set(spec.name, result);
      return result;
    },
  };
}
