// Shell completion, on cobra's protocol so the scripts (and kubectl's plugin completion, which runs
// `kubectl_complete-triage ARGS… WORD`) can ask kt: `kt __complete ARGS… WORD` prints one candidate a line
// (`value\tdescription`), then `:DIRECTIVE`. Static things (commands, flags, flag values) come from the program;
// names (pods, containers, nodes, namespaces, TYPE/NAME) come from the cluster with a short timeout, and any
// failure there is silent: completion never writes to stderr.
import type { Command, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { IO } from './io.js';
import type { GlobalFlags } from './session.js';

/** cobra's ShellCompDirective bits. */
export const Directive = { error: 1, noSpace: 2, noFileComp: 4, filterFileExt: 8, filterDirs: 16, keepOrder: 32, default: 0 } as const;

/** How long the cluster gets to answer a completion before kt offers nothing. */
const LIVE_TIMEOUT_MS = 1000;

interface Candidate {
  value: string;
  description?: string;
}

interface Parsed {
  cmd: Command;
  /** Values of the flags given so far, by long name without dashes. */
  flags: Map<string, string>;
  positionals: string[];
  /** The flag whose value is being completed as the next word (`-n <TAB>`). */
  pendingFlag?: Option;
}

const TYPE_NAMES = ['pod', 'deployment', 'replicaset', 'statefulset', 'daemonset', 'job', 'service', 'replicationcontroller'];

const OUTPUT_FORMATS: Record<string, string[]> = {
  'top pod': ['json', 'yaml', 'name', 'jsonpath=', 'jsonpath-as-json='],
  'top node': ['json', 'yaml', 'name', 'jsonpath=', 'jsonpath-as-json='],
  logs: ['json'],
  version: ['json', 'yaml'],
};
const DEFAULT_OUTPUT = ['json', 'yaml', 'name', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file='];

function allOptions(cmd: Command): Option[] {
  const out: Option[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) out.push(...c.options);
  return out;
}

function findOption(cmd: Command, word: string): Option | undefined {
  return allOptions(cmd).find((o) => o.long === word || o.short === word);
}

const takesValue = (o: Option): boolean => o.required;

function subPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

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
      const opt = findOption(parsed.cmd, name) ?? (/^-[A-Za-z]{2,}$/.test(w) ? findOption(parsed.cmd, w.slice(0, 2)) : undefined);
      if (!opt) continue;
      const key = (opt.long ?? name).replace(/^--?/, '');
      if (eq > 0) parsed.flags.set(key, w.slice(eq + 1));
      else if (takesValue(opt) && name.length === w.length && !/^-[A-Za-z].+/.test(w)) {
        if (i + 1 < words.length) parsed.flags.set(key, words[++i]!);
        else parsed.pendingFlag = opt;
      } else if (takesValue(opt) && /^-[A-Za-z].+/.test(w)) parsed.flags.set(key, w.slice(2)); // -nshop
      else parsed.flags.set(key, 'true');
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
    const g: GlobalFlags = { requestTimeout: `${LIVE_TIMEOUT_MS}ms` };
    for (const [k, attr] of [['kubeconfig', 'kubeconfig'], ['context', 'context'], ['cluster', 'cluster'], ['user', 'user'], ['namespace', 'namespace'], ['server', 'server'], ['token', 'token']] as const) {
      const v = f.get(k);
      if (v !== undefined) g[attr] = v;
    }
    if (f.get('insecure-skip-tls-verify') === 'true') g.insecureSkipTlsVerify = true;
    if (f.get('demo') === 'true') g.demo = true;
    return g;
  }

  private close: (() => Promise<void>) | undefined;

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
        timer = setTimeout(() => resolve([]), LIVE_TIMEOUT_MS + 500);
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

function resourceTypeWords(): string[] {
  return ['pod', 'pods', 'po', 'deployment', 'deployments', 'deploy', 'replicaset', 'rs', 'statefulset', 'sts', 'daemonset', 'ds', 'job', 'jobs', 'service', 'svc', 'replicationcontroller', 'rc'];
}

/** `TYPE/` prefixes, or `TYPE/NAME` once a type has been typed. */
async function typeNameCandidates(toComplete: string, live: Live, types: readonly string[] = resourceTypeWords()): Promise<{ values: string[]; noSpace: boolean }> {
  const slash = toComplete.indexOf('/');
  if (slash < 0) return { values: types.map((t) => `${t}/`), noSpace: true };
  return { values: await live.typed(toComplete.slice(0, slash)), noSpace: false };
}

async function flagValues(parsed: Parsed, opt: Option, toComplete: string, live: Live, io: IO): Promise<{ values: Candidate[]; directive: number }> {
  const name = (opt.long ?? '').slice(2);
  const path = subPath(parsed.cmd);
  const list = (xs: readonly string[], directive: number = Directive.noFileComp) => ({ values: xs.map((value) => ({ value })), directive });
  switch (name) {
    case 'namespace':
      return list(await live.namespaces());
    case 'context':
    case 'cluster':
    case 'user':
      return list(await kubeconfigNames(parsed.flags, io, `${name}s` as 'contexts' | 'clusters' | 'users'));
    case 'kubeconfig':
    case 'filename':
    case 'custom':
    case 'kubeconfig-out':
      return list([], Directive.default);
    case 'sort-by':
      return list(['cpu', 'memory']);
    case 'types': {
      const done = toComplete.includes(',') ? toComplete.slice(0, toComplete.lastIndexOf(',') + 1) : '';
      const chosen = done.split(',').filter(Boolean);
      return list(['Normal', 'Warning'].filter((t) => !chosen.includes(t)).map((t) => done + t));
    }
    case 'profile':
      return list(['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin']);
    case 'output':
      return { ...list(OUTPUT_FORMATS[path] ?? DEFAULT_OUTPUT), directive: Directive.noFileComp | Directive.noSpace };
    case 'color':
      return list(['auto', 'always', 'never']);
    case 'image-pull-policy':
      return list(['Always', 'IfNotPresent', 'Never']);
    case 'selector':
    case 'field-selector':
      return list([]);
    case 'container':
    case 'target': {
      // kt debug -c names a new container; only logs and debug --target pick an existing one.
      if (path === 'debug' && name === 'container') return list([]);
      const pod = parsed.positionals[0];
      if (!pod || pod.includes('/')) return list([]);
      return list(await live.containers(pod));
    }
    case 'for': {
      const r = await typeNameCandidates(toComplete, live, TYPE_NAMES.concat(['node', 'deploy', 'sts', 'ds', 'svc', 'rs']));
      return { ...list(r.values), directive: Directive.noFileComp | (r.noSpace ? Directive.noSpace : 0) };
    }
    case 'scenario':
      return list(['demo']);
    default:
      return list([]);
  }
}

async function positionalValues(parsed: Parsed, toComplete: string, live: Live): Promise<{ values: Candidate[]; directive: number }> {
  const path = subPath(parsed.cmd);
  const n = parsed.positionals.length;
  const list = (xs: readonly string[], directive: number = Directive.noFileComp) => ({ values: xs.map((value) => ({ value })), directive });
  switch (path) {
    case 'top pod':
      return list(n === 0 ? await live.pods() : []);
    case 'top node':
      return list(n === 0 ? await live.nodes() : []);
    case 'logs':
    case 'debug': {
      if (n === 1 && path === 'logs' && !parsed.positionals[0]!.includes('/')) return list(await live.containers(parsed.positionals[0]!));
      if (n > 0) return list([]);
      if (toComplete.includes('/')) {
        const type = toComplete.slice(0, toComplete.indexOf('/'));
        if (path === 'debug' && /^(node|nodes|no)$/.test(type)) return list((await live.nodes()).map((x) => `${type}/${x}`));
        return list((await typeNameCandidates(toComplete, live)).values);
      }
      const pods = await live.pods();
      const types = path === 'debug' ? ['pod/', 'node/'] : resourceTypeWords().map((t) => `${t}/`);
      const matching = pods.filter((p) => p.startsWith(toComplete));
      // Only pod names when some match; `TYPE/` prefixes (no space after them) when none does.
      if (matching.length > 0 || toComplete === '') return list(pods);
      return list(types, Directive.noFileComp | Directive.noSpace);
    }
    case 'completion':
      return list(n === 0 ? ['bash', 'zsh', 'fish', 'powershell'] : []);
    default:
      return list([]);
  }
}

function flagCandidates(cmd: Command, parsed: Parsed, toComplete: string): Candidate[] {
  const out: Candidate[] = [];
  for (const o of allOptions(cmd)) {
    if (o.hidden || !o.long || o.long === '--version') continue;
    const key = o.long.slice(2);
    if (parsed.flags.has(key) && !/repeatable|comma list/.test(o.description)) continue;
    out.push({ value: o.long, description: o.description });
    if (toComplete === '-' && o.short) out.push({ value: o.short, description: o.description });
  }
  return out;
}

/** Runs `__complete`: `args` are the words after it, the last being the word under the cursor. */
export async function complete(program: Command, args: readonly string[], io: IO, withDescriptions = true): Promise<number> {
  const words = args.slice(0, -1);
  const toComplete = args[args.length - 1] ?? '';
  const parsed = parseWords(program, words);
  const live = new Live(parsed.flags, io);
  let result: { values: Candidate[]; directive: number };
  let prefix = '';
  let word = toComplete;
  try {
    if (parsed.pendingFlag) {
      result = await flagValues(parsed, parsed.pendingFlag, toComplete, live, io);
    } else if (toComplete.startsWith('-') && toComplete.includes('=')) {
      const eq = toComplete.indexOf('=');
      const opt = findOption(parsed.cmd, toComplete.slice(0, eq));
      prefix = toComplete.slice(0, eq + 1);
      word = toComplete.slice(eq + 1);
      result = opt && takesValue(opt) ? await flagValues(parsed, opt, word, live, io) : { values: [], directive: Directive.noFileComp };
    } else if (toComplete.startsWith('-')) {
      result = { values: flagCandidates(parsed.cmd, parsed, toComplete), directive: Directive.noFileComp };
    } else {
      const subs = parsed.positionals.length === 0 ? parsed.cmd.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden && c.name() !== 'help') : [];
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
