import { stripHopByHop } from '../http/hop-by-hop.js';
import { BackendError, sendToBackend, type StreamedBody } from '../http/send-to-backend.js';
import { discardStream, errorResponse, internalServerError } from '../pipeline/gateway-response.js';
import type { RequestContext } from '../pipeline/request-context.js';
import { PolicyFailure } from '../pipeline/signals.js';
import {
  booleanAttribute,
  checkAttributes,
  checkChildren,
  checkNoText,
  enumAttribute,
  type Evaluator,
  integerAttribute,
} from './attributes.js';
import type { GatewayServices } from './gateway-services.js';
import type { PolicyDefinition } from './policy-definition.js';

const CACHE_REQUEST_HEADERS = ['cache-control', 'pragma', 'if-none-match', 'if-modified-since'];

export const forwardRequest: PolicyDefinition = {
  sections: ['backend'],
  compile(element, cc) {
    checkAttributes(element, cc, [
      'timeout',
      'timeout-ms',
      'fail-on-error-status-code',
      'buffer-request-body',
      'buffer-response',
      'follow-redirects',
      'http-version',
    ]);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    if (
      element.attributes['timeout'] !== undefined &&
      element.attributes['timeout-ms'] !== undefined
    ) {
      cc.fail('forward-request takes timeout or timeout-ms, not both', element.line);
    }
    const timeoutSeconds = integerAttribute(element, cc, 'timeout', {
      min: 0,
      max: 240,
      expressions: true,
      fallback: 300,
    }) as Evaluator<number>;
    const timeoutMs = integerAttribute(element, cc, 'timeout-ms', {
      min: 0,
      max: 240_000,
      expressions: true,
    });
    const failOnError = booleanAttribute(element, cc, 'fail-on-error-status-code', false);
    const bufferRequestBody = booleanAttribute(element, cc, 'buffer-request-body', false);
    const bufferResponse = booleanAttribute(element, cc, 'buffer-response', true);
    if (booleanAttribute(element, cc, 'follow-redirects', false)) {
      cc.fail('follow-redirects="true" is not supported by the local gateway', element.line);
    }
    enumAttribute(element, cc, 'http-version', ['1', '2or1'], '1');
    return {
      streamsResponse: !bufferResponse,
      streamsRequestBody: !bufferRequestBody,
      async execute(ctx) {
        // a retried call replaces the previous response: its streaming body must not hold on
        if (ctx.response) discardStream(ctx.response);
        const timeout = timeoutMs ? timeoutMs(ctx.scope) : timeoutSeconds(ctx.scope) * 1000;
        const result = await forward(ctx, cc.services, {
          timeoutMs: timeout,
          bufferRequestBody,
          bufferResponse,
        });
        ctx.forwarded = true;
        ctx.response = {
          status: result.status,
          reason: result.reason,
          headers: result.headers,
          body: result.body,
          ...(result.stream ? { stream: result.stream } : {}),
        };
        if (result.stream) ctx.backendStreams.push(result.stream);
        if (failOnError && result.status >= 400) {
          throw new PolicyFailure(
            {
              source: 'forward-request',
              reason: 'BackendErrorStatusCode',
              message: `Backend responded with status code ${result.status}`,
            },
            ctx.response,
          );
        }
      },
    };
  },
};

interface ForwardOptions {
  timeoutMs: number;
  bufferRequestBody: boolean;
  bufferResponse: boolean;
}

async function forward(ctx: RequestContext, services: GatewayServices, options: ForwardOptions) {
  const { timeoutMs } = options;
  if (!ctx.backend) {
    throw new PolicyFailure(
      {
        source: 'forward-request',
        reason: 'BackendConnectionFailure',
        message: 'No backend service URL is configured',
      },
      internalServerError(ctx.requestId),
    );
  }
  const headers = stripHopByHop(ctx.requestHeaders);
  headers.delete('host');
  if (ctx.cacheKey !== undefined) for (const name of CACHE_REQUEST_HEADERS) headers.delete(name);
  const url = new URL(ctx.currentUrl());
  const backend = ctx.backend.id ? services.backends.get(ctx.backend.id) : undefined;
  for (const [name, values] of Object.entries(backend?.credentials.header ?? {}))
    headers.set(name, values);
  for (const [name, values] of Object.entries(backend?.credentials.query ?? {})) {
    url.searchParams.delete(name);
    for (const value of values) url.searchParams.append(name, value);
  }
  // APIM appends the caller's IP; policies cannot remove it.
  headers.append('X-Forwarded-For', [ctx.clientIp]);
  const merged = headers.values('x-forwarded-for') ?? [];
  headers.set('X-Forwarded-For', [merged.join(', ')]);
  try {
    return await sendToBackend({
      url,
      method: ctx.method,
      headers,
      body: await requestBody(ctx, options.bufferRequestBody),
      timeoutMs,
      bufferResponse: options.bufferResponse,
      clientAbort: ctx.clientAbort,
    });
  } catch (error) {
    if (!(error instanceof BackendError)) throw error;
    throw backendFailure(ctx, error, timeoutMs);
  }
}

/** buffer-request-body="true" reads the body whole first; the default streams it as it arrives. */
async function requestBody(ctx: RequestContext, buffer: boolean): Promise<Buffer | StreamedBody> {
  const pending = ctx.pendingBody;
  if (!pending) {
    if (ctx.requestBodyStreamed) throw notResendable();
    return ctx.requestBody;
  }
  ctx.pendingBody = undefined;
  if (!buffer) {
    const streamed = pending.stream();
    // the body is gone once sent: a retry could not send it again
    ctx.requestBodyStreamed = streamed.length !== 0;
    return streamed;
  }
  const result = await pending.read();
  if (result.kind === 'too-large') throw tooLarge();
  if (result.kind === 'gone') throw clientGone(ctx);
  ctx.requestBody = result.body;
  return result.body;
}

function backendFailure(ctx: RequestContext, error: BackendError, timeoutMs: number): Error {
  switch (error.kind) {
    case 'request-too-large':
      return tooLarge();
    case 'client-aborted':
      return clientGone(ctx);
    case 'timeout':
      return new PolicyFailure(
        {
          source: 'forward-request',
          reason: 'Timeout',
          message: `Request to the backend service timed out (${timeoutMs} ms)`,
        },
        internalServerError(ctx.requestId),
      );
    case 'connection':
      return new PolicyFailure(
        {
          source: 'forward-request',
          reason: 'BackendConnectionFailure',
          message: `Error occurred while calling the backend service: ${error.message}`,
        },
        internalServerError(ctx.requestId),
      );
  }
}

/** retry around a forward-request that streamed a body: there is nothing left to send. */
function notResendable(): PolicyFailure {
  return new PolicyFailure(
    {
      source: 'forward-request',
      reason: 'RequestBodyNotBuffered',
      message:
        'The request body was streamed to the backend (buffer-request-body="false") and cannot be sent again; set buffer-request-body="true" to retry requests with a body',
    },
    undefined,
  );
}

function tooLarge(): PolicyFailure {
  return new PolicyFailure(
    {
      source: 'forward-request',
      reason: 'RequestEntityTooLarge',
      message: 'The request body is larger than the gateway accepts',
    },
    errorResponse(413, 'Request entity too large'),
  );
}

/** APIM's LastError reason when the caller disconnects; nobody is left to read the answer. */
function clientGone(ctx: RequestContext): PolicyFailure {
  return new PolicyFailure(
    {
      source: 'forward-request',
      reason: 'ClientConnectionFailure',
      message: 'The client closed the connection',
    },
    internalServerError(ctx.requestId),
  );
}
