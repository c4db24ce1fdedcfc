// A tiny shell for the sim's containers, enough to practise `kubectl debug -it` and `kubectl attach`: `echo`,
// `hostname`, `ps`, `pwd`, `whoami`, `true`, `false`, `sleep`, `stty size`, `exit [N]`; anything else is
// `sh: X: not found`. On a TTY it echoes what is typed and prints a `/ # ` prompt, as busybox sh does.

export interface ShellContext {
  hostname: string;
  /** What `ps` lists besides the shell itself, e.g. the target container's process. */
  processes: string[];
  /** The terminal's size as the client last sent it (attach channel 4), for `stty size`. */
  terminalSize?: () => { width: number; height: number } | undefined;
}

export interface ShellOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  exit(code: number): void;
}

/** Splits a command line into words: single and double quotes group, `$?` and `$HOSTNAME` expand. */
export function words(line: string, vars: Record<string, string>): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '$' && quote === '"') {
        const m = /^\$(\?|[A-Za-z_]\w*)/.exec(line.slice(i));
        if (m) {
          cur += vars[m[1]!] ?? '';
          i += m[0].length - 1;
        } else cur += ch;
      } else cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
    } else if (ch === ' ' || ch === '\t') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else if (ch === '$') {
      const m = /^\$(\?|[A-Za-z_]\w*)/.exec(line.slice(i));
      if (m) {
        cur += vars[m[1]!] ?? '';
        i += m[0].length - 1;
      } else cur += ch;
      has = true;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

export class SimShell {
  private status = 0;
  private line = '';
  private done = false;

  constructor(private readonly ctx: ShellContext, private readonly out: ShellOutput, private readonly tty: boolean) {}

  get exited(): boolean {
    return this.done;
  }

  private nl(text: string): string {
    return this.tty ? text.replace(/\r?\n/g, '\r\n') : text;
  }

  private print(text: string): void {
    this.out.stdout(this.nl(text));
  }

  /** Runs one command line (`;` separates commands); returns false once the shell has exited. */
  run(line: string): boolean {
    for (const part of line.split(';')) {
      if (this.done) return false;
      this.runOne(part.trim());
    }
    return !this.done;
  }

  private runOne(line: string): void {
    const argv = words(line, { '?': String(this.status), HOSTNAME: this.ctx.hostname, HOME: '/root', PWD: '/' });
    if (argv.length === 0) return;
    const [cmd, ...args] = argv as [string, ...string[]];
    this.status = 0;
    switch (cmd) {
      case 'echo': {
        const noNewline = args[0] === '-n';
        this.print(`${(noNewline ? args.slice(1) : args).join(' ')}${noNewline ? '' : '\n'}`);
        break;
      }
      case 'hostname':
        this.print(`${this.ctx.hostname}\n`);
        break;
      case 'pwd':
        this.print('/\n');
        break;
      case 'whoami':
        this.print('root\n');
        break;
      case 'true':
      case 'sleep':
      case ':':
        break;
      case 'false':
        this.status = 1;
        break;
      case 'ps': {
        const rows = ['PID   USER     TIME  COMMAND'];
        const procs = [...this.ctx.processes, 'sh', 'ps'];
        procs.forEach((p, i) => rows.push(`${String(i === 0 ? 1 : i * 6 + 1).padStart(5)} root      0:00 ${p}`));
        this.print(`${rows.join('\n')}\n`);
        break;
      }
      case 'stty': {
        // Only `stty size` ("ROWS COLUMNS", as busybox prints it): enough to see a resize reach the container.
        const size = this.tty ? this.ctx.terminalSize?.() : undefined;
        if (!this.tty) {
          this.out.stderr('stty: standard input: Not a tty\n');
          this.status = 1;
        } else if (args[0] === 'size' && size) this.print(`${size.height} ${size.width}\n`);
        else {
          this.out.stderr(this.nl(`stty: ${args[0] === 'size' ? 'no terminal size was sent' : `unsupported: ${args.join(' ')}`}\n`));
          this.status = 1;
        }
        break;
      }
      case 'exit': {
        const code = args[0] === undefined ? this.status : Number(args[0]);
        this.finish(Number.isInteger(code) ? ((code % 256) + 256) % 256 : 2);
        break;
      }
      default:
        this.out.stderr(this.nl(`sh: ${cmd}: not found\n`));
        this.status = 127;
    }
  }

  private finish(code: number): void {
    if (this.done) return;
    this.done = true;
    this.out.exit(code);
  }

  /** Bytes typed or piped in: whole lines run; on a TTY the input is echoed and a prompt follows each line. */
  input(text: string): void {
    for (const ch of text) {
      if (this.done) return;
      if (this.tty) {
        if (ch === '\r' || ch === '\n') {
          this.out.stdout('\r\n');
          const line = this.line;
          this.line = '';
          if (this.run(line)) this.out.stdout('/ # ');
        } else if (ch === '\x7f' || ch === '\b') {
          if (this.line.length > 0) {
            this.line = this.line.slice(0, -1);
            this.out.stdout('\b \b');
          }
        } else if (ch === '\x03') {
          this.line = '';
          this.out.stdout('^C\r\n/ # ');
        } else if (ch === '\x04') {
          if (this.line === '') this.finish(this.status);
        } else if (ch >= ' ') {
          this.line += ch;
          this.out.stdout(ch);
        }
        continue;
      }
      if (ch === '\n') {
        const line = this.line;
        this.line = '';
        this.run(line);
      } else this.line += ch;
    }
  }

  /** The end of stdin: what is left runs, then the shell exits with the last status. */
  end(): void {
    if (this.done) return;
    if (this.line !== '' && !this.tty) this.run(this.line);
    this.line = '';
    this.finish(this.status);
  }

  /** A `sh -c SCRIPT` (or a single command): runs it all, then exits with its status. */
  script(script: string): void {
    for (const line of script.split('\n')) if (!this.run(line)) return;
    this.finish(this.status);
  }
}
