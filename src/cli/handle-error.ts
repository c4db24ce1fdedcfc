// The one error handler: every failure becomes kubectl's wording on stderr and an exit code. Nothing else in kt
// prints an error or chooses an exit code.
import { ApiError, ConnectionError } from '../client/errors.js';
import { ExitError, FlagError, KtError, RawError, UsageError } from '../errors.js';
import type { IO } from './io.js';

/** `kt top pod` → what `See '… -h'` lines name. */
export interface ErrorContext {
  commandPath: string;
}

/** `error: ` once, and a final newline only when the message lacks one (kubectl's fatal()). */
function withPrefix(message: string): string {
  return message.startsWith('error: ') ? message : `error: ${message}`;
}

function line(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function formatError(err: unknown, ctx: ErrorContext): { text: string; code: number } {
  if (err instanceof ExitError) return { text: err.message ? `${err.message}\n` : '', code: err.exitCode };
  if (err instanceof UsageError) return { text: `${withPrefix(err.message)}\nSee '${ctx.commandPath} -h' for help and examples\n`, code: 1 };
  if (err instanceof FlagError) return { text: `${withPrefix(err.message)}\nSee '${ctx.commandPath} --help' for usage.\n`, code: 1 };
  if (err instanceof RawError) return { text: line(err.message), code: 1 };
  if (err instanceof KtError) return { text: line(withPrefix(err.message)), code: 1 };
  if (err instanceof ApiError) {
    const s = err.status;
    if (s.reason === 'NoResourceMatch') return { text: `${s.message}\n`, code: 1 };
    if (err.httpCode === 401) return { text: `error: You must be logged in to the server (${s.message ?? 'Unauthorized'})\n`, code: 1 };
    if (s.reason === 'Invalid') return { text: invalidText(s), code: 1 };
    const text = s.reason ? `Error from server (${s.reason}): ${s.message ?? ''}` : `Error from server: ${s.message ?? ''}`;
    return { text: `${text}\n`, code: 1 };
  }
  if (err instanceof ConnectionError) return { text: `${err.message}\n`, code: 1 };
  // An error kt did not expect: say what it was, without a stack trace.
  const message = err instanceof Error ? err.message : String(err);
  return { text: `${withPrefix(message)}\n`, code: 1 };
}

/** kubectl's wording for a 422 Invalid: `The Pod "x" is invalid: field: why`, one `* ` line per cause when several. */
function invalidText(s: ApiError['status']): string {
  const d = s.details;
  if (!d) return 'The request is invalid\n';
  const head = d.kind || d.name ? `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid` : 'The request is invalid';
  const causes = (d.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`);
  if (causes.length === 0) return `${head}\n`;
  if (causes.length === 1) return `${head}: ${causes[0]}\n`;
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

export function handleError(err: unknown, ctx: ErrorContext, io: IO): number {
  const { text, code } = formatError(err, ctx);
  if (text) io.err.write(text);
  if (io.env['KT_DEBUG'] && err instanceof Error && err.stack) io.err.write(`${err.stack}\n`);
  return code;
}
