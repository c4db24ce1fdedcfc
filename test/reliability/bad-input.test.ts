// Bad input everywhere: an invalid value for each command's flags, unknown flags, a malformed kubeconfig, a missing
// context. kt must answer in kubectl's words (compared with kubectl 1.32 where it has the same flag), exit 1, and
// never show a stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { both, KUBECTL, runKt } from '../helpers/kubectl.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { STACK } from './helpers.js';

/** Flags kubectl 1.32 has too: kt's answer must be kubectl's, byte for byte. */
const SHARED: string[][] = [
  ['logs', 'payments-0', '--since=90'],
  ['logs', 'payments-0', '--since=-5x'],
  ['logs', 'payments-0', '--tail=abc'],
  ['logs', 'payments-0', '--limit-bytes=1.5'],
  ['logs', 'payments-0', '--since-time=yesterday'],
  ['logs', 'payments-0', '--since=1h', '--since-time=2026-01-01T00:00:00Z'],
  ['logs', 'payments-0', '--max-log-requests=x'],
  ['logs', 'payments-0', '--pod-running-timeout=soon'],
  ['logs', '-l', 'app in (web', '-n', 'shop'],
  ['logs', '-l', '==x', '-n', 'shop'],
  ['logs'],
  ['logs', 'a', 'b', 'c'],
  ['logs', 'payments-0', '--bogus'],
  ['logs', 'payments-0', '-Z'],
  ['logs', 'Bad_Name!'],
  ['top', 'pod', '--sort-by=disk'],
  ['top', 'pod', '-l', 'a=b=c'],
  ['top', 'pod', '--field-selector', 'nope'],
  ['top', 'node', '--sort-by=name'],
  ['top', 'pod', '--no-headers=maybe'],
  ['top', 'pod', '--bogus'],
  ['top', 'pods', 'x', 'y'],
  ['top', 'nodez'],
  ['events', '--types=Critical'],
  ['events', '--for', 'nokind'],
  ['events', '--for', 'pod/'],
  ['events', '-o', 'xml'],
  ['events', '-o', 'jsonpath={.items[0'],
  ['events', '--chunk-size=lots'],
  ['events', '--bogus'],
  ['debug', 'payments-0'],
  ['debug', 'payments-0', '--image=busybox', '--profile=root'],
  ['debug', 'payments-0', '--image=busybox', '--image-pull-policy=Sometimes'],
  ['debug', 'payments-0', '--image=busybox', '--env=NOEQUALS'],
  ['debug', '--image=busybox'],
  ['debug', 'payments-0', '--image=busybox', '--copy-to=x', '--set-image=nocolon'],
  ['top', 'pod', '--request-timeout=forever'],
  ['top', 'pod', '-v=loud'],
  ['top', 'pod', '--context=nowhere'],
  ['top', 'pod', '--cluster=nowhere'],
  ['top', 'pod', '--user=nobody'],
  ['top', 'pod', '--kubeconfig=/nonexistent/kubeconfig'],
  ['frobnicate'],
];

/** kt's own flags: invalid values are flag or usage errors in kubectl's style. */
const KT_ONLY: string[][] = [
  ['logs', 'payments-0', '--include=('],
  ['logs', 'payments-0', '--exclude=[z-a]'],
  ['logs', 'payments-0', '--match=*'],
  ['logs', 'payments-0', '--color=sometimes'],
  ['logs', 'payments-0', '-o', 'xml'],
  ['logs', 'payments-0', '--wait-for=x', '--timeout=later'],
  ['top', 'pod', '-o', 'table'],
  ['top', 'pod', '--color=loud'],
  ['events', '--since=yesterday'],
  ['events', '--related'],
  ['events', '--color=always!'],
  ['sim', '--port=99999'],
  ['sim', '--port=abc'],
  ['sim', '--fault', 'status=abc'],
  ['sim', '--scenario', '/nonexistent.yaml'],
  // kubectl words these differently (cobra's plugin handling; Go's URL parser): kt must still fail cleanly.
  ['--bogus', 'top', 'pod'],
  ['top', 'pod', '-s', '::not a url'],
];

describe('bad input', () => {
  let t: TestSim;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    env = { ...t.env };
  });
  afterAll(async () => t?.stop());

  for (const args of SHARED) {
    it(`kt ${args.join(' ')}`, async () => {
      const full = args[0] === 'frobnicate' || args[0]!.startsWith('--') ? args : [...args, ...(args.includes('-n') ? [] : ['-n', 'shop'])];
      if (KUBECTL) {
        const r = await both(full, env);
        r.kubectl.stderr = r.kubectl.stderr.replace(/ for "kubectl"/g, ' for "kt"');
        expect(r.kt.stderr).not.toMatch(STACK);
        // Where kubectl's default debug profile (legacy) warns first, kt's default (general) does not.
        const kubectlErr = r.kubectl.stderr.replace(/^--profile=legacy is deprecated.*\n/m, '').replace(/^E\d{4} .*\n/gm, '');
        expect({ stdout: r.kt.stdout, stderr: r.kt.stderr, code: r.kt.code }).toEqual({ stdout: r.kubectl.stdout, stderr: kubectlErr, code: r.kubectl.code });
      } else {
        const r = await runKt(full, env);
        expect(r.stderr).not.toMatch(STACK);
        expect(r.code).toBe(1);
      }
    });
  }

  for (const args of KT_ONLY) {
    it(`kt ${args.join(' ')} (kt's flags)`, async () => {
      const r = await runKt(args[0] === 'sim' ? args : [...args, '-n', 'shop'], env);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toMatch(/^(error|Error): /m);
      expect(r.code).toBe(1);
    });
  }

  it('a malformed kubeconfig, a missing context and an empty one: kubectl\'s words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-badkc-'));
    const files: Record<string, string> = {
      'yaml-error': 'apiVersion: v1\nclusters: [\n',
      'wrong-types': 'apiVersion: v1\nkind: Config\nclusters: 5\n',
      'missing-context': 'apiVersion: v1\nkind: Config\ncurrent-context: gone\n',
      'binary': '\u0000\u0001\u0002garbage',
    };
    for (const [name, text] of Object.entries(files)) {
      const kc = join(dir, name);
      writeFileSync(kc, text);
      const e = { KUBECONFIG: kc, HOME: dir, KUBECACHEDIR: join(dir, 'cache') };
      for (const args of [['top', 'pod'], ['logs', 'x'], ['events'], ['debug', 'x', '--image=busybox', '--profile=general']]) {
        if (KUBECTL) {
          const r = await both(args, e);
          expect(r.kt.stderr).not.toMatch(STACK);
          expect(r.kt.code).toBe(r.kubectl.code);
          // go-yaml's syntax-error texts are not reproduced; everything before them is.
          if (name === 'yaml-error' || name === 'binary') expect(r.kt.stderr).toMatch(new RegExp(`^error: error loading config file "${kc}": `));
          else expect({ name, ...r.kt }).toEqual({ name, ...r.kubectl, stderr: r.kubectl.stderr.replace(/^E\d{4} .*\n/gm, '') });
        } else {
          const r = await runKt(args, e);
          expect(r.stderr).not.toMatch(STACK);
          expect(r.code).toBe(1);
        }
      }
    }
  });
});
