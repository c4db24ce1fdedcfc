#!/usr/bin/env node
// kt's executable: check the runtime, turn on Node's compile cache, then run the bundled command line.
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(`error: kt needs Node.js 22.19 or newer; this is Node.js ${process.versions.node}\n`);
  process.exit(1);
}
module.enableCompileCache?.();
const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
