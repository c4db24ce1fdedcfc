// kt debug -it on a real terminal (a tmux pane): the terminal is raw while attached (keys reach the container's
// shell one by one, Ctrl-C goes to the container, not to kt, output bytes pass unchanged), terminal sizes and
// resizes reach the sim, the session's exit code, and the terminal restored afterwards. Real kubectl 1.32 writes
// the same bytes to the same terminal.
import { needs } from '../helpers/requirements.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KT_BIN, KUBECTL } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { startPty, TMUX, type Pty, type PtyResult } from './pty.js';

const PROMPT_HINT = "If you don't see a command prompt, try pressing enter.\r\n";

/** A termios flag as `stty -a` prints it: `icanon` or `-icanon`. */
const flag = (stty: string, name: string): boolean => {
  const m = new RegExp(`(^|\\s)(-?)${name}(\\s|$)`).exec(stty);
  if (!m) throw new Error(`stty -a shows no ${name}:\n${stty}`);
  return m[2] !== '-';
};

interface Session {
  raw: string;
  result: PtyResult;
  /** `stty -a` while attached. */
  attached: string;
  /** What `stty size` said in the container before and after the terminal was resized. */
  sizes: string[];
  aliveAfterCtrlC: boolean;
}

/**
 * One interactive session: type a word without Enter (it must come back from the container, since the terminal
 * does not echo), Ctrl-C, `stty size`, a resize and `stty size` again, then `exit CODE`.
 */
async function session(argv: string[], env: Record<string, string>, exitCode: number): Promise<Session> {
  const pty: Pty = await startPty(argv, env, { columns: 80, rows: 24 });
  try {
    await pty.waitForRaw('the attach notice', (r) => r.includes(PROMPT_HINT));
    // The notice comes just before raw mode is set: wait for the terminal to be raw before typing.
    let attached = await pty.stty();
    for (let i = 0; i < 200 && flag(attached, 'icanon'); i++) attached = await pty.stty();
    await pty.type('echo unbuf');
    await pty.waitForRaw('the typed word echoed by the container', (r) => r.includes('echo unbuf'));
    await pty.press('C-c');
    await pty.waitForRaw('the container shell handling Ctrl-C', (r) => /echo unbuf\^C\r+\n\/ # $/.test(r));
    const aliveAfterCtrlC = !(await pty.screen()).some((l) => /^\$ |exit code/.test(l));
    const sizes: string[] = [];
    const sttySize = async (): Promise<string> => {
      const before = pty.raw().length;
      await pty.type('stty size');
      await pty.press('Enter');
      await pty.waitForRaw('stty size to answer', (r) => /\r+\n\/ # $/.test(r.slice(before)) && /\d+ \d+|stty:/.test(r.slice(before)));
      return /(\d+ \d+|stty:[^\r]*)/.exec(pty.raw().slice(before))![1]!;
    };
    sizes.push(await sttySize());
    await pty.resize(100, 30);
    // The resize reaches kt as SIGWINCH and the container as a channel-4 message; ask until it has arrived.
    let now = await sttySize();
    for (let i = 0; i < 20 && now !== '30 100'; i++) now = await sttySize();
    sizes.push(now);
    await pty.type(`exit ${exitCode}`);
    await pty.press('Enter');
    const result = await pty.exited();
    return { raw: pty.raw(), result, attached, sizes, aliveAfterCtrlC };
  } finally {
    await pty.close();
  }
}

describe('kt debug -it on a terminal', needs('tmux'), () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
  });
  afterAll(async () => t?.stop());

  const kt = (container: string): string[] => [process.execPath, KT_BIN, 'debug', '-n', 'shop', 'payments-0', '-it', '--image=busybox', '--profile=general', '-c', container];

  it('puts the terminal in raw mode, passes keys, Ctrl-C and resizes to the container, and restores the terminal', async () => {
    const s = await session(kt('tty-zero'), t.env, 0);
    // Raw as kubectl makes it (Go's MakeRaw): no line editing, no local echo, no signals from keys, and no output
    // processing, so the container's bytes reach the terminal as they are.
    expect({ icanon: flag(s.attached, 'icanon'), echo: flag(s.attached, 'echo'), isig: flag(s.attached, 'isig'), opost: flag(s.attached, 'opost') }).toEqual({ icanon: false, echo: false, isig: false, opost: false });
    expect(s.aliveAfterCtrlC).toBe(true);
    // kubectl sends the size at once (80×24), then every change.
    expect(s.sizes).toEqual(['24 80', '30 100']);
    expect(s.raw.startsWith(PROMPT_HINT)).toBe(true);
    expect(s.raw).toContain('echo unbuf^C\r\n/ # stty size\r\n24 80\r\n/ # ');
    expect(s.raw).not.toContain('\r\r\n');
    expect(s.raw.endsWith('/ # exit 0\r\n')).toBe(true);
    expect(s.result.code).toBe(0);
    expect(s.result.sttyAfter).toBe(s.result.sttyBefore);
    const status = t.sim.cluster.getPod('shop', 'payments-0')?.status?.ephemeralContainerStatuses?.find((c) => c.name === 'tty-zero');
    expect(status?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('a shell that exits non-zero: kubectl\'s warning, the container\'s log, exit code 0, the terminal restored', async () => {
    const s = await session(kt('tty-three'), t.env, 3);
    expect(s.result.code).toBe(0);
    expect(s.result.sttyAfter).toBe(s.result.sttyBefore);
    const tail = s.raw.slice(s.raw.indexOf('/ # exit 3\r\n') + '/ # exit 3\r\n'.length);
    // Cooked again: the warning, then the container's log as the sim keeps it, each \n now the terminal's \r\n.
    const log = t.sim.cluster.logs.lines('shop', 'payments-0', 'tty-three', false)!;
    const lines = Array.from({ length: log.length }, (_, i) => `${log.at(i)!.text}\r\n`).join('');
    expect(lines).toContain('/ # stty size\r\n24 80\r\n');
    expect(tail).toBe(`warning: couldn't attach to pod/payments-0, falling back to streaming logs: command terminated with exit code 3\r\n${lines}`);
    const status = t.sim.cluster.getPod('shop', 'payments-0')?.status?.ephemeralContainerStatuses?.find((c) => c.name === 'tty-three');
    expect(status?.state?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  it('writes to the terminal what kubectl 1.32 writes, byte for byte, and ends the same way', needs('kubectl'), async () => {
    const [ours, theirs] = [await session(kt('tty-same-a'), t.env, 3), await session([KUBECTL!, ...kt('tty-same-b').slice(2)], t.env, 3)];
    const mask = (raw: string): string => raw.replace(/tty-same-[ab]/g, 'tty-same');
    expect(mask(ours.raw)).toBe(mask(theirs.raw));
    expect(ours.sizes).toEqual(theirs.sizes);
    expect(ours.result).toEqual(theirs.result);
    for (const f of ['icanon', 'echo', 'isig', 'opost', 'icrnl', 'ixon']) expect([f, flag(ours.attached, f)]).toEqual([f, flag(theirs.attached, f)]);
  });
});
