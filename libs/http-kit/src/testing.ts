// Test helpers of @cookbook/http-kit: routes run in-process the way the Functions host calls them.

/** Sends one request through a route in-process, as the host would deliver it. */
export {
  invokeRoute,
  type InvokeRouteOptions,
  type InvokeRouteResult,
} from './testing/invoke-route.js';

/** A real `HttpRequest` encoded like the host's (lowercase headers, comma-joined query keys). */
export { createFakeHttpRequest } from './testing/fake-http-request.js';

/** A real `InvocationContext` that records its log calls in `logs`. */
export { createFakeInvocationContext } from './testing/fake-invocation-context.js';
