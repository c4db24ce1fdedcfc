// kt events -o jsonpath-file=FILE (and -o jsonpath-file --template FILE): the template is read from the file, and
// kt prints what kubectl 1.32 prints — the output, the errors for a missing file, a directory, a bad template, and
// the exit codes. Without kubectl, kt's own output is checked against the template's meaning.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { both, KUBECTL, runKt } from '../helpers/kubectl.js';
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

  const cases: [string, string[]][] = [
    ['-o=jsonpath-file=FILE', ['events', '-n', 'shop', `-o=jsonpath-file=${file('rows.jsonpath')}`]],
    ['-A, across namespaces', ['events', '-A', '-o', `jsonpath-file=${file('rows.jsonpath')}`]],
    ['with --for and --types', ['events', '-n', 'shop', '--for', 'pod/checkout-6f8b9c7d5-p4x7w', '--types=Warning', '-o', `jsonpath-file=${file('rows.jsonpath')}`]],
    ['-o jsonpath-file --template FILE', ['events', '-n', 'shop', '-o', 'jsonpath-file', `--template=${file('rows.jsonpath')}`]],
    ['a file ending in a newline', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('count.jsonpath')}`]],
    ['an empty file', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('empty.jsonpath')}`]],
    ['no events to print', ['events', '-n', 'quiet', '-o', `jsonpath-file=${file('rows.jsonpath')}`]],
    ['a missing key', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('missing-key.jsonpath')}`]],
    ['a missing key allowed', ['events', '-n', 'shop', '--allow-missing-template-keys=true', '-o', `jsonpath-file=${file('missing-key.jsonpath')}`]],
    ['a file that does not exist', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('nope.jsonpath')}`]],
    ['a directory', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('a-directory')}`]],
    ['a template that does not parse', ['events', '-n', 'shop', '-o', `jsonpath-file=${file('broken.jsonpath')}`]],
    ['no file named', ['events', '-n', 'shop', '-o', 'jsonpath-file']],
    ['--template ignored for another -o', ['events', '-n', 'shop', '-o', 'name', `--template=${file('rows.jsonpath')}`]],
  ];

  it.skipIf(!KUBECTL).each(cases)('%s: as kubectl', async (_name, args) => {
    const { kt, kubectl } = await both(args, t.env);
    expect(kt).toEqual(kubectl);
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
