import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { InvocationContext } from '@azure/functions';

// In stream mode the host forwards each request to the worker's own node:http server with this
// header (@azure/functions src/http/httpProxy.ts), and closes that connection when its client leaves.
const INVOCATION_ID_HEADER = 'x-ms-invocation-id';

const openResponses = new Map<string, ServerResponse>();
let watching = false;

function onRequestStart(message: unknown): void {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  const invocationId = request.headers[INVOCATION_ID_HEADER];
  if (typeof invocationId !== 'string') return;
  openResponses.set(invocationId, response);
  response.once('close', () => {
    if (openResponses.get(invocationId) === response) openResponses.delete(invocationId);
  });
}

/**
 * Starts noting the host's forwarded requests (stream mode); call it at module load, before the
 * first request arrives. `defineStreamRoute` calls it for you.
 */
export function watchForwardedRequests(): void {
  if (watching) return;
  watching = true;
  // A public Node channel: it sees every node:http server of the process, the library's included.
  subscribe('http.server.request.start', onRequestStart);
}

/**
 * A signal that aborts when the client of this invocation goes away before its response is
 * complete, or `undefined` when the host did not forward the request to the worker (buffered
 * mode, tests). The Node library offers none itself (Azure/azure-functions-nodejs-library#273) and
 * keeps draining a streamed body after the client left (#294); this reads the closing of the
 * host's forwarded connection instead.
 */
export function clientDisconnectSignal(invocation: InvocationContext): AbortSignal | undefined {
  watchForwardedRequests();
  const response = openResponses.get(invocation.invocationId);
  if (!response) return undefined;
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort(new Error('The client went away.'));
  });
  return controller.signal;
}
