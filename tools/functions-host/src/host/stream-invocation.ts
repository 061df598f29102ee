import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

import type { RegisteredFunction } from '../core/app-runtime.js';
import type { RpcTypedData } from '../core/core-types.js';
import { joinHeaders } from '../http/encode-http-data.js';
import { withFrontEndHeaders } from '../http/front-end-headers.js';
import type { HostRequest, HostResponse } from '../http/host-request.js';
import { emptyResponse } from '../http/host-request.js';
import { RequestRejection } from '../http/request-rejection.js';
import { createTraceContext } from '../http/trace-context.js';
import { invokeFunction } from '../invocation/invoke-function.js';
import type { HttpRoute } from '../routing/http-function.js';
import { forwardToWorker } from '../streams/forward-to-worker.js';
import type { HostState } from './handle-request.js';
import { runInvocation } from './run-invocation.js';

/**
 * HTTP streams mode (the worker advertised `HttpUri`), as the host's GrpcWorkerChannel does it:
 * start forwarding the request to the worker's proxy with `x-ms-invocation-id`, then send the
 * invocation with an empty RpcHttp and the request in trigger metadata (`Headers`, `Query`,
 * route values); the client gets the worker's own response, streamed both ways.
 */
export async function invokeStreamed(
  state: HostState,
  request: HostRequest,
  route: HttpRoute,
  registered: RegisteredFunction,
  params: Record<string, string>,
  release: () => void,
): Promise<HostResponse> {
  const target = state.streams;
  if (!target) throw new Error('invokeStreamed needs a host in HTTP streams mode.');
  let body: Readable | undefined;
  try {
    body = await openBody(request);
  } catch (error) {
    release();
    return emptyResponse(error instanceof RequestRejection ? error.status : 400);
  }
  const { fn } = route;
  const lines = state.frontEndHeaders === false ? request.headers : withFrontEndHeaders(request);
  const headers = joinHeaders(lines);
  const triggerMetadata: Record<string, RpcTypedData> = {
    Headers: { json: JSON.stringify(Object.fromEntries(headers)) },
    Query: { json: JSON.stringify(Object.fromEntries(new URLSearchParams(request.query))) },
  };
  for (const name in params) triggerMetadata[name] = { string: params[name] ?? '' };
  const invocationId = randomUUID();
  const scheme = request.url.startsWith('https:') ? 'https' : 'http';
  const forwarding = forwardToWorker(target, {
    method: request.method,
    target: request.query === '' ? request.path : `${request.path}?${request.query}`,
    headers: lines,
    host: headers.get('host') ?? '',
    scheme,
    clientAddress: request.remoteAddress ?? '127.0.0.1',
    invocationId,
    body,
    clientGone: request.clientGone,
    idleTimeoutMs: state.limits.frontEndTimeoutMs,
  });
  const invoke = async (): Promise<undefined> => {
    await invokeFunction(state.app, registered, {
      invocationId,
      functionId: registered.functionId,
      inputData: [{ name: fn.triggerBindingName, data: { http: {} } }],
      triggerMetadata,
      traceContext: createTraceContext(headers.get('traceparent'), headers.get('tracestate')),
    });
    // Like InvokeResponse: the invocation ends once the forwarded response has been delivered.
    await forwarding.done;
    return undefined;
  };
  return runInvocation(state.app, fn.name, invocationId, state.limits, invoke, release, forwarding);
}

/** The body as a stream: the adapter's own stream, else the bytes it reads (in-memory requests). */
async function openBody(request: HostRequest): Promise<Readable | undefined> {
  if (request.openBody) return request.openBody();
  const bytes = request.readBody ? await request.readBody() : request.body;
  return bytes && bytes.length > 0 ? Readable.from([bytes]) : undefined;
}
