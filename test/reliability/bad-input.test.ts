// Bad input everywhere: an invalid value for each command's flags, unknown flags, a malformed kubeconfig, a missing
// context. kt must answer in kubectl's words (compared with kubectl 1.32 where it has the same flag, after checking
// kubectl said what the case expects), with kubectl's exit code, and never show a stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, runKt, runKubectl, type Result } from '../helpers/kubectl.js';
import { compareResults, fails, succeeds, type CompareOptions, type KubectlExpectation } from '../helpers/parity.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { STACK } from './helpers.js';

/**
 * Flags kubectl 1.32 has too: kt's answer must be kubectl's, byte for byte. Each says what kubectl does (with
 * `-n shop` added, as the tests run them); without kubectl, kt is held to the same exit code and stdout.
 */
const SHARED: { args: string[]; kubectl: KubectlExpectation }[] = [
  { args: ['logs', 'payments-0', '--since=90'], kubectl: fails('error: invalid argument "90" for "--since" flag: time: missing unit in duration "90"\nSee \'kubectl logs --help\' for usage.\n') },
  { args: ['logs', 'payments-0', '--since=-5x'], kubectl: fails('error: invalid argument "-5x" for "--since" flag: time: unknown unit "x" in duration "-5x"\nSee \'kubectl logs --help\' for usage.\n') },
  { args: ['logs', 'payments-0', '--tail=abc'], kubectl: fails('error: invalid argument "abc" for "--tail" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl logs --help\' for usage.\n') },
  { args: ['logs', 'payments-0', '--limit-bytes=1.5'], kubectl: fails('error: invalid argument "1.5" for "--limit-bytes" flag: strconv.ParseInt: parsing "1.5": invalid syntax\nSee \'kubectl logs --help\' for usage.\n') },
  { args: ['logs', 'payments-0', '--since-time=yesterday'], kubectl: fails('error: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"\n') },
  { args: ['logs', 'payments-0', '--since=1h', '--since-time=2026-01-01T00:00:00Z'], kubectl: fails('error: at most one of `sinceTime` or `sinceSeconds` may be specified\n') },
  { args: ['logs', 'payments-0', '--max-log-requests=x'], kubectl: fails('error: invalid argument "x" for "--max-log-requests" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl logs --help\' for usage.\n') },
  { args: ['logs', 'payments-0', '--pod-running-timeout=soon'], kubectl: fails('error: invalid argument "soon" for "--pod-running-timeout" flag: time: invalid duration "soon"\nSee \'kubectl logs --help\' for usage.\n') },
  { args: ['logs', '-l', 'app in (web', '-n', 'shop'], kubectl: fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (web", field selector "": unable to parse requirement: unable to parse requirement: found \'\', expected: \',\' or \')\'\n') },
  { args: ['logs', '-l', '==x', '-n', 'shop'], kubectl: fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "==x", field selector "": unable to parse requirement: unable to parse requirement: found \'==\', expected: identifier\n') },
  { args: ['logs'], kubectl: fails("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n") },
  { args: ['logs', 'a', 'b', 'c'], kubectl: fails("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n") },
  { args: ['logs', 'payments-0', '--bogus'], kubectl: fails("error: unknown flag: --bogus\nSee 'kubectl logs --help' for usage.\n") },
  { args: ['logs', 'payments-0', '-Z'], kubectl: fails("error: unknown shorthand flag: 'Z' in -Z\nSee 'kubectl logs --help' for usage.\n") },
  { args: ['logs', 'Bad_Name!'], kubectl: fails('error: error from server (NotFound): pods "Bad_Name!" not found in namespace "shop"\n') },
  { args: ['top', 'pod', '--sort-by=disk'], kubectl: fails('error: --sort-by accepts only cpu or memory\n') },
  { args: ['top', 'pod', '-l', 'a=b=c'], kubectl: fails("error: found '=', expected: ',' or 'end of string'\n") },
  { args: ['top', 'pod', '--field-selector', 'nope'], kubectl: fails("error: invalid selector: 'nope'; can't understand 'nope'\n") },
  { args: ['top', 'node', '--sort-by=name'], kubectl: fails('error: --sort-by accepts only cpu or memory\n') },
  { args: ['top', 'pod', '--no-headers=maybe'], kubectl: fails('error: invalid argument "maybe" for "--no-headers" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl top pod --help\' for usage.\n') },
  { args: ['top', 'pod', '--bogus'], kubectl: fails("error: unknown flag: --bogus\nSee 'kubectl top pod --help' for usage.\n") },
  { args: ['top', 'pods', 'x', 'y'], kubectl: fails("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n") },
  { args: ['top', 'nodez'], kubectl: fails('error: unknown command "nodez"\nSee \'kubectl top -h\' for help and examples\n') },
  { args: ['events', '--types=Critical'], kubectl: fails('error: valid --types are Normal or Warning\n') },
  { args: ['events', '--for', 'nokind'], kubectl: fails('error: --for must be in resource/name form\n') },
  { args: ['events', '--for', 'pod/'], kubectl: succeeds() },
  { args: ['events', '-o', 'xml'], kubectl: fails('error: unable to match a printer suitable for the output format "xml", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n') },
  { args: ['events', '-o', 'jsonpath={.items[0'], kubectl: fails('error: error parsing jsonpath {.items[0, unterminated array\n') },
  { args: ['events', '--chunk-size=lots'], kubectl: fails('error: invalid argument "lots" for "--chunk-size" flag: strconv.ParseInt: parsing "lots": invalid syntax\nSee \'kubectl events --help\' for usage.\n') },
  { args: ['events', '--bogus'], kubectl: fails("error: unknown flag: --bogus\nSee 'kubectl events --help' for usage.\n") },
  { args: ['debug', 'payments-0'], kubectl: fails('error: you must specify --image when not using --copy-to.\n') },
  { args: ['debug', 'payments-0', '--image=busybox', '--profile=root'], kubectl: fails('error: unknown profile: root\n') },
  { args: ['debug', 'payments-0', '--image=busybox', '--image-pull-policy=Sometimes'], kubectl: fails('error: invalid image pull policy: Sometimes\n') },
  { args: ['debug', 'payments-0', '--image=busybox', '--env=NOEQUALS'], kubectl: fails('error: invalid argument "NOEQUALS" for "--env" flag: NOEQUALS must be formatted as key=value\nSee \'kubectl debug --help\' for usage.\n') },
  { args: ['debug', '--image=busybox'], kubectl: fails('error: NAME or filename is required for debug\n') },
  { args: ['debug', 'payments-0', '--image=busybox', '--copy-to=x', '--set-image=nocolon'], kubectl: fails('error: invalid argument "nocolon" for "--set-image" flag: nocolon must be formatted as key=value\nSee \'kubectl debug --help\' for usage.\n') },
  { args: ['top', 'pod', '--request-timeout=forever'], kubectl: fails('error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n') },
  { args: ['top', 'pod', '-v=loud'], kubectl: fails('error: invalid argument "loud" for "-v, --v" flag: strconv.ParseInt: parsing "loud": invalid syntax\nSee \'kubectl top pod --help\' for usage.\n') },
  { args: ['top', 'pod', '--context=nowhere'], kubectl: fails('error: context "nowhere" does not exist\n') },
  { args: ['top', 'pod', '--cluster=nowhere'], kubectl: fails('error: cluster "nowhere" does not exist\n') },
  { args: ['top', 'pod', '--user=nobody'], kubectl: fails('error: auth info "nobody" does not exist\n') },
  { args: ['top', 'pod', '--kubeconfig=/nonexistent/kubeconfig'], kubectl: fails('error: stat /nonexistent/kubeconfig: no such file or directory\n') },
  { args: ['frobnicate'], kubectl: fails('error: unknown command "frobnicate" for "kubectl"\n') },
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

  /** With kubectl: the case's expectation of kubectl, then kt equal to it. Without: kt alone, held to the same code. */
  async function check(args: string[], want: KubectlExpectation, env: Record<string, string>, options: CompareOptions = {}): Promise<void> {
    const [kt, kubectl] = await Promise.all([runKt(args, env), KUBECTL ? runKubectl(args, env) : undefined]);
    expect(kt.stderr).not.toMatch(STACK);
    if (kubectl) return compareResults(want, kt, kubectl, options);
    expect(kt.code).toBe(want.code);
    if (want.stdout === 'empty') expect(kt.stdout).toBe('');
    if (want.code !== 0) expect(kt.stderr).not.toBe('');
  }

  // cobra names the root command in an unknown-command error: kubectl's is "kubectl".
  const rootName = (r: Result): Result => ({ ...r, stderr: r.stderr.replace(/ for "kubectl"/g, ' for "kt"') });

  for (const { args, kubectl: want } of SHARED) {
    it(`kt ${args.join(' ')}`, async () => {
      const full = args[0] === 'frobnicate' || args[0]!.startsWith('--') ? args : [...args, ...(args.includes('-n') ? [] : ['-n', 'shop'])];
      await check(full, want, env, { kubectlOnly: rootName });
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
        const loading = `error: error loading config file "${kc}": `;
        if (name === 'missing-context') await check(args, fails('Error in configuration: context was not found for specified context: gone\n'), e);
        else if (name === 'wrong-types') await check(args, fails(`${loading}json: cannot unmarshal number into Go struct field Config.clusters of type []v1.NamedCluster\n`), e);
        else {
          // go-yaml's syntax-error texts are not reproduced; everything before them is.
          const syntax = name === 'binary' ? 'yaml: control characters are not allowed\n' : 'yaml: line 2: did not find expected node content\n';
          const upToSyntax = (r: Result): Result => ({ ...r, stderr: r.stderr.startsWith(loading) ? loading : r.stderr });
          await check(args, fails(`${loading}${syntax}`), e, { normalize: upToSyntax });
        }
      }
    }
  });
});
