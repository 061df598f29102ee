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
  return new PendingClientBody(req, res, maxBytes, expectsContinue);
}

// A class, not an object of closures: no functions created for every request.
class PendingClientBody implements ClientRequestBody {
  private continued = false;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly maxBytes: number,
    private readonly expectsContinue: boolean,
  ) {}

  read(): ReturnType<ClientRequestBody['read']> {
    this.start();
    return readRequestBody(this.req, this.maxBytes);
  }

  stream(): ReturnType<ClientRequestBody['stream']> {
    this.start();
    const req = this.req;
    // no Content-Length and no Transfer-Encoding: HTTP/1.1 says there is no body
    const length =
      declaredLength(req) ?? (req.headers['transfer-encoding'] === undefined ? 0 : undefined);
    return { stream: req, length, maxBytes: this.maxBytes };
  }

  private start(): void {
    if (this.expectsContinue && !this.continued && !this.res.headersSent) this.res.writeContinue();
    this.continued = true;
  }
}
