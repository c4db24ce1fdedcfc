// Go's net/url: whether url.Parse accepts a string (kubeconfig proxy-url), and url.QueryEscape (request queries).

/** True where Go's url.Parse(s) returns an error: control bytes, a bad escape, a bad port, a colon in the path. */
export function goUrlParseFails(s: string): boolean {
  if (/[\x00-\x1f\x7f]/.test(s)) return true;
  if (s.startsWith(':')) return true; // missing protocol scheme
  const noFrag = s.replace(/#.*$/, '');
  if (/%(?![0-9a-fA-F]{2})/.test(noFrag)) return true; // invalid URL escape
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?]*)/.exec(noFrag);
  if (m) return hostPortFails((m[1] ?? '').replace(/^.*@/, ''));
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(noFrag)) {
    const firstSegment = noFrag.split(/[/?]/)[0] ?? '';
    if (firstSegment.includes(':')) return true; // first path segment in URL cannot contain colon
  }
  return false;
}

function hostPortFails(hostPort: string): boolean {
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return true;
    const rest = hostPort.slice(close + 1);
    return rest !== '' && !/^:\d*$/.test(rest);
  }
  const colon = hostPort.lastIndexOf(':');
  return colon >= 0 && !/^\d*$/.test(hostPort.slice(colon + 1));
}

/** url.QueryEscape: what encodeURIComponent leaves alone except `!'()*`, and a space as `+`. */
export function goQueryEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}
