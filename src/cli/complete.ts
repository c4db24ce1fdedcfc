// Shell completion, on cobra's protocol so the scripts (and kubectl's plugin completion, which runs
// `kubectl_complete-triage ARGS… WORD`) can ask kt: `kt __complete ARGS… WORD` prints one candidate a line
// (`value\tdescription`), then `:DIRECTIVE`. Commands come from the program, flags and their values from the flag tables;
// names (pods, containers, nodes, namespaces, TYPE/NAME) come from the cluster with a short timeout, and any
// failure there is silent: completion never writes to stderr.
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { parseRequestTimeout } from '../go/duration.js';
import { RESOURCE_TYPES } from '../k8s/resources.js';
import { helpOf, isRepeatable, takesValue, type FlagSpec } from './flag-table.js';
import { tableOf } from './flags.js';
import { visibleCommands } from './help.js';
import type { IO } from './io.js';
import { argSourcesOf, type ArgSource } from './registry.js';
import type { GlobalFlags } from './session.js';

/** cobra's ShellCompDirective bits. */
export const Directive = { error: 1, noSpace: 2, noFileComp: 4, filterFileExt: 8, filterDirs: 16, keepOrder: 32, default: 0 } as const;

/** How long the cluster gets to answer a completion before kt offers nothing (unless --request-timeout says). */
const LIVE_TIMEOUT = '1s';

interface Candidate {
  value: string;
  description?: string;
}

interface Result {
  values: Candidate[];
  directive: number;
}

/** A flag of the command being completed, with the table it came from (its help marks kt's own). */
interface Flag {
  spec: FlagSpec;
  help: string;
}

interface Parsed {
  cmd: Command;
  /** Values of the flags given so far, by long name without dashes. */
  flags: Map<string, string>;
  positionals: string[];
  /** The flag whose value is being completed as the next word (`-n <TAB>`). */
  pendingFlag?: FlagSpec;
}

/** The flags a command accepts: its own table's, then its parents' (the globals last). */
function flagsOf(cmd: Command): Flag[] {
  const out: Flag[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) {
    const table = tableOf(c);
    for (const spec of table) out.push({ spec, help: helpOf(spec, table) });
  }
  return out;
}

function findFlag(cmd: Command, word: string): FlagSpec | undefined {
  const long = word.startsWith('--') ? word.slice(2) : undefined;
  const short = !long && /^-[A-Za-z]$/.test(word) ? word[1] : undefined;
  return flagsOf(cmd).find((f) => (long !== undefined && f.spec.name === long) || (short !== undefined && f.spec.short === short))?.spec;
}

/** cobra's word scan: commands first, flags with their values, the rest positionals. */
function parseWords(program: Command, words: readonly string[]): Parsed {
  const parsed: Parsed = { cmd: program, flags: new Map(), positionals: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      parsed.positionals.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('-') && w !== '-') {
      const eq = w.indexOf('=');
      const name = eq > 0 ? w.slice(0, eq) : w;
      const attached = /^-[A-Za-z].+/.test(name); // -nshop
      const spec = findFlag(parsed.cmd, attached ? w.slice(0, 2) : name);
      if (!spec) continue;
      if (eq > 0 && !attached) parsed.flags.set(spec.name, w.slice(eq + 1));
      else if (attached) parsed.flags.set(spec.name, takesValue(spec) ? w.slice(2).replace(/^=/, '') : 'true');
      else if (takesValue(spec)) {
        if (i + 1 < words.length) parsed.flags.set(spec.name, words[++i]!);
        else parsed.pendingFlag = spec;
      } else parsed.flags.set(spec.name, spec.type === 'optional' ? spec.noOptDefault : 'true');
      continue;
    }
    const sub = parsed.positionals.length === 0 ? parsed.cmd.commands.find((c) => c.name() === w || c.aliases().includes(w)) : undefined;
    if (sub) parsed.cmd = sub;
    else parsed.positionals.push(w);
  }
  return parsed;
}

/** The names the cluster offers, or none when it cannot answer in time. */
class Live {
  private client: Promise<import('../client/api.js').KubeClient | undefined> | undefined;
  namespace = 'default';
  constructor(private readonly flags: Map<string, string>, private readonly io: IO) {}

  private globals(): GlobalFlags {
    const f = this.flags;
    const g: GlobalFlags = { requestTimeout: this.timeout() };
    for (const [k, attr] of [['kubeconfig', 'kubeconfig'], ['context', 'context'], ['cluster', 'cluster'], ['user', 'user'], ['namespace', 'namespace'], ['server', 'server'], ['token', 'token']] as const) {
      const v = f.get(k);
      if (v !== undefined) g[attr] = v;
    }
    if (f.get('insecure-skip-tls-verify') === 'true') g.insecureSkipTlsVerify = true;
    if (f.get('demo') === 'true') g.demo = true;
    return g;
  }

  private close: (() => Promise<void>) | undefined;

  /** --request-timeout from the line when it is a valid positive one, else a second. */
  private timeout(): string {
    const given = this.flags.get('request-timeout');
    try {
      if (given !== undefined && parseRequestTimeout(given) > 0) return given;
    } catch {
      // a bad value: the default
    }
    return LIVE_TIMEOUT;
  }

  async get(): Promise<import('../client/api.js').KubeClient | undefined> {
    this.client ??= (async () => {
      try {
        const { openSession } = await import('./session.js');
        const quiet: IO = { ...this.io, out: { write: () => {} }, err: { write: () => {} } };
        const session = await openSession(this.globals(), quiet);
        this.close = session.close;
        this.namespace = session.namespace;
        return await session.client();
      } catch {
        return undefined;
      }
    })();
    return this.client;
  }

  /** Runs a lookup with a hard deadline; any failure offers nothing. */
  async names<T>(fn: (client: import('../client/api.js').KubeClient) => Promise<T[]>): Promise<T[]> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<T[]>((resolve) => {
        // A hard stop past the request timeout, for a server that accepts and never answers a TLS handshake.
        timer = setTimeout(() => resolve([]), parseRequestTimeout(this.timeout()) + 500);
        timer.unref();
      });
      const work = (async () => {
        const client = await this.get();
        return client ? await fn(client) : [];
      })();
      work.catch(() => {});
      return await Promise.race([work, deadline]);
    } catch {
      return [];
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  async dispose(): Promise<void> {
    try {
      await this.close?.();
    } catch {
      // completion stays quiet
    }
  }

  allNamespaces(): boolean {
    return this.flags.get('all-namespaces') === 'true';
  }

  pods(): Promise<string[]> {
    return this.names(async (c) => {
      await this.get();
      return (await c.listPods(this.namespace)).items.map((p) => p.metadata?.name ?? '').filter(Boolean);
    });
  }

  nodes(): Promise<string[]> {
    return this.names(async (c) => (await c.listNodes()).items.map((n) => n.metadata?.name ?? '').filter(Boolean));
  }

  namespaces(): Promise<string[]> {
    return this.names(async (c) => (await c.listNamespaces()).items.map((n) => n.metadata?.name ?? '').filter(Boolean));
  }

  containers(pod: string): Promise<string[]> {
    return this.names(async (c) => {
      const p = await c.getPod(this.namespace, pod);
      const s = p.spec ?? {};
      return [...(s.containers ?? []), ...(s.initContainers ?? []), ...(s.ephemeralContainers ?? [])].map((x) => x.name);
    });
  }

  /** `TYPE/NAME` for the objects of TYPE (any of kubectl's names for it). */
  typed(type: string): Promise<string[]> {
    return this.names(async (c) => {
      await this.get();
      const { collectionPath } = await import('../k8s/resources.js');
      const t = await c.resolveType(type);
      const list = await c.listAll(collectionPath(t, t.namespaced ? this.namespace : undefined));
      return list.items.map((o) => `${type}/${o.metadata?.name ?? ''}`);
    });
  }
}

/** Context, cluster and user names from the kubeconfig files kt would read (no cluster needed). */
async function kubeconfigNames(flags: Map<string, string>, io: IO, section: 'contexts' | 'clusters' | 'users'): Promise<string[]> {
  try {
    const { readFileSync } = await import('node:fs');
    const { join, delimiter } = await import('node:path');
    const explicit = flags.get('kubeconfig');
    const files = explicit ? [explicit] : io.env['KUBECONFIG'] ? io.env['KUBECONFIG'].split(delimiter).filter(Boolean) : [join(io.env['HOME'] ?? '', '.kube', 'config')];
    const names: string[] = [];
    for (const f of files) {
      try {
        const doc = parseYaml(readFileSync(f, 'utf8')) as Record<string, unknown> | null;
        const list = doc?.[section];
        if (Array.isArray(list)) for (const e of list as { name?: unknown }[]) if (typeof e?.name === 'string' && !names.includes(e.name)) names.push(e.name);
      } catch {
        // an unreadable file offers nothing
      }
    }
    return names;
  } catch {
    return [];
  }
}

/** kubectl's names for the resource types of these kinds: `pod`, `pods`, `po`, `deployment`, … in table order. */
function typeWords(kinds: readonly string[]): string[] {
  const words: string[] = [];
  for (const k of kinds) {
    const t = RESOURCE_TYPES.find((r) => r.kind === k && r.singular !== '');
    if (t) words.push(t.singular, t.resource, ...t.shortNames);
  }
  return words;
}

/** The kinds `--for TYPE/NAME` offers. */
const FOR_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Service', 'ReplicationController', 'Node'];

const list = (xs: readonly string[], directive: number = Directive.noFileComp): Result => ({ values: xs.map((value) => ({ value })), directive });

/** `TYPE/` prefixes (no space after them), or `TYPE/NAME` once a type has been typed. */
async function typeNameCandidates(toComplete: string, live: Live, types: readonly string[]): Promise<Result> {
  const slash = toComplete.indexOf('/');
  if (slash < 0) return list(types.map((t) => `${t}/`), Directive.noFileComp | Directive.noSpace);
  return list(await live.typed(toComplete.slice(0, slash)));
}

/** The values a flag takes: from its table row (enum and listed values), or the source it names. */
async function flagValues(parsed: Parsed, spec: FlagSpec, toComplete: string, live: Live, io: IO): Promise<Result> {
  if (spec.type === 'bool') return list(['true', 'false']);
  const listed = spec.values;
  if (listed) {
    // A CSV flag completes the next item of its comma list, without repeating one already chosen.
    const done = spec.type === 'csv' && toComplete.includes(',') ? toComplete.slice(0, toComplete.lastIndexOf(',') + 1) : '';
    const chosen = done.split(',').filter(Boolean);
    const values = listed.filter((v) => !chosen.includes(v)).map((v) => done + v);
    // `jsonpath=` takes its template right after the `=`.
    return list(values, Directive.noFileComp | (values.some((v) => v.endsWith('=')) ? Directive.noSpace : 0));
  }
  const source = spec.complete ?? 'none';
  if (typeof source === 'function') {
    const values = await source();
    return list(values, Directive.noFileComp | (values.some((v) => v.endsWith(':')) ? Directive.noSpace : 0));
  }
  switch (source) {
    case 'namespaces':
      return list(await live.namespaces());
    case 'contexts':
    case 'clusters':
    case 'users':
      return list(await kubeconfigNames(parsed.flags, io, source));
    case 'files':
      return list([], Directive.default);
    case 'containers': {
      const pod = parsed.positionals[0];
      if (!pod || pod.includes('/')) return list([]);
      return list(await live.containers(pod));
    }
    case 'typeName':
      return typeNameCandidates(toComplete, live, typeWords(FOR_KINDS));
    case 'none':
      return list([]);
  }
}

async function argValues(source: ArgSource, parsed: Parsed, toComplete: string, live: Live): Promise<Result> {
  if (typeof source === 'function') return list(await source());
  if (typeof source === 'object') {
    if (toComplete.includes('/')) return typeNameCandidates(toComplete, live, typeWords(source.podOrTypeName));
    const pods = await live.pods();
    // Only pod names when some match; `TYPE/` prefixes (no space after them) when none does.
    if (toComplete === '' || pods.some((p) => p.startsWith(toComplete))) return list(pods);
    return typeNameCandidates('', live, typeWords(source.podOrTypeName));
  }
  switch (source) {
    case 'pods':
      return list(await live.pods());
    case 'nodes':
      return list(await live.nodes());
    case 'podOrNode': {
      const type = toComplete.slice(0, toComplete.indexOf('/'));
      if (toComplete.includes('/') && /^(node|nodes|no)$/.test(type)) return list((await live.nodes()).map((x) => `${type}/${x}`));
      if (toComplete.includes('/')) return typeNameCandidates(toComplete, live, typeWords(['Pod']));
      const pods = await live.pods();
      if (toComplete === '' || pods.some((p) => p.startsWith(toComplete))) return list(pods);
      return list(['pod/', 'node/'], Directive.noFileComp | Directive.noSpace);
    }
    case 'containersOfArg0': {
      const pod = parsed.positionals[0];
      return list(pod && !pod.includes('/') ? await live.containers(pod) : []);
    }
    case 'none':
      return list([]);
  }
}

function positionalValues(parsed: Parsed, toComplete: string, live: Live): Promise<Result> {
  const sources = argSourcesOf(parsed.cmd);
  const source = sources[Math.min(parsed.positionals.length, sources.length - 1)] ?? 'none';
  return argValues(source, parsed, toComplete, live);
}

function flagCandidates(cmd: Command, parsed: Parsed, toComplete: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { spec, help } of flagsOf(cmd)) {
    if (parsed.flags.has(spec.name) && !isRepeatable(spec)) continue;
    out.push({ value: `--${spec.name}`, description: help });
    if (toComplete === '-' && spec.short) out.push({ value: `-${spec.short}`, description: help });
  }
  return out;
}

/** Runs `__complete`: `args` are the words after it, the last being the word under the cursor. */
export async function complete(program: Command, args: readonly string[], io: IO, withDescriptions = true): Promise<number> {
  const words = args.slice(0, -1);
  const toComplete = args[args.length - 1] ?? '';
  const parsed = parseWords(program, words);
  const live = new Live(parsed.flags, io);
  let result: Result;
  let prefix = '';
  let word = toComplete;
  try {
    if (parsed.pendingFlag) {
      result = await flagValues(parsed, parsed.pendingFlag, toComplete, live, io);
    } else if (toComplete.startsWith('-') && toComplete.includes('=')) {
      // `--flag=VALUE` and `-f=VALUE`: the same values, each after the flag and its `=`.
      const eq = toComplete.indexOf('=');
      const spec = findFlag(parsed.cmd, toComplete.slice(0, eq));
      prefix = toComplete.slice(0, eq + 1);
      word = toComplete.slice(eq + 1);
      result = spec ? await flagValues(parsed, spec, word, live, io) : list([]);
    } else if (toComplete.startsWith('-')) {
      result = { values: flagCandidates(parsed.cmd, parsed, toComplete), directive: Directive.noFileComp };
    } else {
      const subs = parsed.positionals.length === 0 ? visibleCommands(parsed.cmd) : [];
      result = subs.length > 0
        ? { values: subs.map((c) => ({ value: c.name(), description: c.description().replace(/\.$/, '') })), directive: Directive.noFileComp }
        : await positionalValues(parsed, toComplete, live);
    }
  } finally {
    await live.dispose();
  }
  for (const c of result.values) {
    if (!c.value.startsWith(word)) continue;
    const value = prefix + c.value;
    io.out.write(withDescriptions && c.description ? `${value}\t${c.description.split('\n')[0]}\n` : `${value}\n`);
  }
  io.out.write(`:${result.directive}\n`);
  return 0;
}
