import { randomUUID } from 'node:crypto';

import { grantedLevel, isAuthorized } from '../auth/authorize-request.js';
import type { HostKeys } from '../auth/host-keys.js';
import type { AppRuntime } from '../core/app-runtime.js';
import { decodePathSegments } from '../http/decode-path.js';
import { encodeHttpData, joinHeaders } from '../http/encode-http-data.js';
import type { HostRequest, HostResponse } from '../http/host-request.js';
import { emptyResponse } from '../http/host-request.js';
import { getQueryValue, parseQuery } from '../http/parse-query.js';
import { toHostResponse } from '../http/to-host-response.js';
import { createTraceContext } from '../http/trace-context.js';
import { invokeFunction } from '../invocation/invoke-function.js';
import { findRoute, type RouteIndex } from '../routing/find-route.js';
import type { HttpRoute } from '../routing/http-function.js';

export interface HostState {
  app: AppRuntime;
  routes: HttpRoute[] | RouteIndex;
  keys: HostKeys | undefined;
}

/**
 * The host's request pipeline, in Azure's order: reserved /admin → route (path + method) →
 * key check (401) → disabled (404 unless master key) → invoke → response; failures → 500, empty.
 */
export async function handleRequest(state: HostState, request: HostRequest): Promise<HostResponse> {
  const path = decodePathSegments(request.path);
  if (path[0]?.toLowerCase() === 'admin') return emptyResponse(404);
  const match = findRoute(state.routes, request.method, path);
  if (!match) return emptyResponse(404);
  const { fn } = match.route;
  const query = parseQuery(request.query);
  const headers = joinHeaders(request.headers);

  if (state.keys || fn.disabled) {
    const key = headers.get('x-functions-key') || getQueryValue(query, 'code');
    const granted = state.keys ? grantedLevel(key, fn.name, state.keys) : undefined;
    if (state.keys && !isAuthorized(fn.authLevel, granted)) return emptyResponse(401);
    if (fn.disabled && granted !== 'admin') return emptyResponse(404);
  }

  const registered = state.app.functions.get(fn.name);
  if (!registered) return emptyResponse(404);
  const invocationId = randomUUID();
  // The two information lines per request are only built when someone will print them.
  const logInformation = state.app.isLogEnabled('information');
  const started = performance.now();
  if (logInformation)
    hostLog(
      state,
      'information',
      `Executing 'Functions.${fn.name}' (Reason='This function was programmatically called via the host APIs.', Id=${invocationId})`,
      fn.name,
      invocationId,
    );
  try {
    const response = await invokeFunction(state.app, registered, {
      invocationId,
      functionId: registered.functionId,
      inputData: [
        {
          name: fn.triggerBindingName,
          data: { http: encodeHttpData(request, headers, query, match.params) },
        },
      ],
      triggerMetadata: {},
      traceContext: createTraceContext(headers.get('traceparent'), headers.get('tracestate')),
    });
    const result = toHostResponse(response);
    if (logInformation)
      hostLog(
        state,
        'information',
        `Executed 'Functions.${fn.name}' (Succeeded, Id=${invocationId}, Duration=${elapsed(started)}ms)`,
        fn.name,
        invocationId,
      );
    return result;
  } catch (error) {
    hostLog(
      state,
      'error',
      `Executed 'Functions.${fn.name}' (Failed, Id=${invocationId}, Duration=${elapsed(started)}ms)`,
      fn.name,
      invocationId,
    );
    hostLog(
      state,
      'error',
      `Exception while executing function: Functions.${fn.name}. Result: Failure\n${describe(error)}`,
      fn.name,
      invocationId,
    );
    return emptyResponse(500);
  }
}

function hostLog(
  state: HostState,
  level: 'information' | 'error',
  message: string,
  functionName: string,
  invocationId: string,
): void {
  state.app.log({ level, category: 'host', message, functionName, invocationId });
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describe(error: unknown): string {
  if (error instanceof Error) return `Exception: ${error.message}\nStack: ${error.stack ?? ''}`;
  return `Exception: ${String(error)}`;
}
