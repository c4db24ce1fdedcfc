// Ctrl-C (and SIGTERM) for the commands that run until stopped — logs -f, events -w, top -w: kubectl ends them at
// once, whatever they are doing, including waiting on a slow request.

export interface Interrupt {
  signal: AbortSignal;
  /** Settles (never resolves) when interrupted: race long awaits against it so none outlives Ctrl-C. */
  interrupted: Promise<never>;
  release(): void;
}

export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

export function interruptSignal(): Interrupt {
  const controller = new AbortController();
  let reject: (e: unknown) => void = () => {};
  const interrupted = new Promise<never>((_, r) => (reject = r));
  interrupted.catch(() => {}); // nobody racing it is fine
  const stop = (): void => {
    controller.abort();
    reject(new InterruptedError('interrupted'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    interrupted,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Awaits `work`, or gives up the moment the interrupt fires. */
export function unlessInterrupted<T>(work: Promise<T>, interrupt: Interrupt): Promise<T> {
  return Promise.race([work, interrupt.interrupted]);
}
