import type { ContextExtension } from '../context/context-extension.js';
import { principalForbidden, principalUnauthorized } from './auth-problems.js';
import { type AuthRequirement, meetsRequirement, type Principal } from './principal.js';
import { readClientPrincipal } from './read-easyauth-principal.js';

/**
 * A route's `context.principal` from App Service Authentication's `X-MS-CLIENT-PRINCIPAL`.
 * Trust it only behind App Service Authentication, which strips client-sent copies of the header.
 *
 * @example defineRoute({ ..., context: { principal: easyAuth({ anyRole: ['admin'] }) }, handler: ... });
 */
export function easyAuth(requirement: AuthRequirement = {}): ContextExtension<Principal> {
  return (request, context) => {
    const read = readClientPrincipal(request);
    if (!read.ok) {
      context.logger.info(
        { auth: 'easyauth', outcome: read.error },
        'request refused: no usable client principal',
      );
      throw principalUnauthorized('Sign in first: the request carries no valid client principal.');
    }
    if (!meetsRequirement(read.principal, requirement)) {
      context.logger.info(
        { auth: 'easyauth', outcome: 'missing-role' },
        'request refused: missing role',
      );
      throw principalForbidden(
        `This operation needs one of the roles: ${(requirement.anyRole ?? []).join(', ')}.`,
      );
    }
    return read.principal;
  };
}
