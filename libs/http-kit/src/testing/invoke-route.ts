import azureFunctions from '@azure/functions';
import { parseFunctionRoute, type RouteTemplate } from '@cookbook/route-template';

import type { AnyRoute, HttpMethod } from '../route/route-types.js';
import { createFakeHttpRequest, type FakeHttpRequestOptions } from './fake-http-request.js';
import { createFakeInvocationContext, type FakeLogEntry } from './fake-invocation-context.js';

/** The request to send through a route; `params` fill the route template. */
export interface InvokeRouteOptions extends Omit<FakeHttpRequestOptions, 'method'> {
  readonly method?: HttpMethod;
  readonly invocationId?: string;
  readonly traceParent?: string;
}

/** What the client would receive, plus the lines logged through the invocation context. */
export interface InvokeRouteResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  json<T = unknown>(): T;
  readonly logs: readonly FakeLogEntry[];
}

function render(template: RouteTemplate, params: Readonly<Record<string, string>>): string {
  const segments: string[] = [];
  for (const { parts } of template.segments) {
    let segment = '';
    let missing = false;
    for (const part of parts) {
      if (part.kind === 'literal') segment += part.text;
      else {
        const value = params[part.name] ?? part.defaultValue;
        if (value === undefined) missing = true;
        else if (part.catchAll) segment += value.split('/').map(encodeURIComponent).join('/');
        else segment += encodeURIComponent(value);
      }
    }
    if (!missing) segments.push(segment);
  }
  return segments.join('/');
}

/**
 * Sends one request through a route in-process, the way the Functions host would deliver it.
 * @example const response = await invokeRoute(getItem, { params: { id: '42' } });
 */
export async function invokeRoute(
  route: AnyRoute,
  options: InvokeRouteOptions = {},
): Promise<InvokeRouteResult> {
  const method = options.method ?? route.methods[0];
  if (!route.methods.includes(method)) {
    throw new Error(`${route.name} does not accept ${method}; the host would answer 404`);
  }
  const path = render(parseFunctionRoute(route.route).route, options.params ?? {});
  const request = createFakeHttpRequest({
    url: options.url ?? `http://localhost:7071/api/${path}`,
    ...options,
    method,
  });
  const context = createFakeInvocationContext({
    functionName: route.name,
    ...(options.invocationId ? { invocationId: options.invocationId } : {}),
    ...(options.traceParent ? { traceParent: options.traceParent } : {}),
  });
  const init = await route.handle(request, context);
  const response = new azureFunctions.HttpResponse(init);
  const body = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body,
    json: <T>() => JSON.parse(body) as T,
    logs: context.logs,
  };
}
