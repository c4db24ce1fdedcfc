#!/usr/bin/env node
// kt's executable: check the runtime, turn on Node's compile cache, then run the bundled command line. Installed
// as `kubectl-triage` it is a kubectl plugin (`kubectl triage …`, hints say so); as `kubectl_complete-triage` it
// answers kubectl's completion of the plugin's arguments.
import module from 'node:module';
import { basename } from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(`error: kt needs Node.js 22.19 or newer; this is Node.js ${process.versions.node}\n`);
  process.exit(1);
}
module.enableCompileCache?.();
// A reader that goes away (`kt … | head`) ends kt quietly, as it ends kubectl, instead of an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { main } = await import('../dist/main.js');
const name = basename(process.argv[1] ?? 'kt').replace(/\.(c|m)?js$/, '');
const args = process.argv.slice(2);
const code =
  name === 'kubectl_complete-triage'
    ? await main(['__complete', ...args], undefined, 'kubectl triage')
    : await main(args, undefined, name === 'kubectl-triage' ? 'kubectl triage' : 'kt');
// The command is over: once its output has reached the pipes, end — a request abandoned by Ctrl-C or a kept-alive
// socket must not hold the process open.
const flushed = (stream) => new Promise((resolve) => (stream.writableLength === 0 ? resolve() : stream.write('', resolve)));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
