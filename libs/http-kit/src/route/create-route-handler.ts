import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import { getLogger, runWithLogContext } from '@cookbook/logging';

import { applyCaching, type OutgoingResponse } from '../caching/apply-caching.js';
import { CORRELATION_ID_HEADER } from '../context/correlation-id.js';
import { createRequestContext } from '../context/create-request-context.js';
import { invocationLogSink } from '../context/invocation-log-sink.js';
import { type RequestContext, runWithRequestContext } from '../context/request-context.js';
import { HttpProblem } from '../errors/http-problem.js';
import { toProblemResponse, UNEXPECTED_DETAIL } from '../errors/to-problem-response.js';
import { parseRequest } from '../validation/parse-request.js';
import { ResponseContractError } from '../validation/response-contract-error.js';
import { validateResult } from '../validation/validate-result.js';
import type { CompiledRoute } from './compile-route.js';
import type { RouteInput } from './route-types.js';
import { toOutgoingResponse } from './to-outgoing-response.js';

async function respond(
  compiled: CompiledRoute,
  ...[request, invocation, requestContext]: [...Parameters<HttpHandler>, RequestContext]
): Promise<OutgoingResponse> {
  const { route } = compiled;
  const input = await parseRequest(compiled, request);
  const result: unknown = await route.handler(input as RouteInput<string, never>, {
    request,
    invocation,
    requestContext,
  });
  const checked = validateResult(route.responses, result);
  const outgoing = toOutgoingResponse(checked);
  const method = request.method.toUpperCase();
  return applyCaching(compiled, method, request.headers.get('if-none-match'), outgoing);
}

function asProblem(error: unknown, compiled: CompiledRoute): unknown {
  if (!(error instanceof ResponseContractError)) return error;
  // The contract violation is logged with its pointers; the client only learns it was our fault.
  return new HttpProblem('internalError', UNEXPECTED_DETAIL, {
    cause: Object.assign(error, { route: compiled.route.name, responseErrors: error.errors }),
  });
}

function logCompletion(
  context: RequestContext,
  compiled: CompiledRoute,
  status: number,
  started: number,
): void {
  try {
    getLogger().info(
      {
        method: context.method,
        route: compiled.route.route,
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        routedBy: context.routedBy,
        cacheStatus: context.cacheStatus,
      },
      'request completed',
    );
  } catch {
    // A logging failure must not change the response.
  }
}

/** Wraps a compiled route into the Azure handler: context → validation → handler → checks. */
export function createRouteHandler(compiled: CompiledRoute): HttpHandler {
  return async (request, invocation) => {
    const started = performance.now();
    const context = createRequestContext(request, invocation);
    const logContext = {
      invocationId: context.invocationId,
      functionName: context.functionName,
      correlationId: context.correlationId,
      ...(context.traceId ? { traceId: context.traceId } : {}),
    };
    return runWithRequestContext(context, () =>
      runWithLogContext(
        logContext,
        async (): Promise<HttpResponseInit> => {
          let response: HttpResponseInit;
          try {
            response = await respond(compiled, request, invocation, context);
          } catch (error) {
            response = toProblemResponse(asProblem(error, compiled), context);
          }
          logCompletion(context, compiled, response.status ?? 200, started);
          return {
            ...response,
            ...(request.method.toUpperCase() === 'HEAD' ? { body: undefined } : {}),
            headers: {
              ...(response.headers as Record<string, string>),
              [CORRELATION_ID_HEADER]: context.correlationId,
            },
          };
        },
        { sink: invocationLogSink(invocation) },
      ),
    );
  };
}
