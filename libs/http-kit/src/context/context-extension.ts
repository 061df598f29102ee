import type { HttpRequest } from '@azure/functions';

import type { RequestContext } from './request-context.js';

/**
 * Computes one value of the request context before the request is validated, e.g. what a gateway
 * forwarded or a verified principal. Throw an `HttpProblem` (`httpError(...)`) to refuse the request.
 *
 * @example
 * const readTenant: ContextExtension<string> = (request) => request.headers.get('x-tenant') ?? 'default';
 * defineRoute({ ..., context: { tenant: readTenant }, handler: (_input, { requestContext }) => ... requestContext.tenant });
 */
export type ContextExtension<T = unknown> = (
  request: HttpRequest,
  context: RequestContext,
) => T | Promise<T>;

/** The extensions a route declares, by the name their value gets in the request context. */
export type ContextExtensions = { readonly [name: string]: ContextExtension };

/** The values a route's extensions add to the request context, by name. */
export type ContextValues<TContext extends ContextExtensions> = {
  readonly [TName in keyof TContext]: Awaited<ReturnType<TContext[TName]>>;
};
