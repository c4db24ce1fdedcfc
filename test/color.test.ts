// Every coloured output of kt through the one colour system: events' Warning rows, top's rows over a limit,
// triage's verdicts and Warning rows, logs' pod prefixes and highlights — under --color=always, --color=never, auto
// on a pipe, auto on a terminal, NO_COLOR and FORCE_COLOR. Colour is added after alignment: stripped of its escape
// codes, coloured output is byte for byte the plain output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { runKt } from './helpers/kubectl.js';
import { startTestSim, type TestSim } from './helpers/sim.js';

const ESC = '\x1b';
const NOW = Date.parse('2026-11-25T12:00:00Z');
const strip = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

/** How many colours and bolds a line leaves open at its end. */
function openStyles(line: string): { color: number; bold: number } {
  const open = { color: 0, bold: 0 };
  for (const m of line.matchAll(/\x1b\[(\d+)m/g)) {
    const code = Number(m[1]);
    if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) open.color++;
    else if (code === 39) open.color--;
    else if (code === 1) open.bold++;
    else if (code === 22) open.bold--;
    else throw new Error(`unexpected escape code ${code} in ${JSON.stringify(line)}`);
  }
  return open;
}

const COMMANDS: Record<string, string[]> = {
  events: ['events', '-n', 'shop'],
  top: ['top', 'pod', '-n', 'shop', '--resources', '--containers', '--sum'],
  triage: ['triage', '-n', 'shop', 'deploy/checkout'],
  logs: ['logs', '-n', 'shop', 'deploy/web', '--all-pods', '--prefix', '--highlight', 'GET', '--tail=2'],
};

describe('colour', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo', now: () => NOW });
  });
  afterAll(async () => t?.stop());

  /** kt in-process, with a pinned clock and stdout a terminal or not. */
  const inProcess = async (args: readonly string[], env: Record<string, string>, isTTY: boolean): Promise<string> => {
    let out = '';
    const io = { out: { write: (s: string) => void (out += s), isTTY }, err: { write: () => {} }, env: { ...t.env, ...env }, now: () => NOW };
    const code = await main(args, io);
    expect(code, args.join(' ')).toBe(args[0] === 'triage' ? 2 : 0);
    return out;
  };

  it.each(Object.entries(COMMANDS))('%s: auto colours a terminal, and only the escape codes differ from the plain output', async (_name, args) => {
    const plain = await inProcess(args, {}, false);
    const coloured = await inProcess(args, {}, true);
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(ESC);
    expect(strip(coloured)).toBe(plain);
    // Every style opened is closed on the same line, so nothing bleeds into the next one or the prompt.
    for (const line of coloured.split('\n')) expect(openStyles(line), line).toEqual({ color: 0, bold: 0 });
  });

  it.each(Object.entries(COMMANDS))('%s: NO_COLOR, --color=never and FORCE_COLOR=0 keep a terminal plain', async (_name, args) => {
    expect(await inProcess(args, { NO_COLOR: '1' }, true)).not.toContain(ESC);
    expect(await inProcess([...args, '--color=never'], {}, true)).not.toContain(ESC);
    expect(await inProcess(args, { FORCE_COLOR: '0' }, true)).not.toContain(ESC);
  });

  it('events: Warning rows in yellow, whole rows, the others plain', async () => {
    const lines = (await inProcess(COMMANDS.events!, {}, true)).split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^LAST SEEN +TYPE/);
    for (const line of lines) {
      if (strip(line).includes(' Warning ')) expect(line).toMatch(/^\x1b\[33m[^\x1b]+\x1b\[39m$/);
      else expect(line).not.toContain(ESC);
    }
  });

  it('top: the row over 90 % of a limit in red, the total rows plain', async () => {
    const lines = (await inProcess(COMMANDS.top!, {}, true)).split('\n').filter(Boolean);
    const red = lines.filter((l) => l.includes(ESC));
    expect(red).toHaveLength(1);
    expect(red[0]).toMatch(/^\x1b\[31mcheckout-6f8b9c7d5-p4x7w {3}app {11}913m .*OOMKilled \(exit 137\) 3m ago\x1b\[39m$/);
    expect(lines.slice(-2).map(strip)).toEqual(['                                         ________                               ________', '                                         1143m                                  1868Mi']);
  });

  it('triage: the verdict bold red, the Warning events yellow', async () => {
    const lines = (await inProcess(COMMANDS.triage!, {}, true)).split('\n');
    expect(lines[0]).toBe('\x1b[31m\x1b[1mCrashLoopBackOff: OOMKilled 4× in 52m; memory limit 512Mi, last usage 509Mi\x1b[22m\x1b[39m');
    const warnings = lines.filter((l) => strip(l).includes('  Warning  '));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatch(/^ {2}\x1b\[33m[^\x1b]+\x1b\[39m$/);
  });

  it('triage of a healthy workload: the verdict bold green', async () => {
    let out = '';
    const io = { out: { write: (s: string) => void (out += s), isTTY: true }, err: { write: () => {} }, env: { ...t.env }, now: () => NOW };
    expect(await main(['triage', '-n', 'shop', 'deploy/web'], io)).toBe(0);
    expect(out.split('\n')[0]).toBe('\x1b[32m\x1b[1mHealthy: 2 pods, none unhealthy\x1b[22m\x1b[39m');
  });

  it('logs: each pod prefix in its colours, the matches of --highlight bold red', async () => {
    const lines = (await inProcess(COMMANDS.logs!, {}, true)).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^\x1b\[\d+m\[pod\/web-7d9c6b5f4-\w+\/\x1b\[39m\x1b\[\d+mnginx\x1b\[39m\x1b\[\d+m\]\x1b\[39m /);
      if (strip(line).includes('"GET ')) expect(line).toContain('"\x1b[31m\x1b[1mGET\x1b[22m\x1b[39m ');
    }
  });

  // The built kt writing to a pipe, as a script sees it.
  describe('through a pipe', () => {
    const pipe = (args: readonly string[], env: Record<string, string>) => runKt(args, { ...t.env, NO_COLOR: '', ...env });

    it.each(Object.entries(COMMANDS))('%s: plain with auto, coloured with --color=always or FORCE_COLOR', async (_name, args) => {
      const auto = await pipe(args, {});
      expect(auto.stdout).not.toContain(ESC);
      expect(auto.stderr).not.toContain(ESC);
      const always = await pipe([...args, '--color=always'], {});
      expect(always.stdout).toContain(ESC);
      expect(always.stderr).not.toContain(ESC);
      expect((await pipe(args, { FORCE_COLOR: '1' })).stdout).toContain(ESC);
      expect((await pipe(args, { FORCE_COLOR: '3' })).stdout).toContain(ESC);
      expect((await pipe([...args, '--color=never'], { FORCE_COLOR: '3' })).stdout).not.toContain(ESC);
      expect((await pipe([...args, '--color=always'], { NO_COLOR: '1' })).stdout).toContain(ESC);
    });

    it('never with -o: scripts get no escape codes even with --color=always', async () => {
      for (const args of [['events', '-n', 'shop', '-o', 'json'], ['top', 'pod', '-n', 'shop', '-o', 'json'], ['triage', '-n', 'shop', 'deploy/checkout', '-o', 'yaml']]) {
        expect((await pipe([...args, '--color=always'], {})).stdout, args.join(' ')).not.toContain(ESC);
      }
    });
  });
});
