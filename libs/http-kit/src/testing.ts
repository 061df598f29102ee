export { createFakeHttpRequest, type FakeHttpRequestOptions } from './testing/fake-http-request.js';
export {
  createFakeInvocationContext,
  type FakeInvocationContext,
  type FakeInvocationContextOptions,
  type FakeLogEntry,
} from './testing/fake-invocation-context.js';
export {
  invokeRoute,
  type InvokeRouteOptions,
  type InvokeRouteResult,
} from './testing/invoke-route.js';
