// The few client-node names kt uses, re-exported from one module so the bundler can tree-shake the rest and
// load it lazily (importing the package root directly would pull in every generated API).
export { KubeConfig } from '@kubernetes/client-node';
