// Expected strings here and in fixtures/jsonpath.ts were captured from kubectl.1.32 (v1.32.5) against a stub API
// server serving these objects: `kubectl get pods -o jsonpath=…` / `-o jsonpath-as-json=…`, with and without
// --allow-missing-template-keys=false. kubectl prints execution errors as `error: <message>`.
// kubectl.recheck.test.ts re-checks the fixtures against kubectl live.
import { describe, expect, it } from 'vitest';

import { KtError } from '../../src/errors.js';
import { compileJsonPath, JsonPathError } from '../../src/print/jsonpath.js';
import { LIST, LIST_DUMP, OUTPUTS, EXEC_ERRORS, PARSE_ERRORS, STRICT_OUTPUTS, STRICT_ERRORS, AS_JSON, NUMS, NUMS_TEMPLATE, NUMS_STDOUT, NUMS_STDERR } from './fixtures/jsonpath.js';

// Templates visiting map entries: Go iterates maps in random order, so kubectl prints these tokens in a varying
// order (one run shown); kt visits keys sorted.
const MAP_ORDER: [string, string, string][] = [
  ["{..name}", "web-1 c c db-0 pg side pg side job-x j RATIO", "web-1 c c db-0 pg side pg side job-x j RATIO"],
  ["{.items[0].metadata.labels.*}", "front web web", "web web front"],
  ["{.items[0].spec.containers[0].*}", "c [{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443,\"protocol\":\"TCP\"}] {\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}} nginx:1.25", "nginx:1.25 c [{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443,\"protocol\":\"TCP\"}] {\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}"],
];

function failure(run: () => unknown): JsonPathError {
  try {
    run();
  } catch (e) {
    if (e instanceof JsonPathError) return e;
    throw e;
  }
  throw new Error('expected a JsonPathError');
}

const execMessage = (template: string, quoted: string, reason: string, dump: string): string =>
  `error executing jsonpath ${quoted}: Error executing template: ${reason}. Printing more information for ` +
  `debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${dump}\n\n\n`;

describe('compileJsonPath().execute, as kubectl get -o jsonpath', () => {
  it.each(OUTPUTS)('%s', (template, stdout) => {
    expect(compileJsonPath(template).execute(LIST)).toBe(stdout);
  });

  it('formats numbers, null, maps and HTML characters like Go', () => {
    expect(compileJsonPath(NUMS_TEMPLATE).execute(NUMS)).toBe(NUMS_STDOUT);
  });

  it.each(MAP_ORDER)('%s: same tokens as kubectl, in sorted-key order', (template, kubectlRun, ours) => {
    const got = compileJsonPath(template).execute(LIST);
    expect(got).toBe(ours);
    const tokens = (s: string): string[] => s.split(' ').sort();
    expect(tokens(got)).toEqual(tokens(kubectlRun));
  });

  it('can run one compiled template on many objects', () => {
    const p = compileJsonPath('{range .items[*]}{.metadata.name},{end}');
    expect(p.execute(LIST)).toBe('web-1,db-0,job-x,');
    expect(p.execute({ items: [{ metadata: { name: 'z' } }] })).toBe('z,');
    expect(p.execute(LIST)).toBe('web-1,db-0,job-x,');
  });
});

describe('execution errors', () => {
  it.each(EXEC_ERRORS)('%s', (template, quoted, reason) => {
    const err = failure(() => compileJsonPath(template).execute(LIST));
    expect(err.reason).toBe(reason);
    expect(err.message).toBe(execMessage(template, quoted, reason, LIST_DUMP));
  });

  it('prints kubectl’s whole message, Go %#v dump included', () => {
    const err = failure(() => compileJsonPath('{.x}', { allowMissingKeys: false }).execute(NUMS));
    expect(`error: ${err.message}`).toBe(NUMS_STDERR);
    expect(err).toBeInstanceOf(KtError);
  });
});

describe('parse errors', () => {
  it.each(PARSE_ERRORS)('%s', (template, message) => {
    const err = failure(() => compileJsonPath(template));
    expect(err.message).toBe(message);
    expect(message.endsWith(`, ${err.reason}`)).toBe(true);
  });
});

describe('--allow-missing-template-keys=false', () => {
  it.each(STRICT_OUTPUTS)('%s', (template, stdout) => {
    expect(compileJsonPath(template, { allowMissingKeys: false }).execute(LIST)).toBe(stdout);
  });

  it.each(STRICT_ERRORS)('%s fails', (template, quoted, reason) => {
    const err = failure(() => compileJsonPath(template, { allowMissingKeys: false }).execute(LIST));
    expect(err.message).toBe(execMessage(template, quoted, reason, LIST_DUMP));
  });
});

describe('compileJsonPath().executeAsJSON, as kubectl get -o jsonpath-as-json', () => {
  it.each(AS_JSON)('%s', (template, stdout) => {
    expect(compileJsonPath(template).executeAsJSON(LIST)).toBe(stdout);
  });
});

// client-go stops the whole selection at the first empty [*] / [n:n]: kubectl prints nothing for b here.
const EMPTY_FIRST = {"apiVersion":"v1","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","namespace":"default"},"status":{"containerStatuses":[]}},{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b","namespace":"default"},"status":{"containerStatuses":[{"name":"x"},{"name":"y"}]}}],"kind":"List","metadata":{"resourceVersion":""}};

describe('a zero-length array selection', () => {
  it('ends the selection for every later value too, as in kubectl', () => {
    expect(compileJsonPath("{.items[*].status.containerStatuses[*].name}|{.items[*].status.containerStatuses[0:0]}|{range .items[*]}{.status.containerStatuses[*].name};{end}").execute(EMPTY_FIRST)).toBe("||;x y;");
  });
});
