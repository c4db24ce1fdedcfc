// metav1.Status errors shaped like the real apiserver's, so clients print the same messages for the sim as for a
// real cluster.
import type { Status } from '../k8s/types.js';

export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
  get code(): number {
    return this.status.code ?? 500;
  }
}

function failure(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new StatusError({ ...status, metadata: {} } as Status);
}

/** `pods "x" not found`; `qualifiedResource` is `pods`, `deployments.apps`, `podmetrics.metrics.k8s.io`. */
export function notFound(qualifiedResource: string, name: string, detailsKind = qualifiedResource.split('.')[0]!): StatusError {
  const group = qualifiedResource.includes('.') ? qualifiedResource.slice(qualifiedResource.indexOf('.') + 1) : undefined;
  return failure(404, 'NotFound', `${qualifiedResource} "${name}" not found`, { name, ...(group ? { group } : {}), kind: detailsKind });
}

export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

export function alreadyExists(qualifiedResource: string, name: string): StatusError {
  return failure(409, 'AlreadyExists', `${qualifiedResource} "${name}" already exists`, { name, kind: qualifiedResource.split('.')[0]! });
}

export function unauthorized(): StatusError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export function notFoundPath(): StatusError {
  return failure(404, 'NotFound', 'the server could not find the requested resource');
}

export function methodNotAllowed(): StatusError {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

export function unsupportedMediaType(contentType: string): StatusError {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/apply-patch+yaml (got ${contentType})`);
}

export function gone(message: string): StatusError {
  return failure(410, 'Expired', message);
}
