// kt top -w: on a terminal each table replaces the last (cursor home, clear screen, the table), so the screen
// shows one table however many were drawn; piped, the tables follow one another, separated by a blank line, with
// no escape sequences. Ctrl-C ends both with exit code 0.
import { needs } from '../helpers/requirements.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KT_BIN, runKt } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { startKt, until, within } from '../reliability/helpers.js';
import { startPty, TMUX } from './pty.js';

const CLEAR = '\x1b[H\x1b[2J';
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('kt top -w', () => {
  let t: TestSim;
  let table: string;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    table = (await runKt(['top', 'pod', '-n', 'shop'], t.env)).stdout;
  });
  afterAll(async () => t?.stop());

  it('redraws in place on a terminal', needs('tmux'), async () => {
    const pty = await startPty([process.execPath, KT_BIN, 'top', 'pod', '-n', 'shop', '-w', '100ms'], { ...t.env, NO_COLOR: '1' }, { columns: 120, rows: 20 });
    try {
      await pty.waitForRaw('three tables drawn', (r) => count(r, CLEAR) >= 3);
      // Every frame is the clear sequence and then the whole table (the terminal turns \n into \r\n).
      const frames = pty.raw().split(CLEAR);
      expect(frames[0]).toBe('');
      for (const f of frames.slice(1, -1)) expect(f).toBe(table.replace(/\n/g, '\r\n'));
      // The screen between two redraws: the one table at the top, nothing below (appended tables would scroll).
      const rows = table.split('\n').slice(0, 5).map((l) => l.trimEnd());
      const screen = await pty.waitForScreen('one whole table on the screen', (s) => s.slice(0, 5).join('\n') === rows.join('\n') && s.slice(5).every((l) => l === ''));
      expect(screen.filter((l) => l.startsWith('NAME '))).toHaveLength(1);
      await pty.press('C-c');
      const end = await pty.exited();
      expect(end.code).toBe(0);
      expect(end.sttyAfter).toBe(end.sttyBefore);
    } finally {
      await pty.close();
    }
  });

  it('appends one table after another when piped, without escape sequences', async () => {
    const run = startKt(['top', 'pod', '-n', 'shop', '-w', '100ms'], t.env);
    await until('three tables', () => count(run.stdout(), '\n\n') >= 3, 15_000);
    run.child.kill('SIGINT');
    expect(await within(10_000, run.exited)).toEqual({ code: 0, signal: null });
    const out = run.stdout();
    expect(out).not.toContain('\x1b');
    const tables = out.split('\n\n').filter((s) => s !== '');
    for (const [i, s] of tables.entries()) {
      // The last one may have been cut by Ctrl-C mid-write; every other is the whole table.
      if (i < tables.length - 1) expect(`${s}\n`).toBe(table);
    }
    expect(run.stderr()).toBe('');
  });
});
