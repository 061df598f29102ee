import type { ServerResponse } from 'node:http';

import { unsendableResponseProblem } from '../http/header-validation.js';
import { type GatewayResponse, internalServerError } from '../pipeline/gateway-response.js';
import type { GatewayLog } from '../policies/gateway-services.js';

// Node frames the body itself; these come from the backend or policies and must not be copied.
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection']);

export interface WriteOptions {
  /** HEAD: headers only. */
  head: boolean;
  /** Close the connection after this response (unread request body, or the gateway is draining). */
  close: boolean;
  /** activityId of the generic 500 if the response cannot be written. */
  requestId: string;
  log: GatewayLog;
}

/** Writes the response; one HTTP cannot carry becomes APIM's generic 500, never an exception. Returns the status sent. */
export function writeGatewayResponse(
  res: ServerResponse,
  response: GatewayResponse,
  options: WriteOptions,
): number {
  let toSend = response;
  const problem = unsendableResponseProblem(response.reason, response.headers);
  if (problem) {
    options.log.warn('response cannot be sent over HTTP; answering 500', {
      requestId: options.requestId,
      problem,
    });
    toSend = internalServerError(options.requestId);
  }
  try {
    send(res, toSend, options);
    return toSend.status;
  } catch (error) {
    options.log.warn('writing the response failed', {
      requestId: options.requestId,
      error: error instanceof Error ? error.message : String(error),
    });
    if (res.headersSent) {
      res.destroy();
      return toSend.status;
    }
    const fallback = internalServerError(options.requestId);
    send(res, fallback, options);
    return fallback.status;
  }
}

/** The response's headers without framing ones (Node frames the body); Connection: close when asked. */
export function headersToWrite(
  response: GatewayResponse,
  close: boolean,
): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of response.headers) {
    if (!FRAMING.has(name.toLowerCase())) headers[name] = values;
  }
  if (close) headers['Connection'] = ['close'];
  return headers;
}

function send(res: ServerResponse, response: GatewayResponse, options: WriteOptions): void {
  const headers = headersToWrite(response, options.close);
  headers['Content-Length'] = [String(response.body.length)];
  res.writeHead(response.status, response.reason || undefined, headers);
  res.end(options.head ? undefined : response.body);
}
