// clientcmd's validation (validation.go, ConfirmUsable): the chosen user and cluster are checked and every problem is
// reported, in kubectl's words and order.
import nodePath from 'node:path';
import { KtError, RawError } from '../../errors.js';
import { goFileErrorText, goNotExistText } from '../../go/os.js';
import { goQuote } from '../../go/quote.js';
import { goUrlParseFails } from '../../go/url.js';
import type { OverriddenConfig } from './overrides.js';
import type { AuthInfo, Cluster, FileReader } from './types.js';

interface ConfigError {
  message: string;
  contextNotFound?: boolean;
}

/** os.Open's error for a file validation must be able to open, or undefined (a directory opens). */
export type OpenCheck = (p: string) => string | undefined;

export function openCheck(fs: FileReader, cwd: string): OpenCheck {
  return (p) => {
    try {
      if (fs.readFile(nodePath.resolve(cwd, p)) === undefined) return goNotExistText(p);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'EISDIR') return undefined; // os.Open succeeds on a directory
      return goFileErrorText(e, p);
    }
    return undefined;
  };
}

/** ConfirmUsable: throws kubectl's error when the chosen context, user or cluster cannot be used. */
export function confirmUsable(view: OverriddenConfig, open: OpenCheck): void {
  const errs: ConfigError[] = [];
  const ctx = view.ov.currentContext !== '' ? view.ov.currentContext : view.config.currentContext;
  if (ctx !== '' && !view.config.contexts.has(ctx)) errs.push({ message: `context was not found for specified context: ${ctx}`, contextNotFound: true });
  errs.push(...validateAuthInfo(view.authInfoName().name, view.authInfo().value, open).map((message) => ({ message })));
  errs.push(...validateClusterInfo(view.clusterName().name, view.cluster().value, open).map((message) => ({ message })));
  if (errs.length === 0) return;
  // kubectl's CheckErr: a lone context-not-found error is a configuration error, any other lone error is plain.
  const [only] = errs;
  if (errs.length === 1 && only) {
    if (only.contextNotFound) throw new RawError(`Error in configuration: ${only.message}`);
    throw new KtError(only.message);
  }
  throw new RawError(`Error in configuration: \n${errs.map((e) => `* ${e.message}`).join('\n')}`);
}

function validateAuthInfo(name: string, a: AuthInfo, open: OpenCheck): string[] {
  const errs: string[] = [];
  const methods: string[] = [];
  if (a.token !== '') methods.push('token');
  if (a.username !== '' || a.password !== '') methods.push('basicAuth');
  const hasCertData = (a.clientCertificateData?.length ?? 0) > 0;
  const hasKeyData = (a.clientKeyData?.length ?? 0) > 0;
  if (a.clientCertificate !== '' || hasCertData) {
    if (a.clientCertificate !== '' && hasCertData) errs.push(`client-cert-data and client-cert are both specified for ${name}. client-cert-data will override.`);
    if (a.clientKey !== '' && hasKeyData) errs.push(`client-key-data and client-key are both specified for ${name}; client-key-data will override`);
    if (a.clientKey === '' && !hasKeyData) errs.push(`client-key-data or client-key must be specified for ${name} to use the clientCert authentication method.`);
    if (a.clientCertificate !== '') {
      const err = open(a.clientCertificate);
      if (err) errs.push(`unable to read client-cert ${a.clientCertificate} for ${name} due to ${err}`);
    }
    if (a.clientKey !== '') {
      const err = open(a.clientKey);
      if (err) errs.push(`unable to read client-key ${a.clientKey} for ${name} due to ${err}`);
    }
  }
  if (a.exec) errs.push(...validateExec(name, a));
  if (methods.length > 1) errs.push(`more than one authentication method found for ${name}; found [${methods.join(' ')}], only one is allowed`);
  if ((a.asUid !== '' || a.asGroups.length > 0 || Object.keys(a.asUserExtra).length > 0) && a.as === '') {
    errs.push(`requesting uid, groups or user-extra for ${name} without impersonating a user`);
  }
  return errs;
}

function validateExec(name: string, a: AuthInfo): string[] {
  const errs: string[] = [];
  const exec = a.exec;
  if (!exec) return errs;
  if (a.authProvider) errs.push(`authProvider cannot be provided in combination with an exec plugin for ${name}`);
  if (exec.command === '') errs.push(`command must be specified for ${name} to use exec authentication plugin`);
  if (exec.apiVersion === '') errs.push(`apiVersion must be specified for ${name} to use exec authentication plugin`);
  for (const v of exec.env ?? []) if (v.name === '') errs.push(`env variable name must be specified for ${name} to use exec authentication plugin`);
  const mode = exec.interactiveMode;
  if (mode === '') errs.push(`interactiveMode must be specified for ${name} to use exec authentication plugin`);
  else if (mode !== 'Never' && mode !== 'IfAvailable' && mode !== 'Always') errs.push(`invalid interactiveMode for ${name}: ${goQuote(mode)}`);
  return errs;
}

function validateClusterInfo(name: string, c: Cluster, open: OpenCheck): string[] {
  const errs: string[] = [];
  if (c.server === '') errs.push(name === '' ? 'default cluster has no server defined' : `no server found for cluster ${goQuote(name)}`);
  if (c.proxyUrl !== '') {
    const err = proxyUrlError(c.proxyUrl);
    if (err) errs.push(`invalid 'proxy-url' ${goQuote(c.proxyUrl)} for cluster ${goQuote(name)}: ${err}`);
  }
  const hasCaData = (c.caData?.length ?? 0) > 0;
  if (c.caFile !== '' && hasCaData) errs.push(`certificate-authority-data and certificate-authority are both specified for ${name}. certificate-authority-data will override.`);
  if (c.caFile !== '') {
    const err = open(c.caFile);
    if (err) errs.push(`unable to read certificate-authority ${c.caFile} for ${name} due to ${err}`);
  }
  return errs;
}

/** parseProxyURL: url.Parse must succeed and the scheme must be http, https or socks5. */
function proxyUrlError(proxy: string): string | undefined {
  if (goUrlParseFails(proxy)) return `could not parse: ${proxy}`;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(proxy);
  const scheme = (m?.[1] ?? '').toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'socks5') return undefined;
  return `unsupported scheme ${goQuote(scheme)}, must be http, https, or socks5`;
}
