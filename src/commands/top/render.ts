// Printing a top view once, or again every interval with --watch: redrawn in place on a terminal, appended
// (one table after another) when piped.
import type { IO } from '../../cli/io.js';
import { sleep } from '../../util/sleep.js';
import { interruptSignal, InterruptedError, unlessInterrupted } from '../../cli/interrupt.js';
import { CLEAR_SCREEN, colorsFor, type ColorMode } from '../../print/color.js';

export interface Frame {
  out: string;
  err?: string;
  /** Per line of `out`: over 90 % of a limit (painted red on a terminal). */
  hot?: boolean[];
}

export function paintFrame(frame: Frame, color: ColorMode, io: IO): string {
  if (!frame.hot) return frame.out;
  return colorsFor(color, io.out, io.env).lines(frame.out, frame.hot.map((h) => (h ? 'hot' : undefined)));
}

export async function render(io: IO, color: ColorMode, watchMs: number | undefined, frame: () => Promise<Frame>): Promise<void> {
  if (watchMs === undefined) {
    const f = await frame();
    if (f.err) io.err.write(f.err);
    io.out.write(paintFrame(f, color, io));
    return;
  }
  const interrupt = interruptSignal();
  try {
    while (!interrupt.signal.aborted) {
      // A slow server must not hold Ctrl-C up: the frame is abandoned, and the process ends.
      const f = await unlessInterrupted(frame(), interrupt);
      const text = paintFrame(f, color, io);
      if (io.out.isTTY) io.out.write(`${CLEAR_SCREEN}${text}`);
      else io.out.write(`${text}\n`);
      if (f.err) io.err.write(f.err);
      await sleep(watchMs, interrupt.signal);
    }
  } catch (e) {
    if (!(e instanceof InterruptedError)) throw e;
  } finally {
    interrupt.release();
  }
}
