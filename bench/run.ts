// kt against real kubectl 1.32 on the same simulated cluster: several runs of each workload, medians of wall time
// and peak memory, and the kt/kubectl ratio. Prints a table and writes bench/results.md.
// Run with `npm run bench` (builds first). BENCH_RUNS=N changes the number of runs (default 7).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startSim, type StartedSim } from '../src/sim/index.js';
import { fileURLToPath } from 'node:url';
import { KUBECTL } from '../test/helpers/kubectl.js';

// This file runs bundled as dist/bench.mjs: the repository root is one folder up.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KT_BIN = join(ROOT, 'bin', 'kt.js');

interface Sample {
  wallMs: number;
  rssKb: number;
}

/**
 * One run under GNU time: wall clock and peak resident memory of the whole process. Asynchronous, because the
 * simulated cluster serving the command lives in this process.
 */
function measure(cmd: string[], env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    // Wall time from here (GNU time's %e has only 10 ms steps); peak memory from GNU time's %M.
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', ...cmd], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      const rss = stderr.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${cmd.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ wallMs, rssKb: Number(rss) });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

interface Row {
  workload: string;
  kt: Sample;
  other: Sample;
  otherName: string;
}

const RUNS = Number(process.env['BENCH_RUNS'] ?? '7');

async function compare(workload: string, ktArgs: string[], otherCmd: string[], otherName: string, env: Record<string, string>): Promise<Row> {
  const kt: Sample[] = [];
  const other: Sample[] = [];
  await measure([process.execPath, KT_BIN, ...ktArgs], env); // warm the compile cache and the page cache
  await measure(otherCmd, env);
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so drift on a shared machine hits both alike.
    kt.push(await measure([process.execPath, KT_BIN, ...ktArgs], env));
    other.push(await measure(otherCmd, env));
  }
  const row: Row = {
    workload,
    kt: { wallMs: median(kt.map((s) => s.wallMs)), rssKb: median(kt.map((s) => s.rssKb)) },
    other: { wallMs: median(other.map((s) => s.wallMs)), rssKb: median(other.map((s) => s.rssKb)) },
    otherName,
  };
  process.stdout.write(`${format([row]).split('\n').slice(2).join('\n')}\n`);
  return row;
}

function format(rows: Row[]): string {
  const lines = ['| workload | kt wall | vs | other wall | wall ratio kt/other | kt peak RSS | other peak RSS |', '|---|---:|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.workload} | ${r.kt.wallMs.toFixed(0)} ms | ${r.otherName} | ${r.other.wallMs.toFixed(0)} ms | ${(r.kt.wallMs / r.other.wallMs).toFixed(2)} | ${(r.kt.rssKb / 1024).toFixed(0)} MiB | ${(r.other.rssKb / 1024).toFixed(0)} MiB |`);
  }
  return lines.join('\n');
}

async function withSim<T>(scenario: string, fn: (env: Record<string, string>, sim: StartedSim) => Promise<T> | T): Promise<T> {
  const sim = await startSim({ scenario, frozen: true });
  const dir = mkdtempSync(join(tmpdir(), 'kt-bench-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfig);
  try {
    return await fn({ KUBECONFIG: kubeconfig, HOME: dir, NO_COLOR: '1' }, sim);
  } finally {
    await sim.stop();
  }
}

async function main(): Promise<void> {
  if (!KUBECTL) {
    process.stderr.write('kubectl 1.32 not found (set KT_KUBECTL): nothing to compare against\n');
    process.exitCode = 1;
    return;
  }
  const rows: Row[] = [];
  process.stdout.write(`${format([]).split('\n').slice(0, 2).join('\n')}\n`);
  rows.push(await compare('`kt --version` vs `node -e 0`', ['--version'], [process.execPath, '-e', '0'], 'node -e 0', {}));
  await withSim('demo', async (env) => {
    rows.push(await compare('small `top pod` (start-up bound)', ['top', 'pod', '-n', 'shop'], [KUBECTL!, 'top', 'pod', '-n', 'shop'], 'kubectl', env));
  });
  await withSim('scale:pods=5000,events=5000,nodes=20,namespaces=10,containers=2', async (env) => {
    rows.push(await compare('`top pod -A`, 5,000 pods', ['top', 'pod', '-A'], [KUBECTL!, 'top', 'pod', '-A'], 'kubectl', env));
    rows.push(await compare('`top pod -A --containers`, 5,000 pods', ['top', 'pod', '-A', '--containers'], [KUBECTL!, 'top', 'pod', '-A', '--containers'], 'kubectl', env));
    rows.push(await compare('`events -A`, 5,000 events', ['events', '-A'], [KUBECTL!, 'events', '-A'], 'kubectl', env));
  });
  await withSim('scale:pods=0,events=0,nodes=1,namespaces=1,logMiB=200,logPods=200,logLines=2000', async (env) => {
    rows.push(await compare('`logs` of a 200 MiB log to /dev/null', ['logs', '-n', 'ns-0', 'big-log'], [KUBECTL!, 'logs', '-n', 'ns-0', 'big-log'], 'kubectl', env));
    const follow = ['logs', '-f', '-n', 'ns-0', '-l', 'bench=follow', '--tail=-1', '--max-log-requests=200', '--prefix'];
    rows.push(await compare('`logs -f -l …` across 200 pods (2,000 lines each)', follow, [KUBECTL!, ...follow], 'kubectl', env));
  });
  // Memory must not grow with the log: kt alone, on a log five times larger.
  await withSim('scale:pods=0,events=0,nodes=1,namespaces=1,logMiB=1024', async (env) => {
    rows.push(await compare('`logs` of a 1 GiB log to /dev/null', ['logs', '-n', 'ns-0', 'big-log'], [KUBECTL!, 'logs', '-n', 'ns-0', 'big-log'], 'kubectl', env));
  });
  const table = format(rows);
  const row = (prefix: string): Row | undefined => rows.find((r) => r.workload.startsWith(prefix));
  const version = row('`kt --version`');
  const log200 = row('`logs` of a 200 MiB');
  const log1g = row('`logs` of a 1 GiB');
  const cluster = rows.filter((r) => r.otherName === 'kubectl');
  const targets = [
    `- every workload's wall ratio kt/kubectl ≤ 1.0: ${cluster.every((r) => r.kt.wallMs <= r.other.wallMs) ? 'met' : `not met (${cluster.filter((r) => r.kt.wallMs > r.other.wallMs).map((r) => `${r.workload}: ${(r.kt.wallMs / r.other.wallMs).toFixed(2)}`).join('; ')})`}`,
    log200 ? `- logs throughput ≥ 5× kubectl's: ${(log200.other.wallMs / log200.kt.wallMs).toFixed(1)}× (${log200.other.wallMs / log200.kt.wallMs >= 5 ? 'met' : 'not met'})` : '',
    version ? `- \`kt --version\` within 30 ms of \`node -e 0\`: +${(version.kt.wallMs - version.other.wallMs).toFixed(0)} ms (${version.kt.wallMs - version.other.wallMs <= 30 ? 'met' : 'not met'})` : '',
    log200 && log1g ? `- peak memory flat as the log grows (1 GiB within 10 % of 200 MiB): ${(log200.kt.rssKb / 1024).toFixed(0)} → ${(log1g.kt.rssKb / 1024).toFixed(0)} MiB, ${(((log1g.kt.rssKb - log200.kt.rssKb) / log200.kt.rssKb) * 100).toFixed(0)} % (${log1g.kt.rssKb <= log200.kt.rssKb * 1.1 ? 'met' : 'not met'})` : '',
  ].filter(Boolean).join('\n');
  process.stdout.write(`\nTargets:\n${targets}\n`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ${KUBECTL}`;
  writeFileSync(join(ROOT, 'bench', 'results.md'), `# kt vs kubectl 1.32 on the simulated cluster\n\nMedians of ${RUNS} alternating runs (after one warm-up each); wall time measured around each process, peak RSS from GNU time (%M). The sim serving both runs inside the benchmark process.\nMachine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n\nTargets:\n${targets}\n`);
  process.stdout.write(`\nwritten to bench/results.md (${machine})\n`);
}

await main();
