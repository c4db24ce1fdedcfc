// The error kinds kt raises. One handler (src/cli/handle-error.ts) turns each into kubectl's wording and an exit
// code; nothing else prints errors or exits.

/** A plain failure; printed as `error: <message>` (no double prefix). */
export class KtError extends Error {
  override name = 'KtError';
}

/** A bad combination of arguments; kubectl adds `See '<command path> -h' for help and examples`. */
export class UsageError extends KtError {
  override name = 'UsageError';
}

/** A flag value that fails to parse; cobra's wording: `Error: invalid argument "v" for "--flag" flag: <why>`. */
export class FlagError extends KtError {
  override name = 'FlagError';
}

/** A message printed exactly as given, without the `error: ` prefix (kubectl prints some errors bare). */
export class RawError extends KtError {
  override name = 'RawError';
}

/** Ends the command quietly with an exit code, e.g. after output that already explained the failure. */
export class ExitError extends KtError {
  override name = 'ExitError';
  constructor(readonly exitCode: number, message = '') {
    super(message);
  }
}
