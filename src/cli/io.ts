// The streams and environment a command sees. Commands never touch `process` directly, so tests can run them
// in-process with buffers.

export interface Output {
  write(text: string): void;
  isTTY?: boolean;
  /** The stream behind `write`, for commands that copy large output with back-pressure (`kt logs`). */
  stream?: NodeJS.WritableStream;
}

/** Standard input, for commands that stream it (`kt debug -i`); a TTY can be put in raw mode. */
export interface Input extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface IO {
  out: Output;
  err: Output;
  env: Record<string, string | undefined>;
  now: () => number;
  /** Read only by commands that need it; absent in tests that do not. */
  in?: Input;
}

export function processIO(): IO {
  return {
    out: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true, stream: process.stdout },
    err: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    env: process.env,
    now: Date.now,
    // A getter: touching process.stdin opens it, which only the commands that read it should do.
    get in(): Input {
      return process.stdin;
    },
  };
}

/** An IO that collects everything written, for tests. */
export function bufferIO(env: Record<string, string | undefined> = {}): IO & { stdout(): string; stderr(): string } {
  let out = '';
  let err = '';
  return {
    out: { write: (t) => void (out += t) },
    err: { write: (t) => void (err += t) },
    env,
    now: Date.now,
    stdout: () => out,
    stderr: () => err,
  };
}
