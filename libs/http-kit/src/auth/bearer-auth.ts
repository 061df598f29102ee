import type { JWTPayload } from 'jose';

import type { ContextExtension } from '../context/context-extension.js';
import {
  bearerInsufficientScope,
  bearerUnauthorized,
  signingKeysUnavailable,
} from './auth-problems.js';
import {
  InvalidTokenError,
  SigningKeysUnavailableError,
  type TokenVerifier,
} from './create-oidc-verifier.js';
import { type AuthRequirement, meetsRequirement, type Principal } from './principal.js';
import { readBearerToken } from './read-bearer-token.js';

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** The principal of verified token claims: `roles` is an array in Entra tokens, `scp` space-separated. */
export function principalFromClaims(claims: JWTPayload): Principal {
  const scp = claims['scp'];
  return {
    source: 'bearer',
    subject: typeof claims.sub === 'string' ? claims.sub : 'unknown',
    name: typeof claims['name'] === 'string' ? claims['name'] : undefined,
    identityProvider: typeof claims.iss === 'string' ? claims.iss : 'unknown',
    tenantId: typeof claims['tid'] === 'string' ? claims['tid'] : undefined,
    roles: strings(claims['roles']),
    scopes: typeof scp === 'string' ? scp.split(' ').filter((s) => s !== '') : strings(scp),
    claims,
  };
}

/**
 * A route's `context.principal` from `Authorization: Bearer`: 401 `invalid_token` for any bad token,
 * 403 `insufficient_scope` without the role/scope, 503 when the signing keys cannot be fetched.
 *
 * @example
 * const verify = createOidcVerifier({ authority, audience });   // module level, once
 * defineRoute({ ..., context: { principal: bearerAuth(verify, { anyRole: ['api.read'] }) }, handler: ... });
 */
export function bearerAuth(
  verify: TokenVerifier,
  requirement: AuthRequirement = {},
): ContextExtension<Principal> {
  return async (request, context) => {
    const read = readBearerToken(request);
    if (!read.ok) {
      context.logger.info(
        { auth: 'bearer', outcome: read.error },
        'request refused: no usable bearer token',
      );
      throw bearerUnauthorized(
        'Send the access token as "Authorization: Bearer <token>".',
        // RFC 6750 §3.1: no error code when the client sent no bearer credentials at all.
        read.error === 'malformed' ? 'invalid' : 'missing',
      );
    }
    let claims: JWTPayload;
    try {
      claims = await verify(read.token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        // The code says why (expired, bad signature, …); the token itself is never logged.
        context.logger.info(
          { auth: 'bearer', outcome: error.code },
          'request refused: invalid token',
        );
        throw bearerUnauthorized('The access token is invalid or expired.', 'invalid');
      }
      if (error instanceof SigningKeysUnavailableError) {
        context.logger.warn(
          { auth: 'bearer', outcome: 'keys-unavailable', reason: error.message },
          'signing keys unavailable',
        );
        throw signingKeysUnavailable();
      }
      throw error;
    }
    const principal = principalFromClaims(claims);
    if (!meetsRequirement(principal, requirement)) {
      context.logger.info(
        { auth: 'bearer', outcome: 'insufficient-scope' },
        'request refused: missing role or scope',
      );
      throw bearerInsufficientScope(
        'The access token lacks the role or scope this operation needs.',
      );
    }
    return principal;
  };
}
