// The zsh and fish scripts `kt completion zsh|fish` prints, run by real zsh and fish against a simulated cluster:
// fish through `complete -C LINE`; zsh interactively in a terminal (compinit, the script sourced, Tab pressed),
// its candidates recorded at compadd and the command line read off the screen. (bash: test/cli/completion.test.ts.)
import { needs } from '../helpers/requirements.js';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KT_BIN, type Result } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { until } from '../reliability/helpers.js';
import { runProcess } from './process.js';
import { startPty, TMUX } from './pty.js';

const FISH = ['/usr/bin/fish', '/usr/local/bin/fish'].find(existsSync);
const ZSH = ['/usr/bin/zsh', '/bin/zsh', '/usr/local/bin/zsh'].find(existsSync);

let t: TestSim;
const dir = mkdtempSync(join(tmpdir(), 'kt-shells-'));
/** kt on PATH as `kt`, as the scripts call it. */
const bin = join(dir, 'bin');
let env: Record<string, string>;
beforeAll(async () => {
  t = await startTestSim({ scenario: 'demo' });
  mkdirSync(bin);
  writeFileSync(join(bin, 'kt'), `#!/bin/sh\nexec '${process.execPath}' '${KT_BIN}' "$@"\n`);
  chmodSync(join(bin, 'kt'), 0o755);
  env = { ...t.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), NO_COLOR: '1' };
});
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// [the line typed, the candidates offered]
const CASES: [string, string[]][] = [
  ['kt top po', ['pod']],
  ['kt top pod -n shop ', ['checkout-6f8b9c7d5-p4x7w', 'payments-0', 'web-7d9c6b5f4-kx2vq', 'web-7d9c6b5f4-zt8mn']],
  ['kt logs -n shop checkout-6f8b9c7d5-p4x7w ', ['istio-proxy', 'app', 'migrate']],
  ['kt logs -n shop deploy/', ['deploy/checkout', 'deploy/web']],
  ['kt top pod --sort-by ', ['cpu', 'memory']],
  ['kt events --for sts/', []],
  ['kt -n shop events --for sts/', ['sts/payments']],
  ['kt completion ', ['bash', 'zsh', 'fish', 'powershell']],
];

describe('fish runs kt completion fish', needs('fish'), () => {
  const complete = (line: string): Promise<Result> => runProcess(FISH!, ['--no-config', '-c', `kt completion fish | source; complete -C ${JSON.stringify(line).replace(/\$/g, '\\$')}`], env);

  it.each(CASES)('%j', async (line, candidates) => {
    const r = await complete(line);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    // fish sorts what it is given; the values are the first field, a description may follow a tab.
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0])).toEqual([...candidates].sort());
  });

  it('shows the descriptions kt gives', async () => {
    const r = await complete('kt ');
    expect(r.stdout.split('\n')).toContain('top\tDisplay resource (CPU/memory) usage');
    expect(r.stdout.split('\n')).toContain('logs\tPrint the logs for a container in a pod or specified resource');
  });
});

describe('zsh runs kt completion zsh', needs('zsh', 'tmux'), () => {
  let zdot: string;
  beforeAll(() => {
    zdot = join(dir, 'zdot');
    mkdirSync(zdot);
    writeFileSync(join(zdot, '.zshenv'), 'setopt NO_GLOBAL_RCS\n');
    // compadd is wrapped only to record what the completion system offers; it still adds every match.
    writeFileSync(join(zdot, '.zshrc'), [
      "PS1='%% '",
      'autoload -Uz compinit && compinit -u -D',
      'source <(kt completion zsh)',
      'compadd() {',
      '  local -a __kt_m',
      '  builtin compadd -O __kt_m "$@"',
      '  (( ${#__kt_m} )) && print -rl -- "${__kt_m[@]}" >> $KT_COMP_OUT',
      '  builtin compadd "$@"',
      '}',
      "__kt_done() { print -r -- '<<done>>' >> $KT_COMP_OUT }",
      'comppostfuncs=(__kt_done)',
      '',
    ].join('\n'));
  });

  let n = 0;
  /**
   * Types `line` at a fresh zsh prompt and presses Tab (then types `then`, to show what Tab left before the cursor):
   * what was offered, and the command line after.
   */
  async function tab(line: string, then = ''): Promise<{ offered: string[]; line: string; screen: string[] }> {
    const out = join(dir, `offered-${++n}`);
    const pty = await startPty([ZSH!, '-i'], { ...env, ZDOTDIR: zdot, KT_COMP_OUT: out }, { columns: 150, rows: 30 });
    try {
      await pty.waitForScreen('the zsh prompt', (s) => s[0] === '%');
      await pty.type(line);
      await pty.press('Tab');
      await until('the completion to finish', () => existsSync(out) && readFileSync(out, 'utf8').includes('<<done>>'), 15_000);
      const offered = [...new Set(readFileSync(out, 'utf8').split('\n').filter((l) => l !== '' && l !== '<<done>>'))];
      if (then !== '') await pty.type(then);
      // The line as zsh left it: the prompt's row, once zsh has redrawn it after the completion.
      const screen = await pty.waitForScreen('the command line after Tab', (s) => s[0]!.startsWith(`% ${line.trimEnd()}`) && s[0]!.endsWith(then));
      return { offered, line: screen[0]!.slice(2), screen };
    } finally {
      await pty.close();
    }
  }

  it.each(CASES)('%j', async (line, candidates) => {
    const r = await tab(line);
    // In kt's order: zsh sorts them itself only for the listing.
    expect(r.offered).toEqual(candidates);
  });

  it('inserts a single match with a space after it, and none after a value that ends in =', async () => {
    expect((await tab('kt logs -n shop pay', 'X')).line).toBe('kt logs -n shop payments-0 X');
    expect((await tab('kt events -o jsonpath-f', 'X')).line).toBe('kt events -o jsonpath-file=X');
  });

  it('lists the candidates with kt\'s descriptions', async () => {
    const r = await tab('kt ');
    expect(r.screen.some((l) => /\btop +-- Display resource \(CPU\/memory\) usage/.test(l))).toBe(true);
    expect(r.offered).toEqual(expect.arrayContaining(['top', 'logs', 'events', 'debug', 'triage', 'drill', 'sim', 'completion']));
  });
});
