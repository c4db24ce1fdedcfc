// kt events -o jsonpath-file=FILE (and -o jsonpath-file --template FILE): the template is read from the file, and
// kt prints what kubectl 1.32 prints — the output, the errors for a missing file, a directory, a bad template, and
// the exit codes. Without kubectl, kt's own output is checked against the template's meaning.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKt } from '../helpers/kubectl.js';
import { expectParity, fails, quiet, succeeds, type KubectlExpectation } from '../helpers/parity.js';
import { needs } from '../helpers/requirements.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

describe('kt events -o jsonpath-file', () => {
  let t: TestSim;
  // Made now, not in beforeAll: the cases below name files in it.
  const dir = mkdtempSync(join(tmpdir(), 'kt-jpfile-'));
  const file = (name: string): string => join(dir, name);
  beforeAll(async () => {
    t = await startTestSim({ scenario: 'demo' });
    writeFileSync(file('rows.jsonpath'), '{range .items[*]}{.involvedObject.kind}/{.involvedObject.name}{"\\t"}{.reason}{"\\n"}{end}');
    // A file that ends in a newline, as editors write them: the newline is part of the template.
    writeFileSync(file('count.jsonpath'), '{.kind} {.items[0].reason}\n');
    writeFileSync(file('broken.jsonpath'), '{.items[0].reason');
    writeFileSync(file('missing-key.jsonpath'), '{.items[0].nosuchfield}');
    writeFileSync(file('empty.jsonpath'), '');
    mkdirSync(file('a-directory'));
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the template from the file', async () => {
    const r = await runKt(['events', '-n', 'shop', `-o=jsonpath-file=${file('rows.jsonpath')}`], t.env);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      // kubectl events writes templates through its tab writer too, so the \t become aligned columns.
      stdout: 'Deployment/web                 ScalingReplicaSet\nPod/checkout-6f8b9c7d5-p4x7w   Scheduled\nPod/checkout-6f8b9c7d5-p4x7w   Pulled\nPod/checkout-6f8b9c7d5-p4x7w   BackOff\n',
    });
    const viaTemplate = await runKt(['events', '-n', 'shop', '-o', 'jsonpath-file', '--template', file('rows.jsonpath')], t.env);
    expect(viaTemplate).toEqual(r);
  });

  const rows = file('rows.jsonpath');
  const cases: [string, string[], KubectlExpectation][] = [
    ['-o=jsonpath-file=FILE', ['events', '-n', 'shop', `-o=jsonpath-file=${rows}`], succeeds()],
    ['-A, across namespaces', ['events', '-A', '-o', `jsonpath-file=${rows}`], succeeds()],
    ['with --for and --types', ['events', '-n', 'shop', '--for', 'pod/checkout-6f8b9c7d5-p4x7w', '--types=Warning', '-o', `jsonpath-file=${rows}`], succeeds()],
    ['-o jsonpath-file --template FILE', ['events', '-n', 'shop', '-o', 'jsonpath-file', `--template=${rows}`], succeeds()],
    ['a file ending in a newline', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('count.jsonpath')}`], succeeds('empty', /^EventList \S+\n$/)],
    ['an empty file', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('empty.jsonpath')}`], quiet()],
    ['no events to print', ['events', '-n', 'quiet', '-o', `jsonpath-file=${rows}`], quiet('No events found in quiet namespace.\n')],
    // kubectl events prints nothing for a key the events lack, allowed or not.
    ['a missing key', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('missing-key.jsonpath')}`], quiet()],
    ['a missing key allowed', ['events', '-n', 'shop', '--allow-missing-template-keys=true', '-o', `jsonpath-file=${file('missing-key.jsonpath')}`], quiet()],
    ['a file that does not exist', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('nope.jsonpath')}`], fails(/^error: error reading --template \S+nope\.jsonpath, open \S+: no such file or directory\n$/)],
    ['a directory', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('a-directory')}`], fails(/^error: error reading --template \S+a-directory, read \S+: is a directory\n$/)],
    ['a template that does not parse', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('broken.jsonpath')}`], fails('error: error parsing jsonpath {.items[0].reason, unclosed action\n')],
    ['no file named', ['events', '-n', 'shop', '-o', 'jsonpath-file'], fails('error: template format specified but no template given\n')],
    ['--template ignored for another -o', ['events', '-n', 'shop', '-o', 'name', `--template=${rows}`], quiet()],
  ];

  describe('as kubectl', needs('kubectl'), () => {
    it.each(cases)('%s', async (_name, args, want) => {
      await expectParity(want, args, t.env);
    });
  });

  it('the errors say which file and why, in Go\'s words', async () => {
    expect(await runKt(['events', '-n', 'shop', '-o', `jsonpath-file=${file('nope.jsonpath')}`], t.env)).toEqual({
      code: 1, stdout: '', stderr: `error: error reading --template ${file('nope.jsonpath')}, open ${file('nope.jsonpath')}: no such file or directory\n`,
    });
    expect(await runKt(['events', '-n', 'shop', '-o', `jsonpath-file=${file('a-directory')}`], t.env)).toEqual({
      code: 1, stdout: '', stderr: `error: error reading --template ${file('a-directory')}, read ${file('a-directory')}: is a directory\n`,
    });
  });
});
