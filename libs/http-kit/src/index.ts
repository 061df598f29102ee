// The public API of @cookbook/http-kit: what recipes use. Test helpers are in ./testing.ts.

/** Declares a route once: Azure registration, validation, caching and OpenAPI from one object. */
export { defineRoute } from './route/define-route.js';

/** The `app.http` options of a route: `app.http(route.name, toHttpFunctionOptions(route))`. */
export { toHttpFunctionOptions } from './route/to-http-function-options.js';

/** A declared route (what `defineRoute` returns); `AnyRoute` is any of them, for route lists. */
export type { AnyRoute, RouteDefinition } from './route/route-types.js';

/** A typed request-context value a route computes per request (`context: { name: extension }`). */
export type { ContextExtension } from './context/context-extension.js';

/** What every invocation knows (ids, trace, method, path, route, logger); extensions add to it. */
export type { RequestContext } from './context/request-context.js';

/** Throw `httpError('notFound', detail)` to answer with a problem from the catalog. */
export { httpError } from './errors/http-problem.js';

/** The problem types (slug, title, status), their `type` URIs and the URI base. */
export { PROBLEM_TYPE_BASE, problemCatalog, problemTypeUri } from './errors/problem-catalog.js';

/** The RFC 9457 media type and zod schema of every error body. */
export { PROBLEM_CONTENT_TYPE, ProblemDetailsSchema } from './errors/problem-details.js';

/** zod issues → problem `errors` with JSON Pointers, for a body the handler decodes itself (`rawBody`). */
export { issuesToErrors } from './validation/issues-to-errors.js';

/** Conditional writes: `If-Match` against the current ETag → 412, missing when required → 428. */
export { checkIfMatch, type IfMatchOptions } from './conditional/if-match.js';

/** RFC 7396 JSON merge patch: `applyMergePatch(target, patch)` and its media type. */
export { applyMergePatch, MERGE_PATCH_CONTENT_TYPE } from './validation/merge-patch.js';

/** A context extension answering 415 unless the body has this media type (e.g. merge patch). */
export { requireMediaType } from './validation/require-media-type.js';

/** Serves the OpenAPI document of the given routes (`GET openapi.json`). */
export { openApiRoute } from './openapi/openapi-route.js';

/** Serves a Swagger UI page for the document (`GET docs`, `GET docs/{asset}`). */
export { apiDocsRoutes } from './openapi/api-docs-routes.js';

/** Writes openapi.json (3.1) and openapi.apim.json (3.0, what APIM imports) at build time. */
export { apimDocumentPath, writeOpenApiDocument } from './openapi/write-openapi-document.js';

/** The two documents in memory: OpenAPI 3.1 (served) and 3.0.3 (APIM import). */
export {
  buildApimOpenApiDocument,
  buildOpenApiDocument,
} from './openapi/build-openapi-document.js';

/** JSON pointers of OpenAPI 3.1-only constructs (empty for a document APIM can import as is). */
export { findOpenApi31Constructs } from './openapi/openapi-3-only-constructs.js';

/** OpenAPI document metadata: `info`, `routePrefix`, `servers`, `tags`. */
export type { OpenApiOptions } from './openapi/openapi-types.js';

/** Streamed responses: `defineStreamRoute` + `streamResponse` (needs `enableHttpStream`), SSE framing, chunked uploads. */
export { clientDisconnectSignal } from './streaming/client-disconnect-signal.js';
export {
  defineStreamRoute,
  type StreamBody,
  streamResponse,
  type StreamResponseSpec,
} from './streaming/define-stream-route.js';
export {
  type EventSource,
  type EventStreamOptions,
  toEventStream,
} from './streaming/event-stream.js';
export { type BodyChunksRead, forEachBodyChunk } from './streaming/for-each-body-chunk.js';
export {
  EVENT_STREAM_CONTENT_TYPE,
  formatServerSentComment,
  formatServerSentEvent,
  type ServerSentEvent,
} from './streaming/server-sent-event.js';
