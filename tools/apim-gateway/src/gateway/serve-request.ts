import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

import { ClientAbort } from '../http/client-abort.js';
import { HeaderBag } from '../http/header-bag.js';
import type { DevSigningKey } from '../jwt/dev-issuer.js';
import { errorResponse, internalServerError } from '../pipeline/gateway-response.js';
import type { GatewayLog } from '../policies/gateway-services.js';
import { redactRequestTarget, writeAccessLog } from './access-log.js';
import { clientRequestBody } from './client-request-body.js';
import { devIssuerResponse, isDevIssuerPath } from './dev-issuer-routes.js';
import { admitRequest, type GatewayOutcome } from './handle-request.js';
import { lingerAfterAnswer } from './linger-after-answer.js';
import type { LoadedGateway } from './load-gateway.js';
import { declaredLength } from './read-request-body.js';
import { streamGatewayResponse } from './stream-response.js';
import { writeGatewayResponse } from './write-response.js';

export interface ServeState {
  gateway: LoadedGateway | undefined;
  gatewayUrl: string;
  devKey: DevSigningKey;
  maxBodyBytes: number;
  log: GatewayLog;
  /** True while shutting down: every response closes its connection. */
  draining(): boolean;
}

const TOO_LARGE = 'Request entity too large';

/** One request: decide from the head, read the body only when the pipeline will run, write, log. */
export async function serveRequest(
  req: IncomingMessage,
  res: ServerResponse,
  state: ServeState,
  expectsContinue: boolean,
): Promise<void> {
  const started = performance.now();
  // the client leaving mid-request aborts the backend call (and a streamed body)
  const clientGone = new ClientAbort();
  res.once('close', () => {
    if (!res.writableFinished) clientGone.abort();
  });
  let outcome: GatewayOutcome;
  try {
    outcome = await answer(req, res, state, expectsContinue, clientGone);
  } catch (error) {
    const requestId = randomUUID();
    state.log.warn('unhandled gateway error', { requestId, error: String(error) });
    outcome = { response: internalServerError(requestId), requestId, endedBy: 'gateway' };
  }
  // a large unread body is not read for nothing: the connection closes (politely) after the answer
  const draining = state.draining();
  if (!draining && !bodyWillBeDiscarded(req)) lingerAfterAnswer(req, res, LINGER_MS);
  const options = {
    head: req.method === 'HEAD',
    close: draining,
    requestId: outcome.requestId,
    log: state.log,
  };
  const { response } = outcome;
  let status: number;
  // 499: the client went away before the answer (nginx's convention); there is nobody to write to.
  if (res.destroyed) {
    response.stream?.destroy();
    status = 499;
  } else if (response.stream) {
    status = await streamGatewayResponse(res, { ...response, stream: response.stream }, options);
  } else {
    status = writeGatewayResponse(res, response, options);
  }
  writeAccessLog(state.log, {
    method: req.method ?? '-',
    path: redactRequestTarget(req.url ?? '/', state.gateway ? [state.gateway.keyNames.query] : []),
    status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    endedBy: outcome.endedBy,
    requestId: outcome.requestId,
  });
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  state: ServeState,
  expectsContinue: boolean,
  clientAbort: ClientAbort,
): Promise<GatewayOutcome> {
  const { gateway } = state;
  if (!gateway) return plain(503, 'Gateway is starting', 'gateway');
  let url: URL;
  try {
    url = new URL(req.url ?? '/', state.gatewayUrl);
  } catch {
    return plain(400, 'Bad Request', 'request-target');
  }
  if (isDevIssuerPath(url.pathname)) {
    const response = devIssuerResponse(
      url.pathname,
      state.gatewayUrl,
      gateway.devIssuer.issuer,
      state.devKey,
    );
    return { response, requestId: randomUUID(), endedBy: 'dev-issuer' };
  }
  // A declared oversized body is refused before a byte of it is read.
  if ((declaredLength(req) ?? 0) > state.maxBodyBytes) {
    return plain(413, TOO_LARGE, 'request-size-limit');
  }
  const admission = admitRequest(gateway, {
    method: req.method ?? 'GET',
    url,
    headers: HeaderBag.fromRaw(req.rawHeaders),
    clientIp: clientIp(req),
    clientAbort,
  });
  if (admission.outcome) return admission.outcome;
  return admission.run(clientRequestBody(req, res, state.maxBodyBytes, expectsContinue));
}

function plain(status: number, message: string, endedBy: string): GatewayOutcome {
  return { response: errorResponse(status, message), requestId: randomUUID(), endedBy };
}

// Up to this much unread body is read and dropped after an early answer, keeping the connection;
// past it, the connection lingers at most LINGER_MS (nginx's lingering_timeout) and closes.
const DISCARD_LIMIT = 1024 * 1024;
const LINGER_MS = 5_000;

function bodyWillBeDiscarded(req: IncomingMessage): boolean {
  if (req.complete) return true;
  const length = declaredLength(req);
  return length !== undefined && length <= DISCARD_LIMIT;
}

function clientIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
