// kubectl debug's profiles (kubectl pkg/cmd/debug/profiles.go, 1.32): what each one changes in the debug pod,
// per debugging style. Each applier is a few small named mutators over a pod that the builder owns.
import type { Container, Pod } from '../../k8s/types.js';

export const PROFILE_NAMES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'] as const;
export type Profile = (typeof PROFILE_NAMES)[number];

/** ephemeral: a container added to a running pod; copy: a new pod copied from one; node: a pod on a node. */
export type DebugStyle = 'ephemeral' | 'copy' | 'node';

/** What a pod copy keeps (the --keep-* flags). */
export interface KeepFlags {
  labels: boolean;
  annotations: boolean;
  liveness: boolean;
  readiness: boolean;
  startup: boolean;
  initContainers: boolean;
}

/** Mutates `pod` (the builder's own copy) for the debug container `container`. */
export type ProfileApplier = (pod: Pod, container: string, style: DebugStyle, keep: KeepFlags) => void;

export function isProfile(name: string): name is Profile {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

type SecurityContext = Record<string, unknown> & { capabilities?: { add?: string[]; drop?: string[] } };

/**
 * The first container named `name`, visiting init containers, then containers, then ephemeral containers
 * (kubectl's podutils.VisitContainers); `regularOnly` visits only spec.containers.
 */
function findContainer(pod: Pod, name: string, regularOnly = false): Container | undefined {
  const spec = pod.spec ?? {};
  const lists = regularOnly ? [spec.containers] : [spec.initContainers, spec.containers, spec.ephemeralContainers];
  for (const list of lists) {
    const c = (list ?? []).find((x) => x.name === name);
    if (c) return c;
  }
  return undefined;
}

function withSecurityContext(pod: Pod, name: string, fn: (sc: SecurityContext) => void): void {
  const c = findContainer(pod, name);
  if (!c) return;
  const sc = (c['securityContext'] ??= {}) as SecurityContext;
  fn(sc);
}

function mountRootPartition(pod: Pod, name: string): void {
  const spec = (pod.spec ??= {});
  spec['volumes'] = [...((spec['volumes'] as unknown[] | undefined) ?? []), { name: 'host-root', hostPath: { path: '/' } }];
  const c = findContainer(pod, name, true);
  if (c) c['volumeMounts'] = [...((c['volumeMounts'] as unknown[] | undefined) ?? []), { mountPath: '/host', name: 'host-root' }];
}

function useHostNamespaces(pod: Pod): void {
  const spec = (pod.spec ??= {});
  spec['hostNetwork'] = true;
  spec['hostPID'] = true;
  spec['hostIPC'] = true;
}

function shareProcessNamespace(pod: Pod): void {
  const spec = (pod.spec ??= {});
  if (spec['shareProcessNamespace'] === undefined || spec['shareProcessNamespace'] === null) spec['shareProcessNamespace'] = true;
}

function clearSecurityContext(pod: Pod, name: string): void {
  const c = findContainer(pod, name);
  if (c) delete c['securityContext'];
}

function addCapability(pod: Pod, name: string, ...caps: string[]): void {
  withSecurityContext(pod, name, (sc) => {
    const capabilities = (sc.capabilities ??= {});
    capabilities.add = [...(capabilities.add ?? []), ...caps];
  });
}

function setPrivileged(pod: Pod, name: string): void {
  withSecurityContext(pod, name, (sc) => {
    sc['privileged'] = true;
  });
}

function restrict(pod: Pod, name: string): void {
  clearSecurityContext(pod, name);
  withSecurityContext(pod, name, (sc) => {
    sc['runAsNonRoot'] = true;
    const capabilities = (sc.capabilities ??= {});
    capabilities.drop = ['ALL'];
    delete capabilities.add;
    sc['allowPrivilegeEscalation'] = false;
    sc['seccompProfile'] = { type: 'RuntimeDefault' };
  });
}

/** The copy-strip every profile but legacy applies to a pod copy. */
function stripCopy(pod: Pod, keep: KeepFlags): void {
  const meta = (pod.metadata ??= {});
  if (!keep.labels) delete meta.labels;
  if (!keep.annotations) delete meta.annotations;
  for (const c of pod.spec?.containers ?? []) {
    if (!keep.liveness) delete c['livenessProbe'];
    if (!keep.readiness) delete c['readinessProbe'];
    if (!keep.startup) delete c['startupProbe'];
  }
  if (!keep.initContainers && pod.spec) delete pod.spec.initContainers;
  shareProcessNamespace(pod);
}

export const PROFILES: Record<Profile, ProfileApplier> = {
  legacy(pod, name, style) {
    if (style === 'node') {
      mountRootPartition(pod, name);
      useHostNamespaces(pod);
    } else if (style === 'copy') {
      delete (pod.metadata ??= {}).labels; // legacy always drops labels, whatever --keep-labels says
    }
  },
  general(pod, name, style, keep) {
    if (style === 'node') {
      mountRootPartition(pod, name);
      clearSecurityContext(pod, name);
      useHostNamespaces(pod);
    } else if (style === 'copy') {
      stripCopy(pod, keep);
      addCapability(pod, name, 'SYS_PTRACE');
    } else {
      addCapability(pod, name, 'SYS_PTRACE');
    }
  },
  baseline(pod, name, style, keep) {
    clearSecurityContext(pod, name);
    if (style === 'copy') stripCopy(pod, keep);
  },
  restricted(pod, name, style, keep) {
    restrict(pod, name);
    if (style === 'copy') stripCopy(pod, keep);
  },
  netadmin(pod, name, style, keep) {
    addCapability(pod, name, 'NET_ADMIN', 'NET_RAW');
    if (style === 'node') useHostNamespaces(pod);
    else if (style === 'copy') stripCopy(pod, keep);
  },
  sysadmin(pod, name, style, keep) {
    setPrivileged(pod, name);
    if (style === 'node') {
      useHostNamespaces(pod);
      mountRootPartition(pod, name);
    } else if (style === 'copy') stripCopy(pod, keep);
  },
};
