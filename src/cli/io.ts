// The streams and environment a command sees. Commands never touch `process` directly, so tests can run them
// in-process with buffers.

export interface Output {
  write(text: string): void;
  isTTY?: boolean;
}

export interface IO {
  out: Output;
  err: Output;
  env: Record<string, string | undefined>;
  now: () => number;
}

export function processIO(): IO {
  return {
    out: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true },
    err: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    env: process.env,
    now: Date.now,
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
