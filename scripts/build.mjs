// Bundles src/ into dist/ with esbuild: one entry chunk for the command line, lazily imported chunks for
// each command and for the client layer, so `kt --version` loads only the command line.
// The bundle is written beside dist/ and swapped in at the end, so a kt that is running (a test, a follow)
// never finds dist/ half-written.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// kt gives chalk its colour level (src/print/color.ts) and never asks chalk to look at process.stdout, so chalk's
// terminal detection — which loads node:tty and node:os and reads the environment at import — is left out.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => ({ path: fileURLToPath(new URL('./vendor/supports-color/browser.js', `file://${args.resolveDir}/`)) }));
  },
};

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const staging = `${dist}.build-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: staging,
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
  plugins: [chalkWithoutDetection],
});
const old = `${dist}.old-${process.pid}`;
try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
