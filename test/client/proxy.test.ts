// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as Go's http.ProxyFromEnvironment reads them (kubectl honours them;
// client-node does not, so kt passes the answer on as the cluster's proxy-url).
import { describe, expect, it } from 'vitest';
import { proxyFromEnvironment } from '../../src/client/proxy.js';
import { resolveConfig } from '../../src/client/kubeconfig/index.js';
import { Transport } from '../../src/client/transport.js';

const cases: [string, Record<string, string>, string | undefined][] = [
  ['https://kube.example.com:6443', { HTTPS_PROXY: 'http://proxy:3128' }, 'http://proxy:3128'],
  ['https://kube.example.com:6443', { https_proxy: 'proxy:3128' }, 'http://proxy:3128'],
  ['https://kube.example.com:6443', { HTTP_PROXY: 'http://proxy:3128' }, undefined],
  ['http://kube.example.com:8080', { HTTP_PROXY: 'http://proxy:3128' }, 'http://proxy:3128'],
  ['https://127.0.0.1:6443', { HTTPS_PROXY: 'http://proxy:3128' }, undefined],
  ['https://localhost:6443', { HTTPS_PROXY: 'http://proxy:3128' }, undefined],
  ['https://[::1]:6443', { HTTPS_PROXY: 'http://proxy:3128' }, undefined],
  ['https://kube.example.com:6443', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'example.com' }, undefined],
  ['https://example.com:6443', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'example.com' }, undefined],
  ['https://example.com:6443', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.example.com' }, 'http://proxy:3128'],
  ['https://kube.example.com:6443', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '*.example.com' }, undefined],
  ['https://kube.example.com:6443', { HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'other.com, kube.example.com:6443' }, undefined],
  ['https://kube.example.com:6443', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'kube.example.com:443' }, 'http://proxy:3128'],
  ['https://10.1.2.3:6443', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '10.0.0.0/8' }, undefined],
  ['https://11.1.2.3:6443', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '10.0.0.0/8' }, 'http://proxy:3128'],
  ['https://kube.example.com:6443', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '*' }, undefined],
  ['https://kube.example.com:6443', {}, undefined],
];

describe('proxy from the environment', () => {
  it.each(cases)('%s with %j → %s', (server, env, want) => {
    expect(proxyFromEnvironment(new URL(server), env)).toBe(want);
  });

  it('becomes the cluster proxy-url unless the kubeconfig names one', () => {
    const opts = { requestTimeoutMs: 0, verbosity: 0, log: () => {}, env: { HTTPS_PROXY: 'http://proxy:3128' } };
    expect(new Transport(resolveConfig({ server: 'https://kube.example.com:6443' }, {}), opts).config.cluster.proxyUrl).toBe('http://proxy:3128');
    const named = resolveConfig({ server: 'https://kube.example.com:6443' }, {});
    named.cluster.proxyUrl = 'socks5://jump:1080';
    expect(new Transport(named, opts).config.cluster.proxyUrl).toBe('socks5://jump:1080');
    expect(new Transport(resolveConfig({ server: 'https://127.0.0.1:6443' }, {}), opts).config.cluster.proxyUrl).toBeUndefined();
  });
});
