import type { HttpFunctionOptions } from '@azure/functions';

import type { AnyRoute } from './route-types.js';

/**
 * The `app.http` options for a route.
 * @example for (const route of routes) app.http(route.name, toHttpFunctionOptions(route));
 */
export function toHttpFunctionOptions(route: AnyRoute): HttpFunctionOptions {
  return {
    methods: [...route.methods],
    route: route.route,
    authLevel: route.authLevel,
    handler: route.handle,
  };
}
