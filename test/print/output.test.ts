// Expected strings here and in fixtures/output.ts were captured from kubectl.1.32 (v1.32.5): `get -o
// json|yaml|name|jsonpath…` against a stub API server serving these objects, and `label --local` / `patch --local` on
// files for arbitrary kinds. kubectl.recheck.test.ts re-checks the fixtures against kubectl live.
import { describe, expect, it } from 'vitest';

import { KtError } from '../../src/errors.js';
import { printJSON } from '../../src/print/json.js';
import { printName } from '../../src/print/name.js';
import { type OutputFormat, parseOutputFormat, printObject } from '../../src/print/output.js';
import { printYAML } from '../../src/print/yaml.js';
import { SCALARS, KEYS, KEYS_YAML, NESTED, NESTED_YAML, T1, T1_JSON, T1_YAML, NUMS, NUMS_JSON, NUMS_YAML } from './fixtures/output.js';

// `kubectl.1.32 get pods -A -o json|yaml|name|jsonpath…` for three of the demo fixture's pods.
const PODS = {
  "apiVersion": "v1",
  "items": [
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "creationTimestamp": "2025-11-20T10:00:00Z",
        "labels": {
          "app": "bigquery-runner"
        },
        "name": "bigquery-runner",
        "namespace": "default"
      },
      "spec": {
        "containers": [
          {
            "image": "ghcr.io/acme/bq-runner:1.0",
            "name": "runner",
            "resources": {
              "requests": {
                "cpu": "6",
                "memory": "32Gi"
              }
            }
          }
        ]
      },
      "status": {
        "conditions": [
          {
            "lastTransitionTime": "2025-11-20T10:00:00Z",
            "message": "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
            "reason": "Unschedulable",
            "status": "False",
            "type": "PodScheduled"
          }
        ],
        "phase": "Pending",
        "qosClass": "Burstable"
      }
    },
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "annotations": {
          "kubectl.kubernetes.io/default-container": "app"
        },
        "creationTimestamp": "2025-11-20T10:00:00Z",
        "labels": {
          "app": "checkout",
          "pod-template-hash": "6f8b9c7d5"
        },
        "name": "checkout-6f8b9c7d5-p4x7w",
        "namespace": "shop",
        "ownerReferences": [
          {
            "apiVersion": "apps/v1",
            "controller": true,
            "kind": "ReplicaSet",
            "name": "checkout-6f8b9c7d5",
            "uid": "0a1b2c3d-0000-4000-8000-000000000004"
          }
        ]
      },
      "spec": {
        "containers": [
          {
            "image": "istio/proxyv2:1.24.2",
            "name": "istio-proxy",
            "resources": {
              "limits": {
                "cpu": "2",
                "memory": "1Gi"
              },
              "requests": {
                "cpu": "100m",
                "memory": "128Mi"
              }
            }
          },
          {
            "image": "shop/checkout:2.4.1",
            "name": "app",
            "resources": {
              "limits": {
                "cpu": "1",
                "memory": "512Mi"
              },
              "requests": {
                "cpu": "250m",
                "memory": "256Mi"
              }
            }
          }
        ],
        "initContainers": [
          {
            "image": "shop/checkout-migrate:2.4.1",
            "name": "migrate"
          }
        ],
        "nodeName": "node-b"
      },
      "status": {
        "conditions": [
          {
            "lastTransitionTime": "2025-11-20T10:00:00Z",
            "status": "True",
            "type": "Initialized"
          },
          {
            "lastTransitionTime": "2025-11-20T10:00:00Z",
            "message": "containers with unready status: [app]",
            "reason": "ContainersNotReady",
            "status": "False",
            "type": "Ready"
          }
        ],
        "containerStatuses": [
          {
            "containerID": "containerd://c1",
            "image": "istio/proxyv2:1.24.2",
            "imageID": "",
            "name": "istio-proxy",
            "ready": true,
            "restartCount": 0,
            "started": true,
            "state": {
              "running": {
                "startedAt": "2025-11-20T10:00:00Z"
              }
            }
          },
          {
            "containerID": "containerd://c2",
            "image": "shop/checkout:2.4.1",
            "imageID": "",
            "lastState": {
              "terminated": {
                "exitCode": 137,
                "finishedAt": "2025-11-20T10:00:00Z",
                "reason": "OOMKilled",
                "startedAt": "2025-11-20T10:00:00Z"
              }
            },
            "name": "app",
            "ready": false,
            "restartCount": 4,
            "started": false,
            "state": {
              "waiting": {
                "message": "back-off 2m40s restarting failed container=app pod=checkout-6f8b9c7d5-p4x7w_shop(4d2c)",
                "reason": "CrashLoopBackOff"
              }
            }
          }
        ],
        "hostIP": "10.0.0.12",
        "initContainerStatuses": [
          {
            "containerID": "containerd://c0",
            "image": "shop/checkout-migrate:2.4.1",
            "imageID": "",
            "name": "migrate",
            "ready": true,
            "restartCount": 0,
            "state": {
              "terminated": {
                "exitCode": 0,
                "finishedAt": "2025-11-20T10:00:00Z",
                "reason": "Completed",
                "startedAt": "2025-11-20T10:00:00Z"
              }
            }
          }
        ],
        "phase": "Running",
        "podIP": "10.244.1.30",
        "qosClass": "Burstable",
        "startTime": "2025-11-20T10:00:00Z"
      }
    },
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "creationTimestamp": "2025-11-20T10:00:00Z",
        "labels": {
          "app": "api-gateway"
        },
        "name": "api-gateway-typo",
        "namespace": "default"
      },
      "spec": {
        "containers": [
          {
            "image": "envoyproxy/envoy:v1.32.O",
            "name": "gateway"
          }
        ],
        "nodeName": "node-a"
      },
      "status": {
        "conditions": [
          {
            "lastTransitionTime": "2025-11-20T10:00:00Z",
            "reason": "ContainersNotReady",
            "status": "False",
            "type": "Ready"
          }
        ],
        "containerStatuses": [
          {
            "image": "envoyproxy/envoy:v1.32.O",
            "imageID": "",
            "name": "gateway",
            "ready": false,
            "restartCount": 0,
            "started": false,
            "state": {
              "waiting": {
                "message": "Back-off pulling image \"envoyproxy/envoy:v1.32.O\"",
                "reason": "ImagePullBackOff"
              }
            }
          }
        ],
        "hostIP": "10.0.0.11",
        "phase": "Pending",
        "podIP": "10.244.0.77",
        "startTime": "2025-11-20T10:00:00Z"
      }
    }
  ],
  "kind": "List",
  "metadata": {
    "resourceVersion": ""
  }
};
const PODS_JSON = [
  "{\n",
  "    \"apiVersion\": \"v1\",\n",
  "    \"items\": [\n",
  "        {\n",
  "            \"apiVersion\": \"v1\",\n",
  "            \"kind\": \"Pod\",\n",
  "            \"metadata\": {\n",
  "                \"creationTimestamp\": \"2025-11-20T10:00:00Z\",\n",
  "                \"labels\": {\n",
  "                    \"app\": \"bigquery-runner\"\n",
  "                },\n",
  "                \"name\": \"bigquery-runner\",\n",
  "                \"namespace\": \"default\"\n",
  "            },\n",
  "            \"spec\": {\n",
  "                \"containers\": [\n",
  "                    {\n",
  "                        \"image\": \"ghcr.io/acme/bq-runner:1.0\",\n",
  "                        \"name\": \"runner\",\n",
  "                        \"resources\": {\n",
  "                            \"requests\": {\n",
  "                                \"cpu\": \"6\",\n",
  "                                \"memory\": \"32Gi\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ]\n",
  "            },\n",
  "            \"status\": {\n",
  "                \"conditions\": [\n",
  "                    {\n",
  "                        \"lastTransitionTime\": \"2025-11-20T10:00:00Z\",\n",
  "                        \"message\": \"0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.\",\n",
  "                        \"reason\": \"Unschedulable\",\n",
  "                        \"status\": \"False\",\n",
  "                        \"type\": \"PodScheduled\"\n",
  "                    }\n",
  "                ],\n",
  "                \"phase\": \"Pending\",\n",
  "                \"qosClass\": \"Burstable\"\n",
  "            }\n",
  "        },\n",
  "        {\n",
  "            \"apiVersion\": \"v1\",\n",
  "            \"kind\": \"Pod\",\n",
  "            \"metadata\": {\n",
  "                \"annotations\": {\n",
  "                    \"kubectl.kubernetes.io/default-container\": \"app\"\n",
  "                },\n",
  "                \"creationTimestamp\": \"2025-11-20T10:00:00Z\",\n",
  "                \"labels\": {\n",
  "                    \"app\": \"checkout\",\n",
  "                    \"pod-template-hash\": \"6f8b9c7d5\"\n",
  "                },\n",
  "                \"name\": \"checkout-6f8b9c7d5-p4x7w\",\n",
  "                \"namespace\": \"shop\",\n",
  "                \"ownerReferences\": [\n",
  "                    {\n",
  "                        \"apiVersion\": \"apps/v1\",\n",
  "                        \"controller\": true,\n",
  "                        \"kind\": \"ReplicaSet\",\n",
  "                        \"name\": \"checkout-6f8b9c7d5\",\n",
  "                        \"uid\": \"0a1b2c3d-0000-4000-8000-000000000004\"\n",
  "                    }\n",
  "                ]\n",
  "            },\n",
  "            \"spec\": {\n",
  "                \"containers\": [\n",
  "                    {\n",
  "                        \"image\": \"istio/proxyv2:1.24.2\",\n",
  "                        \"name\": \"istio-proxy\",\n",
  "                        \"resources\": {\n",
  "                            \"limits\": {\n",
  "                                \"cpu\": \"2\",\n",
  "                                \"memory\": \"1Gi\"\n",
  "                            },\n",
  "                            \"requests\": {\n",
  "                                \"cpu\": \"100m\",\n",
  "                                \"memory\": \"128Mi\"\n",
  "                            }\n",
  "                        }\n",
  "                    },\n",
  "                    {\n",
  "                        \"image\": \"shop/checkout:2.4.1\",\n",
  "                        \"name\": \"app\",\n",
  "                        \"resources\": {\n",
  "                            \"limits\": {\n",
  "                                \"cpu\": \"1\",\n",
  "                                \"memory\": \"512Mi\"\n",
  "                            },\n",
  "                            \"requests\": {\n",
  "                                \"cpu\": \"250m\",\n",
  "                                \"memory\": \"256Mi\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ],\n",
  "                \"initContainers\": [\n",
  "                    {\n",
  "                        \"image\": \"shop/checkout-migrate:2.4.1\",\n",
  "                        \"name\": \"migrate\"\n",
  "                    }\n",
  "                ],\n",
  "                \"nodeName\": \"node-b\"\n",
  "            },\n",
  "            \"status\": {\n",
  "                \"conditions\": [\n",
  "                    {\n",
  "                        \"lastTransitionTime\": \"2025-11-20T10:00:00Z\",\n",
  "                        \"status\": \"True\",\n",
  "                        \"type\": \"Initialized\"\n",
  "                    },\n",
  "                    {\n",
  "                        \"lastTransitionTime\": \"2025-11-20T10:00:00Z\",\n",
  "                        \"message\": \"containers with unready status: [app]\",\n",
  "                        \"reason\": \"ContainersNotReady\",\n",
  "                        \"status\": \"False\",\n",
  "                        \"type\": \"Ready\"\n",
  "                    }\n",
  "                ],\n",
  "                \"containerStatuses\": [\n",
  "                    {\n",
  "                        \"containerID\": \"containerd://c1\",\n",
  "                        \"image\": \"istio/proxyv2:1.24.2\",\n",
  "                        \"imageID\": \"\",\n",
  "                        \"name\": \"istio-proxy\",\n",
  "                        \"ready\": true,\n",
  "                        \"restartCount\": 0,\n",
  "                        \"started\": true,\n",
  "                        \"state\": {\n",
  "                            \"running\": {\n",
  "                                \"startedAt\": \"2025-11-20T10:00:00Z\"\n",
  "                            }\n",
  "                        }\n",
  "                    },\n",
  "                    {\n",
  "                        \"containerID\": \"containerd://c2\",\n",
  "                        \"image\": \"shop/checkout:2.4.1\",\n",
  "                        \"imageID\": \"\",\n",
  "                        \"lastState\": {\n",
  "                            \"terminated\": {\n",
  "                                \"exitCode\": 137,\n",
  "                                \"finishedAt\": \"2025-11-20T10:00:00Z\",\n",
  "                                \"reason\": \"OOMKilled\",\n",
  "                                \"startedAt\": \"2025-11-20T10:00:00Z\"\n",
  "                            }\n",
  "                        },\n",
  "                        \"name\": \"app\",\n",
  "                        \"ready\": false,\n",
  "                        \"restartCount\": 4,\n",
  "                        \"started\": false,\n",
  "                        \"state\": {\n",
  "                            \"waiting\": {\n",
  "                                \"message\": \"back-off 2m40s restarting failed container=app pod=checkout-6f8b9c7d5-p4x7w_shop(4d2c)\",\n",
  "                                \"reason\": \"CrashLoopBackOff\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ],\n",
  "                \"hostIP\": \"10.0.0.12\",\n",
  "                \"initContainerStatuses\": [\n",
  "                    {\n",
  "                        \"containerID\": \"containerd://c0\",\n",
  "                        \"image\": \"shop/checkout-migrate:2.4.1\",\n",
  "                        \"imageID\": \"\",\n",
  "                        \"name\": \"migrate\",\n",
  "                        \"ready\": true,\n",
  "                        \"restartCount\": 0,\n",
  "                        \"state\": {\n",
  "                            \"terminated\": {\n",
  "                                \"exitCode\": 0,\n",
  "                                \"finishedAt\": \"2025-11-20T10:00:00Z\",\n",
  "                                \"reason\": \"Completed\",\n",
  "                                \"startedAt\": \"2025-11-20T10:00:00Z\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ],\n",
  "                \"phase\": \"Running\",\n",
  "                \"podIP\": \"10.244.1.30\",\n",
  "                \"qosClass\": \"Burstable\",\n",
  "                \"startTime\": \"2025-11-20T10:00:00Z\"\n",
  "            }\n",
  "        },\n",
  "        {\n",
  "            \"apiVersion\": \"v1\",\n",
  "            \"kind\": \"Pod\",\n",
  "            \"metadata\": {\n",
  "                \"creationTimestamp\": \"2025-11-20T10:00:00Z\",\n",
  "                \"labels\": {\n",
  "                    \"app\": \"api-gateway\"\n",
  "                },\n",
  "                \"name\": \"api-gateway-typo\",\n",
  "                \"namespace\": \"default\"\n",
  "            },\n",
  "            \"spec\": {\n",
  "                \"containers\": [\n",
  "                    {\n",
  "                        \"image\": \"envoyproxy/envoy:v1.32.O\",\n",
  "                        \"name\": \"gateway\"\n",
  "                    }\n",
  "                ],\n",
  "                \"nodeName\": \"node-a\"\n",
  "            },\n",
  "            \"status\": {\n",
  "                \"conditions\": [\n",
  "                    {\n",
  "                        \"lastTransitionTime\": \"2025-11-20T10:00:00Z\",\n",
  "                        \"reason\": \"ContainersNotReady\",\n",
  "                        \"status\": \"False\",\n",
  "                        \"type\": \"Ready\"\n",
  "                    }\n",
  "                ],\n",
  "                \"containerStatuses\": [\n",
  "                    {\n",
  "                        \"image\": \"envoyproxy/envoy:v1.32.O\",\n",
  "                        \"imageID\": \"\",\n",
  "                        \"name\": \"gateway\",\n",
  "                        \"ready\": false,\n",
  "                        \"restartCount\": 0,\n",
  "                        \"started\": false,\n",
  "                        \"state\": {\n",
  "                            \"waiting\": {\n",
  "                                \"message\": \"Back-off pulling image \\\"envoyproxy/envoy:v1.32.O\\\"\",\n",
  "                                \"reason\": \"ImagePullBackOff\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ],\n",
  "                \"hostIP\": \"10.0.0.11\",\n",
  "                \"phase\": \"Pending\",\n",
  "                \"podIP\": \"10.244.0.77\",\n",
  "                \"startTime\": \"2025-11-20T10:00:00Z\"\n",
  "            }\n",
  "        }\n",
  "    ],\n",
  "    \"kind\": \"List\",\n",
  "    \"metadata\": {\n",
  "        \"resourceVersion\": \"\"\n",
  "    }\n",
  "}\n",
].join('');
const PODS_YAML = [
  "apiVersion: v1\n",
  "items:\n",
  "- apiVersion: v1\n",
  "  kind: Pod\n",
  "  metadata:\n",
  "    creationTimestamp: \"2025-11-20T10:00:00Z\"\n",
  "    labels:\n",
  "      app: bigquery-runner\n",
  "    name: bigquery-runner\n",
  "    namespace: default\n",
  "  spec:\n",
  "    containers:\n",
  "    - image: ghcr.io/acme/bq-runner:1.0\n",
  "      name: runner\n",
  "      resources:\n",
  "        requests:\n",
  "          cpu: \"6\"\n",
  "          memory: 32Gi\n",
  "  status:\n",
  "    conditions:\n",
  "    - lastTransitionTime: \"2025-11-20T10:00:00Z\"\n",
  "      message: '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable:\n",
  "        }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption\n",
  "        is not helpful for scheduling, 2 No preemption victims found for incoming\n",
  "        pod.'\n",
  "      reason: Unschedulable\n",
  "      status: \"False\"\n",
  "      type: PodScheduled\n",
  "    phase: Pending\n",
  "    qosClass: Burstable\n",
  "- apiVersion: v1\n",
  "  kind: Pod\n",
  "  metadata:\n",
  "    annotations:\n",
  "      kubectl.kubernetes.io/default-container: app\n",
  "    creationTimestamp: \"2025-11-20T10:00:00Z\"\n",
  "    labels:\n",
  "      app: checkout\n",
  "      pod-template-hash: 6f8b9c7d5\n",
  "    name: checkout-6f8b9c7d5-p4x7w\n",
  "    namespace: shop\n",
  "    ownerReferences:\n",
  "    - apiVersion: apps/v1\n",
  "      controller: true\n",
  "      kind: ReplicaSet\n",
  "      name: checkout-6f8b9c7d5\n",
  "      uid: 0a1b2c3d-0000-4000-8000-000000000004\n",
  "  spec:\n",
  "    containers:\n",
  "    - image: istio/proxyv2:1.24.2\n",
  "      name: istio-proxy\n",
  "      resources:\n",
  "        limits:\n",
  "          cpu: \"2\"\n",
  "          memory: 1Gi\n",
  "        requests:\n",
  "          cpu: 100m\n",
  "          memory: 128Mi\n",
  "    - image: shop/checkout:2.4.1\n",
  "      name: app\n",
  "      resources:\n",
  "        limits:\n",
  "          cpu: \"1\"\n",
  "          memory: 512Mi\n",
  "        requests:\n",
  "          cpu: 250m\n",
  "          memory: 256Mi\n",
  "    initContainers:\n",
  "    - image: shop/checkout-migrate:2.4.1\n",
  "      name: migrate\n",
  "    nodeName: node-b\n",
  "  status:\n",
  "    conditions:\n",
  "    - lastTransitionTime: \"2025-11-20T10:00:00Z\"\n",
  "      status: \"True\"\n",
  "      type: Initialized\n",
  "    - lastTransitionTime: \"2025-11-20T10:00:00Z\"\n",
  "      message: 'containers with unready status: [app]'\n",
  "      reason: ContainersNotReady\n",
  "      status: \"False\"\n",
  "      type: Ready\n",
  "    containerStatuses:\n",
  "    - containerID: containerd://c1\n",
  "      image: istio/proxyv2:1.24.2\n",
  "      imageID: \"\"\n",
  "      name: istio-proxy\n",
  "      ready: true\n",
  "      restartCount: 0\n",
  "      started: true\n",
  "      state:\n",
  "        running:\n",
  "          startedAt: \"2025-11-20T10:00:00Z\"\n",
  "    - containerID: containerd://c2\n",
  "      image: shop/checkout:2.4.1\n",
  "      imageID: \"\"\n",
  "      lastState:\n",
  "        terminated:\n",
  "          exitCode: 137\n",
  "          finishedAt: \"2025-11-20T10:00:00Z\"\n",
  "          reason: OOMKilled\n",
  "          startedAt: \"2025-11-20T10:00:00Z\"\n",
  "      name: app\n",
  "      ready: false\n",
  "      restartCount: 4\n",
  "      started: false\n",
  "      state:\n",
  "        waiting:\n",
  "          message: back-off 2m40s restarting failed container=app pod=checkout-6f8b9c7d5-p4x7w_shop(4d2c)\n",
  "          reason: CrashLoopBackOff\n",
  "    hostIP: 10.0.0.12\n",
  "    initContainerStatuses:\n",
  "    - containerID: containerd://c0\n",
  "      image: shop/checkout-migrate:2.4.1\n",
  "      imageID: \"\"\n",
  "      name: migrate\n",
  "      ready: true\n",
  "      restartCount: 0\n",
  "      state:\n",
  "        terminated:\n",
  "          exitCode: 0\n",
  "          finishedAt: \"2025-11-20T10:00:00Z\"\n",
  "          reason: Completed\n",
  "          startedAt: \"2025-11-20T10:00:00Z\"\n",
  "    phase: Running\n",
  "    podIP: 10.244.1.30\n",
  "    qosClass: Burstable\n",
  "    startTime: \"2025-11-20T10:00:00Z\"\n",
  "- apiVersion: v1\n",
  "  kind: Pod\n",
  "  metadata:\n",
  "    creationTimestamp: \"2025-11-20T10:00:00Z\"\n",
  "    labels:\n",
  "      app: api-gateway\n",
  "    name: api-gateway-typo\n",
  "    namespace: default\n",
  "  spec:\n",
  "    containers:\n",
  "    - image: envoyproxy/envoy:v1.32.O\n",
  "      name: gateway\n",
  "    nodeName: node-a\n",
  "  status:\n",
  "    conditions:\n",
  "    - lastTransitionTime: \"2025-11-20T10:00:00Z\"\n",
  "      reason: ContainersNotReady\n",
  "      status: \"False\"\n",
  "      type: Ready\n",
  "    containerStatuses:\n",
  "    - image: envoyproxy/envoy:v1.32.O\n",
  "      imageID: \"\"\n",
  "      name: gateway\n",
  "      ready: false\n",
  "      restartCount: 0\n",
  "      started: false\n",
  "      state:\n",
  "        waiting:\n",
  "          message: Back-off pulling image \"envoyproxy/envoy:v1.32.O\"\n",
  "          reason: ImagePullBackOff\n",
  "    hostIP: 10.0.0.11\n",
  "    phase: Pending\n",
  "    podIP: 10.244.0.77\n",
  "    startTime: \"2025-11-20T10:00:00Z\"\n",
  "kind: List\n",
  "metadata:\n",
  "  resourceVersion: \"\"\n",
].join('');
const PODS_NAME = "pod/bigquery-runner\npod/checkout-6f8b9c7d5-p4x7w\npod/api-gateway-typo\n";
const PODS_JSONPATH: [string, boolean, string][] = [
  ["{range .items[*]}{.metadata.namespace}/{.metadata.name}{\"\\t\"}{.status.containerStatuses[*].restartCount}{\"\\t\"}{.status.containerStatuses[*].state.waiting.reason}{\"\\n\"}{end}", false, "default/bigquery-runner\t\t\nshop/checkout-6f8b9c7d5-p4x7w\t0 4\tCrashLoopBackOff\ndefault/api-gateway-typo\t0\tImagePullBackOff\n"],
  ["{.items[?(@.status.phase==\"Pending\")].status.conditions[?(@.type==\"PodScheduled\")].message}", false, "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."],
  ["{.items[*].spec.containers[*].resources.requests}", true, "[\n    {\n        \"cpu\": \"6\",\n        \"memory\": \"32Gi\"\n    },\n    {\n        \"cpu\": \"100m\",\n        \"memory\": \"128Mi\"\n    },\n    {\n        \"cpu\": \"250m\",\n        \"memory\": \"256Mi\"\n    }\n]\n"],
];

// [string, the `zz:` line(s) kubectl prints, or its error]: U+0085 is folded by go-yaml's reader; other C1 controls
// and U+FFFE fail the whole print.
const READ_BACK: [string, string][] = [
  ["x\u007fy", "yaml: control characters are not allowed"],
  ["x\u0080y", "yaml: control characters are not allowed"],
  ["x\ufffey", "yaml: control characters are not allowed"],
  ["a \u0085  b", "zz: a b\n"],
  ["a\u0085\u0085b", "zz: |-\n  a\n  b\n"],
  ["a \u0085 \u0085 b", "zz: |-\n  a\n  b\n"],
  ["end\n\n", "zz: |+\n  end\n\n"],
];

// [apiVersion, kind, name, line] of `kubectl.1.32 label --local -f list.json zz- -o name`.
const NAMES: [string, string, string, string][] = [
  ["v1", "Namespace", "default", "namespace/default"],
  ["v1", "Node", "node-a", "node/node-a"],
  ["apps/v1", "Deployment", "web", "deployment.apps/web"],
  ["apps/v1", "ReplicaSet", "web-7d9c6b5f4", "replicaset.apps/web-7d9c6b5f4"],
  ["v1", "Pod", "web-7d9c6b5f4-kx2vq", "pod/web-7d9c6b5f4-kx2vq"],
  ["apps/v1", "StatefulSet", "payments", "statefulset.apps/payments"],
  ["v1", "Service", "web", "service/web"],
  ["batch/v1", "Job", "nightly-report", "job.batch/nightly-report"],
  ["apps/v1", "DaemonSet", "kube-proxy", "daemonset.apps/kube-proxy"],
  ["metrics.k8s.io/v1beta1", "NodeMetrics", "node-a", "nodemetrics.metrics.k8s.io/node-a"],
  ["metrics.k8s.io/v1beta1", "PodMetrics", "web-7d9c6b5f4-kx2vq", "podmetrics.metrics.k8s.io/web-7d9c6b5f4-kx2vq"],
  ["v1", "Event", "web.181a0c0a1f2e3d4c", "event/web.181a0c0a1f2e3d4c"],
  ["events.k8s.io/v1", "Event", "x.17a", "event.events.k8s.io/x.17a"],
  ["v1", "Endpoints", "ep", "endpoints/ep"],
];

// `kubectl.1.32 label --local -f mf.json zz- -o yaml|json [--show-managed-fields]` (label added `labels: {}`).
const MF = {
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": {
    "labels": {},
    "managedFields": [
      {
        "manager": "m"
      }
    ],
    "name": "mf"
  }
};
const MF_YAML = [
  "apiVersion: apps/v1\n",
  "kind: Deployment\n",
  "metadata:\n",
  "  labels: {}\n",
  "  name: mf\n",
].join('');
const MF_YAML_SHOWN = [
  "apiVersion: apps/v1\n",
  "kind: Deployment\n",
  "metadata:\n",
  "  labels: {}\n",
  "  managedFields:\n",
  "  - manager: m\n",
  "  name: mf\n",
].join('');
const MF_JSON = [
  "{\n",
  "    \"apiVersion\": \"apps/v1\",\n",
  "    \"kind\": \"Deployment\",\n",
  "    \"metadata\": {\n",
  "        \"labels\": {},\n",
  "        \"name\": \"mf\"\n",
  "    }\n",
  "}\n",
].join('');

describe('printJSON', () => {
  it.each([
    ['escapes, sorted keys, nesting', T1, T1_JSON],
    ['numbers', NUMS, NUMS_JSON],
    ['a List of pods', PODS, PODS_JSON],
  ])('%s', (_name, obj, want) => {
    expect(printJSON(obj)).toBe(want);
  });
});

describe('printYAML', () => {
  it.each(SCALARS)('%s: %j', (key, value, want) => {
    expect(printYAML({ data: { [key]: value } })).toBe(`data:\n${want}`);
  });

  it.each([
    ['key order and key styles', { keys: KEYS }, KEYS_YAML],
    ['nested collections', { nested: NESTED }, NESTED_YAML],
    ['escapes, sorted keys, nesting', T1, T1_YAML],
    ['numbers', NUMS, NUMS_YAML],
    ['a List of pods, folding a long message', PODS, PODS_YAML],
  ])('%s', (_name, obj, want) => {
    expect(printYAML(obj)).toBe(want);
  });

  it.each(READ_BACK)('%j as go-yaml reads it back', (value, want) => {
    if (want.startsWith('zz:')) expect(printYAML({ zz: value })).toBe(want);
    else expect(() => printYAML({ zz: value })).toThrow(want);
  });
});

describe('printName', () => {
  it.each(NAMES)('%s %s', (apiVersion, kind, name, line) => {
    expect(printName({ apiVersion, kind, metadata: { name } })).toBe(`${line}\n`);
  });

  it('prints one line per item of a list', () => {
    expect(printName(PODS)).toBe(PODS_NAME);
    const items = NAMES.map(([apiVersion, kind, name]) => ({ apiVersion, kind, metadata: { name } }));
    expect(printName({ apiVersion: 'v1', kind: 'List', items })).toBe(NAMES.map((r) => `${r[3]}\n`).join(''));
  });

  // Not reachable through kubectl's own commands; wording from cli-runtime's NamePrinter.
  it('names what it cannot name', () => {
    expect(printName({ apiVersion: 'v1', kind: 'Pod', metadata: {} })).toBe('pod/<unknown>\n');
    expect(() => printName({ metadata: { name: 'x' } })).toThrow(
      'missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type',
    );
  });
});

// kubectl's allowed formats; the order does not matter (they are printed sorted).
const LABEL_ALLOWED = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile'].concat([
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
]);
const GET_ALLOWED = [...LABEL_ALLOWED, 'wide', 'custom-columns', 'custom-columns-file'];
const LABEL_LIST = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

describe('parseOutputFormat', () => {
  it.each<[string, string[], OutputFormat]>([
    ['json', LABEL_ALLOWED, { kind: 'json' }],
    ['JSON', LABEL_ALLOWED, { kind: 'json' }],
    ['Yaml', LABEL_ALLOWED, { kind: 'yaml' }],
    ['NAME', LABEL_ALLOWED, { kind: 'name' }],
    ['jsonpath={.kind}', LABEL_ALLOWED, { kind: 'jsonpath', template: '{.kind}', asJSON: false }],
    ['jsonpath-as-json={.a}', LABEL_ALLOWED, { kind: 'jsonpath', template: '{.a}', asJSON: true }],
  ])('%s', (value, allowed, want) => {
    expect(parseOutputFormat(value, allowed)).toEqual(want);
  });

  it.each<[string, string[], string | undefined, string]>([
    [
      'wide2',
      GET_ALLOWED,
      undefined,
      'unable to match a printer suitable for the output format "wide2", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    ],
    ['wide', LABEL_ALLOWED, undefined, `unable to match a printer suitable for the output format "wide", allowed formats are: ${LABEL_LIST}`],
    [
      'JSONPATH={.kind}',
      LABEL_ALLOWED,
      undefined,
      `unable to match a printer suitable for the output format "JSONPATH={.kind}", allowed formats are: ${LABEL_LIST}`,
    ],
    [
      'jsonpath={.kind}',
      LABEL_ALLOWED,
      '{.kind}',
      `unable to match a printer suitable for the output format "jsonpath={.kind}", allowed formats are: ${LABEL_LIST}`,
    ],
    ['jsonpath', LABEL_ALLOWED, undefined, 'template format specified but no template given'],
    ['jsonpath-as-json=', LABEL_ALLOWED, undefined, 'template format specified but no template given'],
    ['jsonpath-file', LABEL_ALLOWED, undefined, 'template format specified but no template given'],
    ['jsonpath={.a[', LABEL_ALLOWED, undefined, 'error parsing jsonpath {.a[, unterminated array'],
  ])('%s (--template %s) fails as kubectl does', (value, allowed, template, message) => {
    const run = (): OutputFormat => parseOutputFormat(value, allowed, template === undefined ? {} : { template });
    expect(run).toThrow(KtError);
    expect(run).toThrow(message);
  });

  it('takes a bare jsonpath’s template from --template, and reads jsonpath-file', () => {
    expect(parseOutputFormat('jsonpath', LABEL_ALLOWED, { template: '{.kind}' })).toEqual({
      kind: 'jsonpath',
      template: '{.kind}',
      asJSON: false,
    });
    const readFile = (path: string): string => (path === 't.txt' ? '{.metadata.name}' : '');
    expect(parseOutputFormat('jsonpath-file=t.txt', LABEL_ALLOWED, { readFile })).toEqual({
      kind: 'jsonpath',
      template: '{.metadata.name}',
      asJSON: false,
    });
  });

  it('refuses Go templates, which kt does not render', () => {
    expect(() => parseOutputFormat('go-template={{.kind}}', LABEL_ALLOWED)).toThrow('not supported by kt');
  });
});

describe('printObject', () => {
  it('drops managedFields from -o json/yaml unless asked', () => {
    expect(printObject(MF, { kind: 'yaml' })).toBe(MF_YAML);
    expect(printObject(MF, { kind: 'yaml' }, { showManagedFields: true })).toBe(MF_YAML_SHOWN);
    expect(printObject(MF, { kind: 'json' })).toBe(MF_JSON);
    expect(MF.metadata.managedFields).toHaveLength(1);
  });

  it('keeps managedFields for jsonpath', () => {
    expect(printObject(MF, parseOutputFormat('jsonpath={.metadata.managedFields}', LABEL_ALLOWED))).toBe(
      '[{"manager":"m"}]',
    );
  });

  it.each(PODS_JSONPATH)('jsonpath %s', (template, asJSON, want) => {
    const format = parseOutputFormat(`${asJSON ? 'jsonpath-as-json' : 'jsonpath'}=${template}`, GET_ALLOWED);
    expect(printObject(PODS, format)).toBe(want);
  });

  it('prints a list through the name printer', () => {
    expect(printObject(PODS, { kind: 'name' })).toBe(PODS_NAME);
  });
});
