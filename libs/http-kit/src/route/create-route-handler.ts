import type {
  HttpHandler,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';
import { getLogger, runWithLogContext } from '@cookbook/logging';

import { applyCaching, type OutgoingResponse } from '../caching/apply-caching.js';
import { CORRELATION_ID_HEADER } from '../context/correlation-id.js';
import { createRequestContext } from '../context/create-request-context.js';
import { invocationLogSink } from '../context/invocation-log-sink.js';
import { type RequestContext, runWithRequestContext } from '../context/request-context.js';
import { HttpProblem } from '../errors/http-problem.js';
import { problemCatalog } from '../errors/problem-catalog.js';
import { toProblemResponse, UNEXPECTED_DETAIL } from '../errors/to-problem-response.js';
import { parseRequest } from '../validation/parse-request.js';
import { ResponseContractError } from '../validation/response-contract-error.js';
import { validateResult } from '../validation/validate-result.js';
import type { CompiledRoute } from './compile-route.js';
import type { RouteInput } from './route-types.js';
import { toOutgoingResponse } from './to-outgoing-response.js';

const LOGGED_POINTERS = 10;

async function respond(
  compiled: CompiledRoute,
  request: HttpRequest,
  invocation: InvocationContext,
  requestContext: RequestContext,
): Promise<OutgoingResponse> {
  const { route } = compiled;
  const input = await parseRequest(compiled, request);
  const result: unknown = await route.handler(input as RouteInput<string, never>, {
    request,
    invocation,
    requestContext,
  });
  const outgoing = toOutgoingResponse(validateResult(route.responses, result));
  const method = request.method.toUpperCase();
  return applyCaching(compiled, method, request.headers.get('if-none-match'), outgoing);
}

function toHttpProblem(error: unknown): unknown {
  if (!(error instanceof ResponseContractError)) return error;
  // The violation (with its pointers) is logged as the cause; the client only learns it was ours.
  return new HttpProblem('internalError', UNEXPECTED_DETAIL, { cause: error });
}

function logCompletion(
  context: RequestContext,
  compiled: CompiledRoute,
  status: number,
  started: number,
  problem: unknown,
): void {
  let details = {};
  if (problem instanceof HttpProblem) {
    details = {
      problem: problemCatalog[problem.key].slug,
      // Where the request was invalid, never the values themselves.
      ...(problem.errors
        ? { invalid: problem.errors.slice(0, LOGGED_POINTERS).map((error) => error.pointer) }
        : {}),
    };
  } else if (problem !== undefined) {
    details = { problem: problemCatalog.internalError.slug };
  }
  try {
    getLogger().info(
      {
        method: context.method,
        route: compiled.route.route,
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        routedBy: context.routedBy,
        cacheStatus: context.cacheStatus,
        ...details,
      },
      'request completed',
    );
  } catch {
    // A logging failure must not change the response.
  }
}

async function handle(
  compiled: CompiledRoute,
  request: HttpRequest,
  invocation: InvocationContext,
  context: RequestContext,
  started: number,
): Promise<HttpResponseInit> {
  let response: HttpResponseInit;
  let problem: unknown;
  try {
    response = await respond(compiled, request, invocation, context);
  } catch (error) {
    problem = toHttpProblem(error);
    response = toProblemResponse(problem, context);
  }
  logCompletion(context, compiled, response.status ?? 200, started, problem);
  return {
    ...response,
    ...(request.method.toUpperCase() === 'HEAD' ? { body: undefined } : {}),
    headers: {
      ...(response.headers as Record<string, string>),
      [CORRELATION_ID_HEADER]: context.correlationId,
    },
  };
}

/** Wraps a compiled route into the Azure handler: context → validation → handler → checks. */
export function createRouteHandler(compiled: CompiledRoute): HttpHandler {
  return (request, invocation) => {
    const started = performance.now();
    const context = createRequestContext(request, invocation);
    const logContext = {
      invocationId: context.invocationId,
      functionName: context.functionName,
      correlationId: context.correlationId,
      ...(context.traceId ? { traceId: context.traceId } : {}),
    };
    return runWithRequestContext(context, () =>
      runWithLogContext(logContext, () => handle(compiled, request, invocation, context, started), {
        sink: invocationLogSink(invocation),
      }),
    );
  };
}
