import { stripHopByHop } from '../http/hop-by-hop.js';
import { BackendError, sendToBackend } from '../http/send-to-backend.js';
import { internalServerError } from '../pipeline/gateway-response.js';
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
    booleanAttribute(element, cc, 'buffer-request-body', false);
    booleanAttribute(element, cc, 'buffer-response', true);
    if (booleanAttribute(element, cc, 'follow-redirects', false)) {
      cc.fail('follow-redirects="true" is not supported by the local gateway', element.line);
    }
    enumAttribute(element, cc, 'http-version', ['1', '2or1'], '1');
    return {
      async execute(ctx) {
        const timeout = timeoutMs ? timeoutMs(ctx.scope) : timeoutSeconds(ctx.scope) * 1000;
        const result = await forward(ctx, cc.services, timeout);
        ctx.forwarded = true;
        ctx.response = {
          status: result.status,
          reason: result.reason,
          headers: result.headers,
          body: result.body,
        };
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

async function forward(ctx: RequestContext, services: GatewayServices, timeoutMs: number) {
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
      url: url.toString(),
      method: ctx.method,
      headers,
      body: ctx.requestBody,
      timeoutMs,
    });
  } catch (error) {
    if (!(error instanceof BackendError)) throw error;
    const timedOut = error.kind === 'timeout';
    throw new PolicyFailure(
      {
        source: 'forward-request',
        reason: timedOut ? 'Timeout' : 'BackendConnectionFailure',
        message: timedOut
          ? `Request to the backend service timed out (${timeoutMs} ms)`
          : `Error occurred while calling the backend service: ${error.message}`,
      },
      internalServerError(ctx.requestId),
    );
  }
}
