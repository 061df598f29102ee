import type {
  HttpHandler,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';
import { getLogger } from '@cookbook/logging';
import type { LogLevel } from '@cookbook/logging/internal';

import { applyCaching } from '../caching/apply-caching.js';
import type { ContextExtensions, ContextValues } from '../context/context-extension.js';
import { CORRELATION_ID_HEADER } from '../context/correlation-id.js';
import { createRequestContext } from '../context/create-request-context.js';
import { extendRequestContext } from '../context/extend-request-context.js';
import { type RequestContext, runWithRequestContext } from '../context/request-context.js';
import { HttpProblem } from '../errors/http-problem.js';
import { problemCatalog } from '../errors/problem-catalog.js';
import { toProblemResponse, UNEXPECTED_DETAIL } from '../errors/to-problem-response.js';
import { type ParsedRequest, parseRequest } from '../validation/parse-request.js';
import { readBodyBytes } from '../validation/read-body-bytes.js';
import { ResponseContractError } from '../validation/response-contract-error.js';
import { validateResult } from '../validation/validate-result.js';
import type { CompiledRoute } from './compile-route.js';
import type { HandlerContext, RouteInput } from './route-types.js';
import { toOutgoingResponse } from './to-outgoing-response.js';

const LOGGED_POINTERS = 10;

/** One invocation's state, so the steps below need no closures. */
interface Invocation {
  readonly compiled: CompiledRoute;
  readonly request: HttpRequest;
  readonly headers: Headers;
  readonly invocation: InvocationContext;
  readonly context: RequestContext;
  readonly started: number;
  /** The body's bytes, read first on routes with `rawBody`. */
  rawBody?: Uint8Array;
  /** Set once the request reached the handler, for `onResponse`. */
  handled?: { readonly input: ParsedRequest; readonly handlerContext: AnyHandlerContext };
}

type AnyHandlerContext = HandlerContext<ContextValues<ContextExtensions>>;

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function toHttpProblem(error: unknown): unknown {
  if (!(error instanceof ResponseContractError)) return error;
  // The violation (with its pointers) is logged as the cause; the client only learns it was ours.
  return new HttpProblem('internalError', UNEXPECTED_DETAIL, { cause: error });
}

// Success is the recipe's own business line to tell; failures are worth a line of their own.
function completionLevel(status: number): LogLevel {
  if (status >= 500) return 'error';
  return status >= 400 ? 'info' : 'debug';
}

function logCompletion(call: Invocation, status: number, problem: unknown): void {
  try {
    const logger = getLogger();
    const level = completionLevel(status);
    if (!logger.isLevelEnabled(level)) return;
    const { context } = call;
    const line: Record<string, unknown> = {
      method: context.method,
      route: context.route,
      status,
      durationMs: Math.round((performance.now() - call.started) * 100) / 100,
    };
    if (problem instanceof HttpProblem) {
      line.problem = problemCatalog[problem.key].slug;
      // Where the request was invalid, never the values themselves.
      if (problem.errors) {
        line.invalid = problem.errors.slice(0, LOGGED_POINTERS).map((error) => error.pointer);
      }
    } else if (problem !== undefined) {
      line.problem = problemCatalog.internalError.slug;
    }
    logger[level](line, 'request completed');
  } catch {
    // A logging failure must not change the response.
  }
}

function notifyResponse(call: Invocation, status: number): void {
  const { onResponse } = call.compiled.route;
  if (!onResponse || !call.handled) return;
  try {
    const { input, handlerContext } = call.handled;
    onResponse(input as RouteInput<string, never>, status, handlerContext);
  } catch {
    // The response is decided; a failing hook must not change it.
  }
}

function complete(
  call: Invocation,
  response: HttpResponseInit,
  problem: unknown,
): HttpResponseInit {
  const status = response.status ?? 200;
  notifyResponse(call, status);
  logCompletion(call, status, problem);
  // Every step before this one built its own headers object, so it is safe to add to it.
  (response.headers as Record<string, string>)[CORRELATION_ID_HEADER] = call.context.correlationId;
  if (call.context.method === 'HEAD') response.body = undefined;
  return response;
}

function fail(call: Invocation, error: unknown): HttpResponseInit {
  const problem = toHttpProblem(error);
  return complete(call, toProblemResponse(problem, call.context), problem);
}

function succeed(call: Invocation, result: unknown): HttpResponseInit {
  try {
    const { compiled } = call;
    const checked = validateResult(compiled.route.responses, result);
    const outgoing = toOutgoingResponse(checked);
    const ifNoneMatch = call.headers.get('if-none-match');
    const cached = applyCaching(compiled, call.context.method, ifNoneMatch, outgoing, checked.body);
    // toOutgoingResponse and applyCaching built this object for this response alone
    return complete(call, cached as HttpResponseInit, undefined);
  } catch (error) {
    return fail(call, error);
  }
}

function handlerContextOf(call: Invocation): AnyHandlerContext {
  const { request, invocation, context, rawBody } = call;
  const handlerContext: AnyHandlerContext = {
    request,
    invocation,
    // The extensions ran first and filled in their values.
    requestContext: context as AnyHandlerContext['requestContext'],
  };
  if (rawBody) (handlerContext as { rawBody?: Uint8Array }).rawBody = rawBody;
  return handlerContext;
}

function runHandler(
  call: Invocation,
  input: ParsedRequest,
): HttpResponseInit | Promise<HttpResponseInit> {
  const handlerContext = handlerContextOf(call);
  call.handled = { input, handlerContext };
  let result: unknown;
  try {
    result = call.compiled.route.handler(input as RouteInput<string, never>, handlerContext);
  } catch (error) {
    // a synchronous throw after an asynchronous body read would otherwise escape as a 500
    return fail(call, error);
  }
  if (!isPromise(result)) return succeed(call, result);
  return Promise.resolve(result).then(
    (value) => succeed(call, value),
    (error: unknown) => fail(call, error),
  );
}

// Raw-body routes: the bytes are read (413 before buffering more) and verified before any parsing.
async function readAndVerifyBody(call: Invocation): Promise<HttpResponseInit> {
  try {
    call.rawBody = await readBodyBytes(call.request, call.compiled.bodyLimitBytes);
    await call.compiled.verifyBody?.(call.rawBody, handlerContextOf(call));
    return await validateAndRun(call);
  } catch (error) {
    return fail(call, error);
  }
}

function validateAndRun(call: Invocation): HttpResponseInit | Promise<HttpResponseInit> {
  if (call.compiled.rawBody && !call.rawBody) return readAndVerifyBody(call);
  try {
    const input = parseRequest(call.compiled, call.request, call.headers, call.rawBody);
    if (!isPromise(input)) return runHandler(call, input);
    return Promise.resolve(input).then(
      (parsed) => runHandler(call, parsed),
      (error: unknown) => fail(call, error),
    );
  } catch (error) {
    return fail(call, error);
  }
}

// Synchronous unless an extension, the body or the handler is asynchronous: under
// AsyncLocalStorage every promise costs extra (promise hooks, Node 22 without AsyncContextFrame),
// so a sync route makes none.
function handle(call: Invocation): HttpResponseInit | Promise<HttpResponseInit> {
  const { contextEntries } = call.compiled;
  if (contextEntries.length === 0) return validateAndRun(call);
  try {
    const extended = extendRequestContext(contextEntries, call.request, call.context);
    if (!extended) return validateAndRun(call);
    return extended.then(
      () => validateAndRun(call),
      (error: unknown) => fail(call, error),
    );
  } catch (error) {
    return fail(call, error);
  }
}

/** Wraps a compiled route into the Azure handler: context → extensions → validation → handler → checks. */
export function createRouteHandler(compiled: CompiledRoute): HttpHandler {
  return (request, invocation) => {
    const started = performance.now();
    const { headers } = request;
    const context = createRequestContext(request, invocation, compiled.route.route, headers);
    const call: Invocation = { compiled, request, headers, invocation, context, started };
    return runWithRequestContext(context, invocation, () => handle(call));
  };
}
