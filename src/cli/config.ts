// Optional defaults from ~/.config/kt/config.yaml (or $KT_CONFIG): a flag given on the command line beats the
// file, the file beats kt's built-in defaults. A top-level key names a flag and applies to every command that has
// it; a key naming a command (`logs`, `top pod`) holds defaults for that command only:
//
//   color: never
//   logs:
//     max-log-requests: 10
//     previous-on-restart: true
//
// Unknown keys and values a flag would reject are warned about on stderr and ignored.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Command, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { IO } from './io.js';

export function configPath(env: IO['env']): string | undefined {
  if (env['KT_CONFIG']) return env['KT_CONFIG'];
  // The XDG base directory spec: an empty or relative $XDG_CONFIG_HOME is ignored.
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg && isAbsolute(xdg) ? xdg : env['HOME'] ? join(env['HOME'], '.config') : undefined;
  return base ? join(base, 'kt', 'config.yaml') : undefined;
}

type Values = Record<string, unknown>;

function subPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function allCommands(cmd: Command, out: Command[] = []): Command[] {
  out.push(cmd);
  cmd.commands.forEach((c) => allCommands(c, out));
  return out;
}

const flagNames = (cmd: Command): string[] => cmd.options.filter((o) => o.long && !o.hidden).map((o) => o.long!.slice(2));

/** Sets one option from the file unless the command line set it. Returns a warning, or undefined. */
function apply(cmd: Command, o: Option, raw: unknown, where: string): string | undefined {
  const key = o.attributeName();
  if (cmd.getOptionValueSource(key) === 'cli' || cmd.getOptionValueSource(key) === 'env') return undefined;
  let value: unknown;
  const takesValue = o.required || o.optional;
  if (!takesValue) {
    if (typeof raw !== 'boolean') return `${where}: expected true or false`;
    value = o.negate ? !raw : raw;
  } else {
    if (typeof raw !== 'string' && typeof raw !== 'number') return `${where}: expected a single value`;
    const parse = (o as Option & { parseArg?: (v: string, prev: unknown) => unknown }).parseArg;
    try {
      value = parse ? parse(String(raw), undefined) : String(raw);
    } catch (e) {
      return `${where}: ${(e as Error).message}`;
    }
    if (o.argChoices && !o.argChoices.includes(String(raw))) return `${where}: must be one of ${o.argChoices.join(', ')}`;
  }
  cmd.setOptionValueWithSource(key, value, 'config');
  return undefined;
}

function findOption(cmd: Command, name: string): Option | undefined {
  return cmd.options.find((o) => o.long === `--${name}` && !o.hidden) ?? cmd.options.find((o) => o.long === `--no-${name}` && o.negate && !o.hidden);
}

/**
 * Applies the config file to the command about to run (and its parents' flags). Reads nothing when there is no
 * file; the YAML parser loads only when there is one.
 */
export async function applyConfig(cmd: Command, io: IO): Promise<void> {
  const file = configPath(io.env);
  if (!file || !existsSync(file)) return;
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    io.err.write(`warning: ignoring ${file}: ${(e as Error).message.split('\n')[0]}\n`);
    return;
  }
  if (doc === null || doc === undefined) return;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    io.err.write(`warning: ignoring ${file}: expected a mapping of flag names to values\n`);
    return;
  }
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  const commands = allCommands(root);
  const paths = new Map(commands.filter((c) => c.parent).map((c) => [subPath(c), c]));
  const everyFlag = new Set(commands.flatMap(flagNames));
  const warnings: string[] = [];
  const chain: Command[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) chain.push(c);
  const here = subPath(cmd);

  for (const [key, value] of Object.entries(doc as Values)) {
    const section = paths.get(key);
    if (section) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        warnings.push(`"${key}": expected a mapping of flag names to values`);
        continue;
      }
      for (const [flag, v] of Object.entries(value as Values)) {
        const own = findOption(section, flag);
        if (!own) {
          warnings.push(`unknown key "${key}.${flag}": "${key}" has no flag --${flag}`);
          continue;
        }
        // A section applies when that command is the one running.
        if (here === key) {
          const w = apply(section, own, v, `"${key}.${flag}"`);
          if (w) warnings.push(w);
        }
      }
      continue;
    }
    if (!everyFlag.has(key) && !everyFlag.has(`no-${key}`)) {
      warnings.push(`unknown key "${key}"`);
      continue;
    }
    // A top-level flag: every command in the chain that has it (command flags first, then global ones).
    for (const c of chain) {
      const o = findOption(c, key);
      if (!o) continue;
      const w = apply(c, o, value, `"${key}"`);
      if (w) warnings.push(w);
      break;
    }
  }
  for (const w of warnings) io.err.write(`warning: ${file}: ${w}\n`);
}
