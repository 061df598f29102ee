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
      return { stream: req, length: declaredLength(req), maxBytes };
    },
  };
}
