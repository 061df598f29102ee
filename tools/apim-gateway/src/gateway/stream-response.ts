import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { unsendableResponseProblem } from '../http/header-validation.js';
import { type GatewayResponse, internalServerError } from '../pipeline/gateway-response.js';
import { headersToWrite, writeGatewayResponse, type WriteOptions } from './write-response.js';

// Statuses that never carry a body (RFC 9110); HEAD responses carry none either.
const BODILESS = new Set([204, 304]);

/**
 * forward-request buffer-response="false": the head now, then each backend chunk as it arrives,
 * with backpressure both ways. The client leaving destroys the backend body (its connection
 * closes, so the backend sees the abort); the backend failing mid-body cuts the client's response
 * short, the way a proxy must once the status line is out. Resolves with the status sent.
 */
export async function streamGatewayResponse(
  res: ServerResponse,
  response: GatewayResponse & { stream: Readable },
  options: WriteOptions,
): Promise<number> {
  const { stream } = response;
  const problem = unsendableResponseProblem(response.reason, response.headers);
  if (problem) {
    stream.destroy();
    options.log.warn('response cannot be sent over HTTP; answering 500', {
      requestId: options.requestId,
      problem,
    });
    return writeGatewayResponse(res, internalServerError(options.requestId), options);
  }
  try {
    res.writeHead(
      response.status,
      response.reason || undefined,
      headersToWrite(response, options.close),
    );
  } catch (error) {
    // whatever Node still refuses becomes the generic 500, never an exception
    stream.destroy();
    options.log.warn('writing the response failed', {
      requestId: options.requestId,
      error: error instanceof Error ? error.message : String(error),
    });
    if (res.headersSent) {
      res.destroy();
      return response.status;
    }
    return writeGatewayResponse(res, internalServerError(options.requestId), options);
  }
  if (options.head || BODILESS.has(response.status)) {
    stream.destroy();
    res.end();
    return response.status;
  }
  // the head goes out now, not with the first chunk: a client sees the stream open at once
  res.flushHeaders();
  // the client leaving is normal for a stream; only a backend failure is worth a warning
  let clientLeft = false;
  res.once('close', () => {
    if (!stream.destroyed) clientLeft = true;
  });
  try {
    await pipeline(stream, res);
  } catch (error) {
    if (!clientLeft) {
      options.log.warn('backend response body failed while streaming; response cut short', {
        requestId: options.requestId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return response.status;
}
