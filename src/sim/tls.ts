// A throwaway certificate authority for `kt sim --tls`: a CA, and a server certificate it signs for loopback
// names, so clients verify TLS for real instead of skipping verification.
import { generate } from 'selfsigned';

export interface SimTls {
  caCert: string;
  key: string;
  cert: string;
}

export async function generateSimTls(host: string): Promise<SimTls> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 7 * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'kt-sim-ca' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const isIp = /^[\d.]+$|:/.test(host);
  const server = await generate([{ name: 'commonName', value: 'kt-sim' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          ...(host !== '127.0.0.1' && host !== 'localhost' && host !== '::1' ? [isIp ? { type: 7 as const, ip: host } : { type: 2 as const, value: host }] : []),
        ],
      },
    ],
  });
  return { caCert: ca.cert, key: server.private, cert: server.cert };
}
