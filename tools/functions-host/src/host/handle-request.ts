import { randomUUID } from 'node:crypto';

import { grantedLevel, isAuthorized } from '../auth/authorize-request.js';
import { extractFunctionKey } from '../auth/extract-function-key.js';
import type { HostKeys } from '../auth/host-keys.js';
import type { AppRuntime } from '../core/app-runtime.js';
import { decodePathSegments } from '../http/decode-path.js';
import { encodeHttpData, joinHeaders } from '../http/encode-http-data.js';
import { withFrontEndHeaders } from '../http/front-end-headers.js';
import type { HostRequest, HostResponse } from '../http/host-request.js';
import { emptyResponse } from '../http/host-request.js';
import { parseQuery } from '../http/parse-query.js';
import { RequestRejection } from '../http/request-rejection.js';
import { toHostResponse } from '../http/to-host-response.js';
import { createTraceContext } from '../http/trace-context.js';
import { invokeFunction } from '../invocation/invoke-function.js';
import { findRoute, type RouteIndex } from '../routing/find-route.js';
import type { HttpRoute } from '../routing/http-function.js';
import type { StreamsTarget } from '../streams/forward-to-worker.js';
import type { RequestQueue } from './request-queue.js';
import { type InvocationLimits, runInvocation } from './run-invocation.js';
import { invokeStreamed } from './stream-invocation.js';

export interface HostState {
  app: AppRuntime;
  routes: HttpRoute[] | RouteIndex;
  keys: HostKeys | undefined;
  limits: InvocationLimits;
  /** host.json maxOutstandingRequests / maxConcurrentRequests, when either is set. */
  queue?: RequestQueue | undefined;
  /** Add the headers Azure's front end adds (default on). */
  frontEndHeaders?: boolean;
  /** HTTP streams mode: the worker's proxy endpoint (capability `HttpUri`). */
  streams?: StreamsTarget | undefined;
}

const noop = (): void => undefined;

/**
 * The host's request pipeline, in Azure's order: reserved /admin → request queue (429) → route
 * (path + method) → key check (401) → disabled (404 unless master key) → body (413) → invoke →
 * response. Everything up to the key check uses the request head only: the body is read (and
 * `Expect: 100-continue` answered) only for a request that will be invoked.
 */
export async function handleRequest(state: HostState, request: HostRequest): Promise<HostResponse> {
  const path = decodePathSegments(request.path);
  if (path[0]?.toLowerCase() === 'admin') return emptyResponse(404);
  if (!state.queue) return routeAndInvoke(state, request, path, noop);
  const entered = state.queue.tryEnter();
  if (!entered) {
    // HttpThrottleMiddleware: information line, 429 with no body.
    state.app.log({
      level: 'information',
      category: 'host',
      message: `Http request queue limit of ${state.queue.maxOutstanding} has been exceeded.`,
    });
    return emptyResponse(429);
  }
  const release = await entered;
  try {
    return await routeAndInvoke(state, request, path, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function routeAndInvoke(
  state: HostState,
  request: HostRequest,
  path: string[],
  release: () => void,
): Promise<HostResponse> {
  const match = findRoute(state.routes, request.method, path);
  const registered = match && state.app.functions.get(match.route.fn.name);
  if (!match || !registered) {
    release();
    return emptyResponse(404);
  }
  const { fn } = match.route;
  if (state.keys || fn.disabled) {
    const key = extractFunctionKey(request.headers, request.query);
    const granted = state.keys ? grantedLevel(key, fn.name, state.keys) : undefined;
    if (state.keys && !isAuthorized(fn.authLevel, granted)) {
      release();
      return emptyResponse(401);
    }
    if (fn.disabled && granted !== 'admin') {
      release();
      return emptyResponse(404);
    }
  }

  if (state.streams) {
    return invokeStreamed(state, request, match.route, registered, match.params, release);
  }
  let body: Uint8Array | undefined;
  try {
    body = request.readBody ? await request.readBody() : request.body;
  } catch (error) {
    release();
    // A client that went away gets no answer anyway; 400 keeps the adapter simple.
    return emptyResponse(error instanceof RequestRejection ? error.status : 400);
  }
  // After the body: reading it may add the Content-Length a fetch() client left implicit.
  const lines = state.frontEndHeaders === false ? request.headers : withFrontEndHeaders(request);
  const headers = joinHeaders(lines);
  const query = parseQuery(request.query);
  const invocationId = randomUUID();
  // The invoke callback is passed inline: a named closure would get a per-request __name (keepNames).
  return runInvocation(
    state.app,
    fn.name,
    invocationId,
    state.limits,
    async (): Promise<HostResponse> =>
      toHostResponse(
        await invokeFunction(state.app, registered, {
          invocationId,
          functionId: registered.functionId,
          inputData: [
            {
              name: fn.triggerBindingName,
              data: {
                http: encodeHttpData(request, body, headers, query, match.params),
              },
            },
          ],
          triggerMetadata: {},
          traceContext: createTraceContext(headers.get('traceparent'), headers.get('tracestate')),
        }),
      ),
    release,
  );
}
