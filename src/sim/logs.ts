// Container logs as the kubelet keeps them: the current instance and the previous one, each a list of timestamped
// lines, plus subscribers for `follow=true` streams.

export interface LogLine {
  /** Epoch milliseconds. */
  ms: number;
  /** Sub-millisecond part in nanoseconds (0–999999), so that timestamps within one millisecond stay ordered. */
  subNs: number;
  text: string;
}

export interface ContainerLogEvent {
  kind: 'line' | 'restart' | 'terminate' | 'cut';
  line?: LogLine;
}
type Listener = (event: ContainerLogEvent) => void;

/** Read access to a container's lines in time order: a plain array, or a log generated on demand. */
export interface LineSource {
  readonly length: number;
  at(index: number): LogLine | undefined;
}

/**
 * A log of any size computed line by line from its index (benchmarks read 200 MiB logs; holding them as objects
 * would cost the sim gigabytes).
 */
export class SyntheticLog implements LineSource {
  constructor(
    readonly length: number,
    private readonly startMs: number,
    private readonly everyMs: number,
    private readonly text: (index: number) => string,
  ) {}

  at(index: number): LogLine | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const exact = this.startMs + index * this.everyMs;
    const ms = Math.floor(exact);
    return { ms, subNs: Math.floor((exact - ms) * 1e6) + (index % 1000), text: this.text(index) };
  }

  toArray(): LogLine[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i)!);
  }
}

/** The index of the first line at or after `ms` (lines are in time order). */
export function firstAtOrAfter(lines: LineSource, ms: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines.at(mid)!.ms < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class ContainerLog {
  current: LogLine[] | SyntheticLog = [];
  previous: LogLine[] | SyntheticLog | undefined;
  readonly listeners = new Set<Listener>();

  /** Appending to a generated log turns it into a plain one (tests only append to small logs). */
  writable(): LogLine[] {
    if (this.current instanceof SyntheticLog) this.current = this.current.toArray();
    return this.current;
  }
}

/** RFC3339 with exactly nine fractional digits, the kubelet's timestamp format for `timestamps=true`. */
export function kubeletTimestamp(line: Pick<LogLine, 'ms' | 'subNs'>): string {
  const iso = new Date(line.ms).toISOString(); // 2026-11-25T10:00:00.123Z
  const frac = `${iso.slice(20, 23)}${String(line.subNs).padStart(6, '0')}`;
  return `${iso.slice(0, 19)}.${frac}Z`;
}

export class LogBook {
  private readonly logs = new Map<string, ContainerLog>();

  private entry(namespace: string, pod: string, container: string): ContainerLog {
    const key = `${namespace}/${pod}/${container}`;
    let log = this.logs.get(key);
    if (!log) {
      log = new ContainerLog();
      this.logs.set(key, log);
    }
    return log;
  }

  lines(namespace: string, pod: string, container: string, previous: boolean): LineSource | undefined {
    const log = this.logs.get(`${namespace}/${pod}/${container}`);
    if (!log) return previous ? undefined : [];
    return previous ? log.previous : log.current;
  }

  setLines(namespace: string, pod: string, container: string, current: LogLine[] | SyntheticLog, previous?: LogLine[] | SyntheticLog): void {
    const log = this.entry(namespace, pod, container);
    log.current = current;
    log.previous = previous;
  }

  append(namespace: string, pod: string, container: string, text: string, ms: number): LogLine {
    const log = this.entry(namespace, pod, container);
    const current = log.writable();
    const last = current[current.length - 1];
    // Keep timestamps strictly increasing, as a real container runtime's are, so resume-by-timestamp is exact.
    const subNs = last && last.ms === ms ? last.subNs + 1 : 0;
    const line = { ms: last && last.ms > ms ? last.ms : ms, subNs, text };
    current.push(line);
    for (const l of log.listeners) l({ kind: 'line', line });
    return line;
  }

  /** The container restarted: its log becomes the previous instance's, and followers of the old instance end. */
  restart(namespace: string, pod: string, container: string): void {
    const log = this.entry(namespace, pod, container);
    log.previous = log.current;
    log.current = [];
    for (const l of [...log.listeners]) l({ kind: 'restart' });
  }

  /** The container stopped: follow streams end normally. */
  terminate(namespace: string, pod: string, container: string): void {
    for (const l of [...this.entry(namespace, pod, container).listeners]) l({ kind: 'terminate' });
  }

  /** Cuts every open follow stream of a container without a proper end (fault injection). */
  cut(namespace: string, pod: string, container: string): void {
    for (const l of [...this.entry(namespace, pod, container).listeners]) l({ kind: 'cut' });
  }

  subscribe(namespace: string, pod: string, container: string, listener: Listener): () => void {
    const log = this.entry(namespace, pod, container);
    log.listeners.add(listener);
    return () => log.listeners.delete(listener);
  }

  forget(namespace: string, pod: string): void {
    for (const key of [...this.logs.keys()]) {
      if (key.startsWith(`${namespace}/${pod}/`)) {
        this.logs.get(key)!.listeners.forEach((l) => l({ kind: 'terminate' }));
        this.logs.delete(key);
      }
    }
  }
}
