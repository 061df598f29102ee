import type { HttpHandler, HttpRequest, InvocationContext } from '@azure/functions';
import type * as z from 'zod';

import type { ContextExtensions, ContextValues } from '../context/context-extension.js';
import type { RequestContext } from '../context/request-context.js';
import type { TemplateParams } from './template-params.js';

/** Methods a route may declare (the Functions host answers a method it does not list with 404). */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Azure Functions key requirement enforced by the host before the handler runs. */
export type AuthLevel = 'anonymous' | 'function' | 'admin';

/** Any zod object schema (strip, strict or loose). */
export type ObjectSchema = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

/** Request parts validated before the handler runs; every value arrives as a string (use `z.coerce`). */
export interface RequestSchemas {
  /** Route-template parameters; keys must match the `{names}` in `route`. */
  readonly params?: ObjectSchema;
  /** Query string; a key whose schema is an array accepts `?k=a&k=b` and `?k=a,b`. `code` is never seen. */
  readonly query?: ObjectSchema;
  /** Headers; keys are lowercase header names. */
  readonly headers?: ObjectSchema;
  /** JSON body (`application/json` or `application/*+json`). */
  readonly body?: z.ZodType;
}

/** One documented response. A status >= 400 without `schema` is sent as a problem+json body. */
export interface ResponseSpec {
  readonly description: string;
  /** Body schema; the handler returns its input type, the client gets its (validated) output. */
  readonly schema?: z.ZodType;
  /** Response headers the handler must set (lowercase keys). */
  readonly headers?: ObjectSchema;
  /** Defaults to `application/json`; any other type sends a string body as is. */
  readonly contentType?: string;
}

/** Responses keyed by status code. */
export type ResponseSpecs = { readonly [status: number]: ResponseSpec };

// Method syntax keeps the parameter bivariant, so routes with different bodies share `AnyRoute`.
interface EtagSource<TBody> {
  etagOf(body: TBody): string | undefined;
}

/** Derives the entity tag (`"…"` or `W/"…"`) of a 200 body; `undefined` sends none. */
export type EtagOf<TBody> = EtagSource<TBody>['etagOf'];

/** HTTP caching for successful GET/HEAD responses; a matching `If-None-Match` gets 304. */
export interface CacheOptions<TBody = unknown> {
  /**
   * `true`: a strong ETag hashed from the serialized 200 body. A function: the entity tag the
   * route derives from the 200 body, e.g. `(item) => itemEtag(item.id)`, for bodies that also
   * carry per-request fields (a weak `W/"…"` tag) or that have a cheaper validator.
   */
  readonly etag?: boolean | EtagOf<TBody>;
  /** `Cache-Control` value for 2xx and 304 responses (errors always get `no-store`). */
  readonly cacheControl?: string;
}

/** The output type of the 200 body schema, which `cache.etag` receives. */
export type OkBody<TResponses extends ResponseSpecs> = TResponses extends {
  readonly 200: { readonly schema: infer TSchema extends z.ZodType };
}
  ? z.output<TSchema>
  : unknown;

type OutputOf<TSchema, TFallback> = TSchema extends z.ZodType ? z.output<TSchema> : TFallback;

/** Validated input handed to the handler. */
export interface RouteInput<TRoute extends string, TRequest extends RequestSchemas> {
  readonly params: OutputOf<TRequest['params'], TemplateParams<TRoute>>;
  readonly query: OutputOf<TRequest['query'], Record<never, never>>;
  readonly headers: OutputOf<TRequest['headers'], Record<never, never>>;
  readonly body: OutputOf<TRequest['body'], undefined>;
}

type ResultHeaders<TSpec> = TSpec extends { headers: infer THeaders extends z.ZodType }
  ? { readonly headers: z.input<THeaders> & Record<string, string> }
  : { readonly headers?: Record<string, string> };

// `const` result inference makes array literals readonly, so bodies accept readonly data.
type Immutable<T> = T extends Uint8Array | Date | ((...args: never[]) => unknown)
  ? T
  : T extends object
    ? { readonly [K in keyof T]: Immutable<T[K]> }
    : T;

type ResultBody<TSpec> = TSpec extends { schema: infer TSchema extends z.ZodType }
  ? { readonly body: Immutable<z.input<TSchema>> }
  : { readonly body?: undefined };

/** What a handler returns: one of the declared statuses with the body its schema accepts. */
export type RouteResult<TResponses extends ResponseSpecs> = number extends keyof TResponses
  ? { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  : DeclaredResult<TResponses>;

type DeclaredResult<TResponses extends ResponseSpecs> = {
  [TStatus in keyof TResponses & number]: { readonly status: TStatus } & ResultBody<
    TResponses[TStatus]
  > &
    ResultHeaders<TResponses[TStatus]>;
}[keyof TResponses & number];

/** Per-invocation values besides the validated input; `TValues` are the route's context extensions. */
export interface HandlerContext<TValues = Record<never, never>> {
  /** The raw request (already consumed if the route declares a body or `rawBody`). */
  readonly request: HttpRequest;
  /** The body's bytes exactly as they arrived, on routes that declare `rawBody`. */
  readonly rawBody?: Uint8Array;
  readonly invocation: InvocationContext;
  /** The core request context plus the values of the route's `context` extensions. */
  readonly requestContext: RequestContext & TValues;
}

/** `rawBody` with a check that runs on the bytes before any parsing or validation. */
export interface RawBodyOptions<TValues = Record<never, never>> {
  // Method syntax keeps the parameter bivariant, so routes with different contexts share `AnyRoute`.
  verify(body: Uint8Array, context: HandlerContext<TValues>): void | Promise<void>;
}

/** Everything a route declares, once. */
export interface RouteConfig<
  TRoute extends string,
  TRequest extends RequestSchemas,
  TResponses extends ResponseSpecs,
  TContext extends ContextExtensions = Record<never, never>,
  TResult extends RouteResult<TResponses> = RouteResult<TResponses>,
> {
  /** Azure function name (first argument to `app.http`); also the default operationId. */
  readonly name: string;
  readonly methods: readonly [HttpMethod, ...HttpMethod[]];
  /** Azure route template without the host prefix, e.g. `catalog/{item_id}` or `items/{id:int?}`. */
  readonly route: TRoute;
  readonly authLevel: AuthLevel;
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly operationId?: string;
  readonly deprecated?: boolean;
  /** Left out of the OpenAPI document (docs and health endpoints). */
  readonly hidden?: boolean;
  /**
   * Typed request-context values computed before validation, e.g. `{ apim: readApimContext }`
   * gives the handler `requestContext.apim`. Keys must not shadow the core context fields.
   */
  readonly context?: TContext;
  readonly request?: TRequest;
  readonly responses: TResponses;
  readonly cache?: CacheOptions<OkBody<TResponses>>;
  /**
   * Read the body as bytes (within `bodyLimitBytes`) before anything parses it: `verify` sees exactly
   * what arrived (an HMAC signature check) and may throw a problem; the handler gets `rawBody`.
   * A `request.body` schema is then parsed from the same bytes, after `verify`.
   */
  readonly rawBody?: true | RawBodyOptions<ContextValues<TContext>>;
  /** Largest accepted body in bytes; default 1 MiB. Larger bodies get 413. */
  readonly bodyLimitBytes?: number;
  // Method syntax keeps handlers bivariant so differently typed routes fit in one array.
  handler(
    input: RouteInput<TRoute, TRequest>,
    context: HandlerContext<ContextValues<TContext>>,
  ): TResult | Promise<TResult>;
  /**
   * Runs once the status is final (a 304 from `cache`, a thrown problem) for every request that
   * reached the handler, inside its log scope: the place for the recipe's business log line.
   * What it throws is ignored; the response is already decided.
   */
  onResponse?(
    input: RouteInput<TRoute, TRequest>,
    status: number,
    context: HandlerContext<ContextValues<TContext>>,
  ): void;
}

/** A route after `defineRoute`: the declaration plus its ready-to-register Azure handler. */
export interface RouteDefinition<
  TRoute extends string = string,
  TRequest extends RequestSchemas = RequestSchemas,
  TResponses extends ResponseSpecs = ResponseSpecs,
  TContext extends ContextExtensions = ContextExtensions,
> extends RouteConfig<TRoute, TRequest, TResponses, TContext> {
  /** The `app.http` handler: validation, context, errors, caching and response checks included. */
  readonly handle: HttpHandler;
}

/** Any route, whatever its schemas (for route lists). */
export type AnyRoute = RouteDefinition<string, RequestSchemas, ResponseSpecs, ContextExtensions>;
