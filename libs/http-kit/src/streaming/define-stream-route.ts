import { AsyncLocalStorage } from 'node:async_hooks';

import type { HttpHandler, HttpResponseInit, InvocationContext } from '@azure/functions';
import * as z from 'zod';

import type { ContextExtensions } from '../context/context-extension.js';
import { defineRoute } from '../route/define-route.js';
import type {
  ObjectSchema,
  RequestSchemas,
  ResponseSpec,
  ResponseSpecs,
  RouteConfig,
  RouteDefinition,
  RouteResult,
} from '../route/route-types.js';
import { clientDisconnectSignal, watchForwardedRequests } from './client-disconnect-signal.js';

/** A response body sent to the client while it is produced. */
export type StreamBody = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

// Typed as taking a stream so handlers return one; the pipeline checks a placeholder string in its
// place, and OpenAPI documents a string of the response's media type.
const STREAM_BODY_SCHEMA = z.string() as unknown as z.ZodType<string, StreamBody>;
const PLACEHOLDER = '';

/** A declared response whose body the handler streams, as {@link streamResponse} makes it. */
export interface StreamResponseSpec<THeaders extends ObjectSchema | undefined = undefined>
  extends ResponseSpec {
  readonly schema: typeof STREAM_BODY_SCHEMA;
  readonly contentType: string;
  readonly headers: THeaders;
}

/** A declared response whose body the handler streams (`body: ReadableStream`), e.g. `text/event-stream`. */
export function streamResponse<const THeaders extends ObjectSchema | undefined = undefined>(spec: {
  readonly description: string;
  readonly contentType: string;
  readonly headers?: THeaders;
}): StreamResponseSpec<THeaders> {
  return { ...spec, headers: spec.headers as THeaders, schema: STREAM_BODY_SCHEMA };
}

function isStreamBody(body: unknown): body is StreamBody {
  if (body instanceof ReadableStream) return true;
  if (typeof body !== 'object' || body === null || body instanceof Uint8Array) return false;
  return typeof (body as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

// Reads happen after the handler returned, outside its scope: each one runs back in the
// invocation's context, so log lines written while streaming keep their ids. When the client goes
// away the source is cancelled and the body ends, since the library itself would keep reading it.
function bindToInvocation(
  body: StreamBody,
  clientGone: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  const run = AsyncLocalStorage.snapshot();
  const source = body instanceof ReadableStream ? body : ReadableStream.from(body);
  const reader = source.getReader();
  let ended = false;
  let end: (() => void) | undefined;
  const stopReading = (): void => {
    if (ended) return;
    ended = true;
    clientGone?.removeEventListener('abort', onClientGone);
  };
  const onClientGone = (): void => run(() => end?.());
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        end = () => {
          if (ended) return;
          stopReading();
          reader.cancel(clientGone?.reason).catch(() => undefined);
          controller.close();
        };
        if (clientGone?.aborted) end();
        else clientGone?.addEventListener('abort', onClientGone, { once: true });
      },
      pull: (controller) =>
        run(async () => {
          if (ended) return;
          const { value, done } = await reader.read();
          if (ended) return;
          if (done) {
            stopReading();
            controller.close();
          } else controller.enqueue(value);
        }),
      cancel: (reason) =>
        run(() => {
          stopReading();
          return reader.cancel(reason);
        }),
    },
    { highWaterMark: 0 },
  );
}

interface Streamed {
  readonly status: number;
  readonly body: ReadableStream<Uint8Array>;
}

/**
 * `defineRoute` for a handler that streams its body: declare the streamed status with
 * {@link streamResponse} and return `{ status, body: stream }`. Context, validation, problems and
 * the correlation id work as for any route and are decided before the first byte; a problem
 * thrown by the handler is still a problem+json answer. When the client goes away (stream mode)
 * the stream is cancelled, so its source can stop working. The response needs
 * `app.setup({ enableHttpStream: true })` to reach the client while it is produced.
 */
export function defineStreamRoute<
  const TRoute extends string,
  const TRequest extends RequestSchemas = Record<never, never>,
  const TResponses extends ResponseSpecs = ResponseSpecs,
  const TContext extends ContextExtensions = Record<never, never>,
  const TResult extends RouteResult<TResponses> = RouteResult<TResponses>,
>(
  config: RouteConfig<TRoute, TRequest, TResponses, TContext, TResult>,
): RouteDefinition<TRoute, TRequest, TResponses, TContext> {
  // Stream mode: note the host's forwarded requests from now on, to see their clients leave.
  watchForwardedRequests();
  const streams = new WeakMap<InvocationContext, Streamed>();
  const route = defineRoute<TRoute, TRequest, TResponses, TContext, TResult>({
    ...config,
    handler: async (input, context) => {
      const result = await config.handler(input, context);
      const { body, status } = result as { body?: unknown; status: number };
      if (!isStreamBody(body)) return result;
      const clientGone = clientDisconnectSignal(context.invocation);
      streams.set(context.invocation, { status, body: bindToInvocation(body, clientGone) });
      return { ...result, body: PLACEHOLDER } as unknown as TResult;
    },
  });
  const handle: HttpHandler = async (request, invocation) => {
    const response: HttpResponseInit = await route.handle(request, invocation);
    const streamed = streams.get(invocation);
    if (!streamed) return response;
    streams.delete(invocation);
    // The checks after the handler may have turned the answer into a problem (or a HEAD).
    if (response.status === streamed.status && response.body === PLACEHOLDER) {
      return { ...response, body: streamed.body };
    }
    await streamed.body.cancel().catch(() => undefined);
    return response;
  };
  return Object.freeze({ ...route, handle });
}
