/** One problem type: RFC 9457 `type` slug, human title and HTTP status. */
export interface ProblemType {
  readonly slug: string;
  readonly title: string;
  readonly status: number;
}

/** Base of every problem `type` URI: an RFC 4151 tag URI, stable and never dereferenced. */
export const PROBLEM_TYPE_BASE = 'tag:azure-functions-cookbook,2026:problems/';

/** A key of the problem catalog, e.g. `'notFound'`. */
export type ProblemKey =
  | 'badRequest'
  | 'malformedBody'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'methodNotAllowed'
  | 'notAcceptable'
  | 'conflict'
  | 'gone'
  | 'preconditionFailed'
  | 'contentTooLarge'
  | 'unsupportedMediaType'
  | 'validationFailed'
  | 'preconditionRequired'
  | 'tooManyRequests'
  | 'internalError'
  | 'badGateway'
  | 'serviceUnavailable'
  | 'gatewayTimeout';

/** The only place problem types are declared. */
export const problemCatalog: Readonly<Record<ProblemKey, ProblemType>> = {
  badRequest: { slug: 'bad-request', title: 'Bad request', status: 400 },
  malformedBody: { slug: 'malformed-body', title: 'Malformed request body', status: 400 },
  unauthorized: { slug: 'unauthorized', title: 'Unauthorized', status: 401 },
  forbidden: { slug: 'forbidden', title: 'Forbidden', status: 403 },
  notFound: { slug: 'not-found', title: 'Not found', status: 404 },
  methodNotAllowed: { slug: 'method-not-allowed', title: 'Method not allowed', status: 405 },
  notAcceptable: { slug: 'not-acceptable', title: 'Not acceptable', status: 406 },
  conflict: { slug: 'conflict', title: 'Conflict', status: 409 },
  gone: { slug: 'gone', title: 'Gone', status: 410 },
  preconditionFailed: { slug: 'precondition-failed', title: 'Precondition failed', status: 412 },
  contentTooLarge: { slug: 'content-too-large', title: 'Content too large', status: 413 },
  unsupportedMediaType: {
    slug: 'unsupported-media-type',
    title: 'Unsupported media type',
    status: 415,
  },
  validationFailed: { slug: 'validation-failed', title: 'Request validation failed', status: 422 },
  preconditionRequired: {
    slug: 'precondition-required',
    title: 'Precondition required',
    status: 428,
  },
  tooManyRequests: { slug: 'too-many-requests', title: 'Too many requests', status: 429 },
  internalError: { slug: 'internal-error', title: 'Internal server error', status: 500 },
  badGateway: { slug: 'bad-gateway', title: 'Bad gateway', status: 502 },
  serviceUnavailable: { slug: 'service-unavailable', title: 'Service unavailable', status: 503 },
  gatewayTimeout: { slug: 'gateway-timeout', title: 'Gateway timeout', status: 504 },
};

/** The full `type` URI of a catalog entry. */
export function problemTypeUri(key: ProblemKey): string {
  return PROBLEM_TYPE_BASE + problemCatalog[key].slug;
}

const keyByStatus = new Map<number, ProblemKey>();
for (const [key, entry] of Object.entries(problemCatalog) as [ProblemKey, ProblemType][]) {
  if (!keyByStatus.has(entry.status)) keyByStatus.set(entry.status, key);
}

/** True when the catalog has a problem type with this status. */
export function hasProblemType(status: number): boolean {
  return keyByStatus.has(status);
}

/** The catalog entry for a status: the first one declared, else `internalError`/`badRequest`. */
export function problemKeyForStatus(status: number): ProblemKey {
  return keyByStatus.get(status) ?? (status >= 500 ? 'internalError' : 'badRequest');
}
