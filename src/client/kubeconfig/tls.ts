// TLS material as crypto/x509 and crypto/tls judge it, with their error texts: the CA pool (AppendCertsFromPEM and
// client-go's explanation when nothing usable is found) and a client key pair (tls.X509KeyPair).
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { goBase64Decode } from '../../go/base64.js';

interface PemBlock {
  type: string;
  der: Buffer;
}

/** encoding/pem.Decode: the next block (junk before it skipped) and what follows it, or undefined. */
function pemDecode(text: string): { block: PemBlock; rest: string } | undefined {
  const re = /(?:^|\n)-----BEGIN ([^\n]*?)-----[ \t]*\r?\n([\s\S]*?)(?:^|\n)-----END \1-----[ \t]*(?:\r?\n|$)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const decoded = goBase64Decode((m[2] ?? '').replace(/[ \t]/g, ''));
    if ('error' in decoded) {
      re.lastIndex = m.index + 1;
      continue;
    }
    return { block: { type: m[1] ?? '', der: Buffer.from(decoded.bytes) }, rest: text.slice(m.index + m[0].length) };
  }
  return undefined;
}

function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (let next = pemDecode(text); next; next = pemDecode(next.rest)) out.push(next.block);
  return out;
}

function parsesAsCertificate(der: Buffer): boolean {
  try {
    new X509Certificate(der);
    return true;
  } catch {
    return false;
  }
}

/** transport's rootCertPool: AppendCertsFromPEM, and client-go's explanation when it finds nothing usable. */
export function caPoolError(data: Buffer): string | undefined {
  const text = data.toString('latin1');
  if (pemBlocks(text).some((b) => b.type === 'CERTIFICATE' && parsesAsCertificate(b.der))) return undefined;
  let rest = text;
  while (rest.length > 0) {
    const next = pemDecode(rest);
    if (!next) return 'unable to parse bytes as PEM block';
    rest = next.rest;
    if (next.block.type === 'CERTIFICATE' && !parsesAsCertificate(next.block.der)) return 'failed to parse certificate: x509: malformed certificate';
  }
  return 'no valid certificate authority data seen';
}

/** tls.X509KeyPair's checks and wording. */
export function keyPairError(certPem: Buffer, keyPem: Buffer): string | undefined {
  const certBlocks = pemBlocks(certPem.toString('latin1'));
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (skipped.length === 1 && (skipped[0] ?? '').endsWith('PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`;
  }
  const skipped: string[] = [];
  let key: PemBlock | undefined;
  for (const b of pemBlocks(keyPem.toString('latin1'))) {
    if (b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')) {
      key = b;
      break;
    }
    skipped.push(b.type);
  }
  if (!key) {
    if (skipped.length === 0) return 'tls: failed to find any PEM data in key input';
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key';
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`;
  }
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certs[0]?.der ?? Buffer.alloc(0));
  } catch {
    return 'x509: malformed certificate';
  }
  let publicDer: Buffer;
  try {
    const pem = `-----BEGIN ${key.type}-----\n${key.der.toString('base64')}\n-----END ${key.type}-----\n`;
    publicDer = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
  } catch {
    return 'tls: failed to parse private key';
  }
  if (!leaf.publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer)) return 'tls: private key does not match public key';
  return undefined;
}
