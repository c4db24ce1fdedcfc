// Go's os error texts for a file that cannot be opened or read (`open X: no such file or directory`), from a Node
// error's code, naming the path as the caller shows it.

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** os.ReadFile(p)'s error text: `read p: is a directory` for a directory, else `open p: <reason>`. */
export function goFileErrorText(err: unknown, p: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EISDIR') return `read ${p}: is a directory`;
  if (typeof code === 'string' && REASONS[code]) return `open ${p}: ${REASONS[code]}`;
  return err instanceof Error ? err.message : String(err);
}

/** os.Open's error for a file that is not there. */
export function goNotExistText(p: string): string {
  return `open ${p}: ${REASONS['ENOENT']}`;
}
