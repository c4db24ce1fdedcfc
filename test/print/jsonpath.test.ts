// Expected strings below were captured from kubectl.1.32 (v1.32.5) against a stub API server serving these
// objects: `kubectl get pods -o jsonpath=…` / `-o jsonpath-as-json=…`, with and without
// --allow-missing-template-keys=false. kubectl prints execution errors as `error: <message>`.
import { describe, expect, it } from 'vitest';

import { KtError } from '../../src/errors.js';
import { compileJsonPath, JsonPathError } from '../../src/print/jsonpath.js';

// What kubectl.1.32 `get pods -o jsonpath=…` hands its jsonpath engine: the List it builds around three pods.
const LIST = {
  "apiVersion": "v1",
  "items": [
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "annotations": {
          "note": "a<b & c>d"
        },
        "labels": {
          "app": "web",
          "app.kubernetes.io/name": "web",
          "tier": "front"
        },
        "name": "web-1",
        "namespace": "default"
      },
      "spec": {
        "containers": [
          {
            "image": "nginx:1.25",
            "name": "c",
            "ports": [
              {
                "containerPort": 80,
                "protocol": "TCP"
              },
              {
                "containerPort": 443,
                "protocol": "TCP"
              }
            ],
            "resources": {
              "requests": {
                "cpu": "100m",
                "memory": "64Mi"
              }
            }
          }
        ],
        "nodeName": "node-a"
      },
      "status": {
        "conditions": [
          {
            "status": "True",
            "type": "Ready"
          },
          {
            "status": "True",
            "type": "PodScheduled"
          }
        ],
        "containerStatuses": [
          {
            "name": "c",
            "ready": true,
            "restartCount": 3
          }
        ],
        "phase": "Running",
        "podIP": "10.0.0.1"
      }
    },
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "labels": {
          "app": "db"
        },
        "name": "db-0",
        "namespace": "default"
      },
      "spec": {
        "containers": [
          {
            "image": "postgres:16",
            "name": "pg"
          },
          {
            "args": [
              "sleep",
              "3600"
            ],
            "image": "busybox",
            "name": "side"
          }
        ],
        "nodeName": "node-b"
      },
      "status": {
        "conditions": [
          {
            "status": "False",
            "type": "Ready"
          }
        ],
        "containerStatuses": [
          {
            "name": "pg",
            "ready": false,
            "restartCount": 0
          },
          {
            "name": "side",
            "ready": true,
            "restartCount": 12
          }
        ],
        "phase": "Pending"
      }
    },
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "name": "job-x",
        "namespace": "default"
      },
      "spec": {
        "containers": [
          {
            "env": [
              {
                "name": "RATIO",
                "value": "0.5"
              }
            ],
            "image": "alpine",
            "name": "j"
          }
        ],
        "nothing": null,
        "priority": 0.5
      },
      "status": {
        "containerStatuses": [],
        "phase": "Succeeded"
      }
    }
  ],
  "kind": "List",
  "metadata": {
    "resourceVersion": ""
  }
};

// kubectl's %#v dump of LIST in its execution errors.
const LIST_DUMP =
  "map[string]interface {}{\"apiVersion\":\"v1\", \"items\":[]interface {}{map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"annotations\":map[string]interface {}{\"note\":\"a<b & c>d\"}, \"labels\":map[string]interface {}{\"app\":\"web\", \"app.kubernetes.io/name\":\"web\", \"tier\":\"front\"}, \"name\":\"web-1\", \"namespace\":\"default\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"nginx:1.25\", \"name\":\"c\", \"ports\":[]interface {}{map[string]interface {}{\"containerPort\":80, \"protocol\":\"TCP\"}, map[string]interface {}{\"containerPort\":443, \"protocol\":\"TCP\"}}, \"resources\":map[string]interface {}{\"requests\":map[string]interface {}{\"cpu\":\"100m\", \"memory\":\"64Mi\"}}}}, \"nodeName\":\"node-a\"}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{map[string]interface {}{\"status\":\"True\", \"type\":\"Ready\"}, map[string]interface {}{\"status\":\"True\", \"type\":\"PodScheduled\"}}, \"containerStatuses\":[]interface {}{map[string]interface {}{\"name\":\"c\", \"ready\":true, \"restartCount\":3}}, \"phase\":\"Running\", \"podIP\":\"10.0.0.1\"}}, map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"app\":\"db\"}, \"name\":\"db-0\", \"namespace\":\"default\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"image\":\"postgres:16\", \"name\":\"pg\"}, map[string]interface {}{\"args\":[]interface {}{\"sleep\", \"3600\"}, \"image\":\"busybox\", \"name\":\"side\"}}, \"nodeName\":\"node-b\"}, \"status\":map[string]interface {}{\"conditions\":[]interface {}{map[string]interface {}{\"status\":\"False\", \"type\":\"Ready\"}}, \"containerStatuses\":[]interface {}{map[string]interface {}{\"name\":\"pg\", \"ready\":false, \"restartCount\":0}, map[string]interface {}{\"name\":\"side\", \"ready\":true, \"restartCount\":12}}, \"phase\":\"Pending\"}}, map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"name\":\"job-x\", \"namespace\":\"default\"}, \"spec\":map[string]interface {}{\"containers\":[]interface {}{map[string]interface {}{\"env\":[]interface {}{map[string]interface {}{\"name\":\"RATIO\", \"value\":\"0.5\"}}, \"image\":\"alpine\", \"name\":\"j\"}}, \"nothing\":interface {}(nil), \"priority\":0.5}, \"status\":map[string]interface {}{\"containerStatuses\":[]interface {}{}, \"phase\":\"Succeeded\"}}}, \"kind\":\"List\", \"metadata\":map[string]interface {}{\"resourceVersion\":\"\"}}";

// [template, stdout] of `kubectl.1.32 get pods -o jsonpath=<template>` (missing keys allowed, the default).
const OUTPUTS: [string, string][] = [
  ["{.items[*].metadata.name}", "web-1 db-0 job-x"],
  ["{.metadata.name}", ""],
  ["{.kind}", "List"],
  ["kind={.kind} rv=\"{.metadata.resourceVersion}\"", "kind=List rv=\"\""],
  ["{range .items[*]}{.metadata.name}{\"\\n\"}{end}", "web-1\ndb-0\njob-x\n"],
  ["{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}", "web-1\tRunning\ndb-0\tPending\njob-x\tSucceeded\n"],
  ["{.items[*].metadata.labels.app\\.kubernetes\\.io/name}", "web"],
  ["{.items[0].metadata.labels['app\\.kubernetes\\.io/name']}", "web"],
  ["{.items[0].metadata.labels['app.kubernetes.io/name']}", ""],
  ["{.items[0]['metadata']['name']}", "web-1"],
  ["{.items[0].metadata.name}", "web-1"],
  ["{.items[-1].metadata.name}", "job-x"],
  ["{.items[-1:].metadata.name}", "job-x"],
  ["{.items[1:].metadata.name}", "db-0 job-x"],
  ["{.items[:2].metadata.name}", "web-1 db-0"],
  ["{.items[0:3:2].metadata.name}", "web-1 job-x"],
  ["{.items[::2].metadata.name}", "web-1 job-x"],
  ["{.items[-2].metadata.name}", "db-0"],
  ["{.items[1:1].metadata.name}", ""],
  ["{.items[0,2].metadata.name}", "web-1 job-x"],
  ["{.items[0].metadata['name','namespace']}", "web-1 default"],
  ["{.items[*].status.containerStatuses[*].restartCount}", "3 0 12"],
  ["{..restartCount}", "3 0 12"],
  ["{.items[?(@.status.phase==\"Running\")].metadata.name}", "web-1"],
  ["{.items[?(@.status.phase=='Pending')].metadata.name}", "db-0"],
  ["{.items[?(@.status.phase!=\"Running\")].metadata.name}", "db-0 job-x"],
  ["{.items[?(@.metadata.labels)].metadata.name}", "web-1 db-0"],
  ["{.items[?(@.metadata.labels.app)].metadata.name}", "web-1 db-0"],
  ["{.items[*].status.containerStatuses[?(@.restartCount>2)].name}", "c side"],
  ["{.items[*].status.containerStatuses[?(@.restartCount>=3)].name}", "c side"],
  ["{.items[*].status.containerStatuses[?(@.restartCount<3)].name}", "pg"],
  ["{.items[*].status.containerStatuses[?(@.restartCount<=3)].name}", "c pg"],
  ["{.items[*].status.containerStatuses[?(@.ready==true)].name}", "c side"],
  ["{.items[0].metadata.labels}", "{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"}"],
  ["{.items[0].spec.containers[0].ports}", "[{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443,\"protocol\":\"TCP\"}]"],
  ["{.items[0].metadata.annotations}", "{\"note\":\"a\\u003cb \\u0026 c\\u003ed\"}"],
  ["{.items[0].metadata.annotations.note}", "a<b & c>d"],
  ["{.items[2].spec.nothing}", "null"],
  ["{.items[2].spec.priority}", "0.5"],
  ["{.items[2].status.containerStatuses}", "[]"],
  ["{.nope}", ""],
  ["{.items[*].nope}", ""],
  ["{.items[*].metadata.labels.app}", "web db"],
  [".metadata.name", ".metadata.name"],
  ["plain text", "plain text"],
  ["{range .items[*]}{.metadata.name}", "web-1db-0job-x"],
  ["{range .items[*]}[{.metadata.name}]", "[web-1][db-0][job-x][]"],
  ["{range .items[*]}{range .spec.containers[*]}{.name},{end};{end}", "c,;pg,side,;j,;"],
  ["{range .items[*]}{.metadata.name}:{range .status.conditions[*]}{.type}={.status} {end}{\"\\n\"}{end}", "web-1:Ready=True PodScheduled=True \ndb-0:Ready=False \njob-x:\n"],
  ["{.items[*].metadata.name.*}", "119 101 98 45 49 100 98 45 48 106 111 98 45 120"],
  ["{@}", "{\"apiVersion\":\"v1\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"note\":\"a\\u003cb \\u0026 c\\u003ed\"},\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"},\"name\":\"web-1\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"c\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443,\"protocol\":\"TCP\"}],\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}}],\"nodeName\":\"node-a\"},\"status\":{\"conditions\":[{\"status\":\"True\",\"type\":\"Ready\"},{\"status\":\"True\",\"type\":\"PodScheduled\"}],\"containerStatuses\":[{\"name\":\"c\",\"ready\":true,\"restartCount\":3}],\"phase\":\"Running\",\"podIP\":\"10.0.0.1\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"app\":\"db\"},\"name\":\"db-0\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"image\":\"postgres:16\",\"name\":\"pg\"},{\"args\":[\"sleep\",\"3600\"],\"image\":\"busybox\",\"name\":\"side\"}],\"nodeName\":\"node-b\"},\"status\":{\"conditions\":[{\"status\":\"False\",\"type\":\"Ready\"}],\"containerStatuses\":[{\"name\":\"pg\",\"ready\":false,\"restartCount\":0},{\"name\":\"side\",\"ready\":true,\"restartCount\":12}],\"phase\":\"Pending\"}},{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"job-x\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"RATIO\",\"value\":\"0.5\"}],\"image\":\"alpine\",\"name\":\"j\"}],\"nothing\":null,\"priority\":0.5},\"status\":{\"containerStatuses\":[],\"phase\":\"Succeeded\"}}],\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}"],
  ["{$.kind}", "List"],
  ["{.}", ""],
  ["{1}{2.5}{1.0}{true}{-3}", "12.51true-3"],
  ["{.items[0].metadata.name}{\"\\u00e9\\x41\"}", "web-1éA"],
  ["{'single'}", "single"],
  ["{.items[0].metadata.name}}", "web-1}"],
  ["}{.kind}", "}List"],
  ["{.items[*].spec.containers[*].image} ", "nginx:1.25 postgres:16 busybox alpine "],
  ["{.items[*].spec.containers[?(@.name==\"side\")].args}", "[\"sleep\",\"3600\"]"],
  ["{.items[*].spec.containers[?(@.name==\"side\")].args[*]}", "sleep 3600"],
  ["{.items[*].metadata.labels.tier}", "front"],
  ["{..metadata..name}", "web-1 db-0 job-x"],
  ["{.items[0].status.conditions[?(@.type==\"Ready\")].status}", "True"],
  ["{.items[*].status.conditions[?(@.type==\"Ready\")].status}", "True False"],
  ["{.items[0].metadata.name.x}", ""],
  ["{.items.metadata}", ""],
  ["{.items[*].spec.nothing}", "null"],
  ["{.items[2].spec.nothing[0]}", ""],
  ["{.items[*].status.containerStatuses[?(@.name)].ready}", "true false true"],
  ["{ .kind }", "List"],
  ["{.kind}{\"\\\"\"}", "List\""],
  ["{\"a\\\"b\"}", "a\"b"],
  ["{.items[0].metadata.namespace} {.items[0].spec.nodeName}", "default node-a"],
  ["{.metadata}", "{\"resourceVersion\":\"\"}"],
  ["{range .items[*]}{end}", ""],
  ["{range .nope[*]}{.x}{end}done", "done"],
  ["{.items[*].metadata.annotations}", "{\"note\":\"a\\u003cb \\u0026 c\\u003ed\"}"],
  ["{.items[0].metadata.labels.app}{.items[1].metadata.labels.app}", "webdb"],
];

// [template, %q of the template, reason] of kubectl's "error executing jsonpath" failures.
const EXEC_ERRORS: [string, string, string][] = [
  ["{.items[5].metadata.name}", "\"{.items[5].metadata.name}\"", "array index out of bounds: index 5, length 3"],
  ["{.items[-5].metadata.name}", "\"{.items[-5].metadata.name}\"", "array index out of bounds: index -2, length 3"],
  ["{.items[2:1].metadata.name}", "\"{.items[2:1].metadata.name}\"", "starting index 2 is greater than ending index 1"],
  ["{.items[0:2:0].metadata.name}", "\"{.items[0:2:0].metadata.name}\"", "step must be > 0"],
  ["{.items[*].status.containerStatuses[?(@.restartCount==3.0)].name}", "\"{.items[*].status.containerStatuses[?(@.restartCount==3.0)].name}\"", "incompatible types for comparison"],
  ["{.items[*].spec[?(@.priority==0.5)]}", "\"{.items[*].spec[?(@.priority==0.5)]}\"", "map[containers:[map[image:nginx:1.25 name:c ports:[map[containerPort:80 protocol:TCP] map[containerPort:443 protocol:TCP]] resources:map[requests:map[cpu:100m memory:64Mi]]]] nodeName:node-a] is not array or slice and cannot be filtered"],
  ["{.items[*].metadata.name} {end}", "\"{.items[*].metadata.name} {end}\"", "not in range, nothing to end"],
  ["{items}", "\"{items}\"", "unrecognized identifier items"],
  ["{.items[?(@.spec.priority>0)].metadata.name}", "\"{.items[?(@.spec.priority>0)].metadata.name}\"", "incompatible types for comparison"],
  ["{.items[?(@.metadata.name=\"web-1\")].metadata.name}", "\"{.items[?(@.metadata.name=\\\"web-1\\\")].metadata.name}\"", "unrecognized filter operator ="],
  ["{.items[0].metadata[0]}", "\"{.items[0].metadata[0]}\"", "map[string]interface {} is not array or slice"],
  ["{.kind[0]}", "\"{.kind[0]}\"", "string is not array or slice"],
  ["{.items[0].status[?(@.x)]}", "\"{.items[0].status[?(@.x)]}\"", "map[conditions:[map[status:True type:Ready] map[status:True type:PodScheduled]] containerStatuses:[map[name:c ready:true restartCount:3]] phase:Running podIP:10.0.0.1] is not array or slice and cannot be filtered"],
  ["{.items[2].spec.nothing[?(@.x)]}", "\"{.items[2].spec.nothing[?(@.x)]}\"", "<nil> is not array or slice and cannot be filtered"],
  ["{.items[?(@.spec.nothing==\"x\")].metadata.name}", "\"{.items[?(@.spec.nothing==\\\"x\\\")].metadata.name}\"", "invalid type for comparison"],
  ["{.items[?(@.status.containerStatuses[0].ready==true)].metadata.name}", "\"{.items[?(@.status.containerStatuses[0].ready==true)].metadata.name}\"", "array index out of bounds: index 0, length 0"],
  ["{.items[?(@.spec.containers[*].name==\"c\")].metadata.name}", "\"{.items[?(@.spec.containers[*].name==\\\"c\\\")].metadata.name}\"", "can only compare one element at a time"],
  ["{.items[10:].metadata.name}", "\"{.items[10:].metadata.name}\"", "array index out of bounds: index 10, length 3"],
  ["{.items[:10].metadata.name}", "\"{.items[:10].metadata.name}\"", "array index out of bounds: index 9, length 3"],
  ["{.items[-1:0]}", "\"{.items[-1:0]}\"", "starting index 2 is greater than ending index 0"],
];

// [template, message] of kubectl's "error parsing jsonpath" failures.
const PARSE_ERRORS: [string, string][] = [
  ["{.metadata.name", "error parsing jsonpath {.metadata.name, unclosed action"],
  ["{.items[0}", "error parsing jsonpath {.items[0}, unterminated array"],
  ["{.items[x]}", "error parsing jsonpath {.items[x]}, invalid array index x"],
  ["{.items[?(@.a]}", "error parsing jsonpath {.items[?(@.a]}, unterminated filter"],
  ["{\"unterminated}", "error parsing jsonpath {\"unterminated}, unterminated quoted string"],
  ["{....name}", "error parsing jsonpath {....name}, invalid multiple recursive descent"],
  ["{.items[?(@.metadata.name=~\"web\")].metadata.name}", "error parsing jsonpath {.items[?(@.metadata.name=~\"web\")].metadata.name}, unrecognized character in action: U+007E '~'"],
];

// With --allow-missing-template-keys=false.
const STRICT_OUTPUTS: [string, string][] = [
  ["{.items[*].metadata.labels.app}", "web db"],
  ["{.items[?(@.metadata.labels)].metadata.name}", "web-1 db-0"],
  ["{.items[2].spec.nothing}", "null"],
  ["{.items[*].metadata.namespace}", "default default default"],
];
const STRICT_ERRORS: [string, string, string][] = [
  ["{.nope}", "\"{.nope}\"", "nope is not found"],
  ["{.items[*].nope}", "\"{.items[*].nope}\"", "nope is not found"],
  ["{range .items[*]}{.metadata.labels.app}{end}", "\"{range .items[*]}{.metadata.labels.app}{end}\"", "labels is not found"],
  ["{range .nope[*]}{.x}{end}", "\"{range .nope[*]}{.x}{end}\"", "nope is not found"],
  ["{.items[?(@.metadata.labels.app==\"web\")].metadata.name}", "\"{.items[?(@.metadata.labels.app==\\\"web\\\")].metadata.name}\"", "labels is not found"],
];

// [template, stdout] of `-o jsonpath-as-json=<template>`.
const AS_JSON: [string, string][] = [
  ["{.items[*].metadata.name}", "[\n    \"web-1\",\n    \"db-0\",\n    \"job-x\"\n]\n"],
  ["{.items[0].metadata.labels}", "[\n    {\n        \"app\": \"web\",\n        \"app.kubernetes.io/name\": \"web\",\n        \"tier\": \"front\"\n    }\n]\n"],
  ["{range .items[*]}{.metadata.name}{\"\\n\"}{end}", "[\n    \"web-1\"\n]\n[\n    \"\\n\"\n]\n[\n    \"db-0\"\n]\n[\n    \"\\n\"\n]\n[\n    \"job-x\"\n]\n[\n    \"\\n\"\n]\n"],
  ["x{.kind}", "[\n    \"x\"\n]\n[\n    \"List\"\n]\n"],
  ["{.nope}", "[]\n"],
  ["{.items[0].spec.containers[0].ports[*].containerPort}{.items[0].metadata.annotations.note}", "[\n    80,\n    443\n]\n[\n    \"a\\u003cb \\u0026 c\\u003ed\"\n]\n"],
  ["{.items[2].spec.priority}{.items[2].spec.nothing}", "[\n    0.5\n]\n[\n    null\n]\n"],
];
// A pod whose numbers exercise Go's %v / %#v / encoding/json float formatting, as kubectl saw it.
const NUMS = {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"a":1500000.5,"b":123456789.5,"c":1e+21,"d":0.00001,"e":0.0001,"f":100000.5,"g":1,"h":2.5e-7,"i":12345678901234567000,"j":true,"k":null,"l":"s<&>","m":[],"n":{}}};
const NUMS_TEMPLATE =
  "{.spec.a} {.spec.b} {.spec.c} {.spec.d} {.spec.e} {.spec.f} {.spec.g} {.spec.h} {.spec.i} {.spec.j} {.spec.k} {.spec.l} {.spec.m} {.spec.n} {.spec}";
const NUMS_STDOUT =
  "1.5000005e+06 1.234567895e+08 1e+21 1e-05 0.0001 100000.5 1 2.5e-07 1.2345678901234567e+19 true null s<&> [] {} {\"a\":1500000.5,\"b\":123456789.5,\"c\":1e+21,\"d\":0.00001,\"e\":0.0001,\"f\":100000.5,\"g\":1,\"h\":2.5e-7,\"i\":12345678901234567000,\"j\":true,\"k\":null,\"l\":\"s\\u003c\\u0026\\u003e\",\"m\":[],\"n\":{}}";
// `get pod p -o jsonpath={.x} --allow-missing-template-keys=false` on NUMS: kubectl's whole stderr.
const NUMS_STDERR =
  "error: error executing jsonpath \"{.x}\": Error executing template: x is not found. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.x}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"name\":\"p\"}, \"spec\":map[string]interface {}{\"a\":1.5000005e+06, \"b\":1.234567895e+08, \"c\":1e+21, \"d\":1e-05, \"e\":0.0001, \"f\":100000.5, \"g\":1, \"h\":2.5e-07, \"i\":1.2345678901234567e+19, \"j\":true, \"k\":interface {}(nil), \"l\":\"s<&>\", \"m\":[]interface {}{}, \"n\":map[string]interface {}{}}}\n\n\n";

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
