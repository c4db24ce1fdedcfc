// The proxy kubectl would use when the kubeconfig names none: Go's http.ProxyFromEnvironment. The transport uses the
// answer as the cluster's proxy-url (proxy-agent.ts makes the connections).

export type ProxyEnv = Record<string, string | undefined>;

function envValue(env: ProxyEnv, name: string): string {
  return env[name.toUpperCase()] ?? env[name.toLowerCase()] ?? '';
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** NO_PROXY entries: `*`, hosts (`example.com` also matches subdomains), `.suffix`, IPs, `host:port`, CIDRs (IPv4). */
function bypassed(host: string, port: string, noProxy: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  for (const raw of noProxy.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (raw === '*') return true;
    const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(raw);
    if (cidr) {
      const toInt = (ip: string): number => ip.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
      if (/^\d+\.\d+\.\d+\.\d+$/.test(h)) {
        const bits = Number(cidr[2]);
        const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
        if ((toInt(h) & mask) === (toInt(cidr[1]!) & mask)) return true;
      }
      continue;
    }
    const [entryHost, entryPort] = raw.includes(':') && !raw.includes('::') ? raw.split(':') : [raw, undefined];
    if (entryPort !== undefined && entryPort !== port) continue;
    // Go: `foo.com` matches foo.com and its subdomains; `.foo.com` and `*.foo.com` only the subdomains.
    const e = entryHost!.startsWith('*.') ? entryHost!.slice(1) : entryHost!;
    if (e.startsWith('.') ? h.endsWith(e) : h === e || h.endsWith(`.${e}`)) return true;
  }
  return false;
}

/**
 * The proxy URL for requests to `server`, from HTTPS_PROXY / HTTP_PROXY and NO_PROXY (either case), or
 * undefined. As in Go, loopback hosts never go through a proxy.
 */
export function proxyFromEnvironment(server: URL, env: ProxyEnv): string | undefined {
  if (isLoopback(server.hostname)) return undefined;
  const proxy = server.protocol === 'https:' ? envValue(env, 'HTTPS_PROXY') : envValue(env, 'HTTP_PROXY');
  if (proxy === '') return undefined;
  const port = server.port || (server.protocol === 'https:' ? '443' : '80');
  if (bypassed(server.hostname, port, envValue(env, 'NO_PROXY'))) return undefined;
  // Go accepts a bare host:port and reads it as http://host:port.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}
