// Help in kubectl's layout: the description, `Aliases:`, `Examples:` (`# comment` + command), `Available
// Commands:`, `Options:` as `--flag=default:` with the text on the next line after a tab, `Usage:`, and the
// closing `Use "… --help"` lines. The words (long descriptions, examples) live in help-text.ts.
import type { Command, Option } from 'commander';
import { formatDefault } from './flag-table.js';
import { specOf } from './flags.js';
import { HELP_TEXT, ROOT_GROUPS } from './help-text.js';
import { subPath } from './registry.js';

export { subPath };

/** The commands a help lists: commander's visible ones (public Help API), without its implicit `help`. */
export const visibleCommands = (cmd: Command): Command[] => cmd.createHelp().visibleCommands(cmd).filter((c) => c.name() !== 'help');
const visible = visibleCommands;

/** kubectl's Short: the one-line description without its final period. */
function short(cmd: Command): string {
  return (HELP_TEXT[subPath(cmd)]?.short ?? cmd.description()).replace(/\.$/, '');
}

/** kubectl's LongDesc: the first paragraph flush left, later ones indented by one space. */
function long(cmd: Command, root: string): string {
  const text = HELP_TEXT[subPath(cmd)]?.long?.replaceAll('{{root}}', root) ?? cmd.description();
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p, i) => (i === 0 ? p.trim() : ` ${p.trim()}`))
    .join('\n\n');
}

/** pflag's `--flag=default` rendering, from the flag's table row (commander's own options, `--version`: false). */
export function flagDefault(o: Option): string {
  const spec = specOf(o);
  return spec ? formatDefault(spec) : 'false';
}

function flagName(o: Option): string {
  return o.short ? `${o.short}, ${o.long}` : (o.long ?? o.flags);
}

/** The flags kubectl would list, sorted by long name as pflag sorts them. */
function listedOptions(cmd: Command, includeVersion = false): Option[] {
  return cmd.options
    .filter((o) => !o.hidden && o.long !== '--help' && (includeVersion || o.long !== '--version'))
    .sort((a, b) => (a.long ?? '').localeCompare(b.long ?? '', 'en'));
}

export function formatOptions(options: readonly Option[]): string {
  return options.map((o) => `    ${flagName(o)}=${flagDefault(o)}:\n\t${o.description}\n\n`).join('');
}

function usageLine(cmd: Command, root: string): string {
  const path = [root, subPath(cmd)].filter((s) => s !== '').join(' ');
  const u = cmd.usage();
  // commander's own default ("[options] [command]", "[options]"); kubectl's is "[flags] [options]".
  const own = /^\[options\]( \[command\])?$/.test(u) || u === '' ? '[flags] [options]' : u;
  return `${path} ${own}`;
}

function commandList(cmds: readonly Command[], pad: number): string {
  return cmds.map((c) => `  ${c.name().padEnd(pad)}   ${short(c)}\n`).join('');
}

export function formatHelp(cmd: Command, root: string): string {
  let out = `${long(cmd, root)}\n\n`;
  if (cmd.aliases().length > 0) out += `Aliases:\n${[cmd.name(), ...cmd.aliases()].join(', ')}\n\n`;
  const examples = HELP_TEXT[subPath(cmd)]?.examples;
  if (examples) {
    const body = examples.replaceAll('{{root}}', root).trim().split('\n').map((l) => `  ${l.trim()}`).join('\n');
    out += `Examples:\n${body}\n\n`;
  }
  const subs = visible(cmd);
  if (subs.length > 0) {
    const pad = Math.max(11, ...subs.map((c) => c.name().length));
    if (!cmd.parent) {
      // The root groups its commands as kubectl does; a command no group names goes under "Other Commands".
      const grouped = new Set<string>();
      for (const [title, names] of ROOT_GROUPS) {
        const cmds = names.map((n) => subs.find((c) => c.name() === n)).filter((c): c is Command => c !== undefined);
        cmds.forEach((c) => grouped.add(c.name()));
        if (cmds.length > 0) out += `${title}:\n${commandList(cmds, pad)}\n`;
      }
      const rest = subs.filter((c) => !grouped.has(c.name()));
      if (rest.length > 0) out += `Other Commands:\n${commandList(rest, pad)}\n`;
    } else {
      // cobra lists a command's subcommands sorted by name.
      const sorted = [...subs].sort((a, b) => a.name().localeCompare(b.name(), 'en'));
      out += `Available Commands:\n${commandList(sorted, pad)}\n`;
    }
  }
  const options = cmd.parent ? listedOptions(cmd) : [];
  if (options.length > 0) out += `Options:\n${formatOptions(options)}`;
  out += `Usage:\n  ${usageLine(cmd, root)}\n\n`;
  const path = [root, subPath(cmd)].filter((s) => s !== '').join(' ');
  if (subs.length > 0) out += `Use "${path} <command> --help" for more information about a given command.\n`;
  out += `Use "${root} options" for a list of global command-line options (applies to all commands).\n`;
  return out;
}

/** `kt options`: the flags every command accepts. */
export function formatGlobalOptions(program: Command): string {
  return `The following options can be passed to any command:\n\n${formatOptions(listedOptions(program))}`;
}

/** Gives every command (present and future subcommands included) kubectl's help layout. */
export function installHelp(program: Command, root: string): void {
  const walk = (cmd: Command): void => {
    cmd.configureHelp({ formatHelp: (c: Command) => formatHelp(c, root) });
    cmd.commands.forEach(walk);
  };
  walk(program);
}
