// Bundles src/ into dist/ with esbuild: one entry chunk for the command line, lazily imported chunks for
// each command and for the client layer, so `kt --version` never parses @kubernetes/client-node.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // Some CommonJS dependencies call require() for built-ins; give the ESM bundle a require.
  banner: { js: "import{createRequire as __ktCreateRequire}from'node:module';const require=__ktCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
