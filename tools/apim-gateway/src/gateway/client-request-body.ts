import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ClientRequestBody } from '../pipeline/client-request-body.js';
import { declaredLength, readRequestBody } from './read-request-body.js';

/** The body of an admitted request; `100 Continue` goes out only when a policy starts reading it. */
export function clientRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
  expectsContinue: boolean,
): ClientRequestBody {
  let continued = false;
  const start = (): void => {
    if (expectsContinue && !continued && !res.headersSent) res.writeContinue();
    continued = true;
  };
  return {
    read() {
      start();
      return readRequestBody(req, maxBytes);
    },
    stream() {
      start();
      // no Content-Length and no Transfer-Encoding: HTTP/1.1 says there is no body
      const length =
        declaredLength(req) ?? (req.headers['transfer-encoding'] === undefined ? 0 : undefined);
      return { stream: req, length, maxBytes };
    },
  };
}
