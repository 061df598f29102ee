import { httpError, type HttpProblem } from '../errors/http-problem.js';

// RFC 6750 §3: quoted-string values; a description never carries a quote or backslash.
function bearerChallenge(error?: string, description?: string): string {
  const params = ['realm="api"'];
  if (error) params.push(`error="${error}"`);
  if (description) params.push(`error_description="${description.replace(/["\\]/g, '')}"`);
  return `Bearer ${params.join(', ')}`;
}

/**
 * 401 for a bearer route. No credentials at all gets a bare challenge (RFC 6750 §3.1: no error
 * code when the request lacks authentication); a bad token gets `error="invalid_token"`.
 */
export function bearerUnauthorized(detail: string, kind: 'missing' | 'invalid'): HttpProblem {
  const challenge =
    kind === 'missing'
      ? bearerChallenge()
      : bearerChallenge('invalid_token', 'The access token is invalid.');
  return httpError('unauthorized', detail, { headers: { 'www-authenticate': challenge } });
}

/** 403 for a valid bearer token without the role or scope the route needs (RFC 6750 `insufficient_scope`). */
export function bearerInsufficientScope(detail: string): HttpProblem {
  return httpError('forbidden', detail, {
    headers: {
      'www-authenticate': bearerChallenge(
        'insufficient_scope',
        'The access token lacks the required role or scope.',
      ),
    },
  });
}

/** 401 for a missing or unreadable App Service Authentication principal (no bearer challenge). */
export function principalUnauthorized(detail: string): HttpProblem {
  return httpError('unauthorized', detail);
}

/** 403 for an authenticated caller the route refuses; `detail` must name no internal data. */
export function principalForbidden(detail: string): HttpProblem {
  return httpError('forbidden', detail);
}

/** 503 when the signing keys cannot be fetched: the token may be fine, so never a 401. */
export function signingKeysUnavailable(): HttpProblem {
  return httpError(
    'serviceUnavailable',
    'The token signing keys are unavailable right now; retry shortly.',
    { headers: { 'retry-after': '30' } },
  );
}
