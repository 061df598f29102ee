import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details.js';
import { DEFAULT_BODY_LIMIT_BYTES } from '../route/compile-route.js';
import type { AnyRoute, ResponseSpec } from '../route/route-types.js';
import type { JsonObject } from './openapi-types.js';
import type { SchemaComponents } from './schema-components.js';
import { labelOf } from './schema-label.js';

const CORRELATION_HEADER = { $ref: '#/components/headers/CorrelationId' };
const ETAG_HEADER = { $ref: '#/components/headers/ETag' };
// `cache.etag` as a function: the route's own validator, not a hash of the body.
const ROUTE_ETAG_HEADER = {
  required: true,
  description: 'Validator of the representation; send it back in If-None-Match.',
  schema: { type: 'string' },
};

function problemResponse(description: string): JsonObject {
  return {
    description,
    headers: { 'x-correlation-id': CORRELATION_HEADER },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

/** A response as the route declares it; error statuses without schema are problems. */
export function declaredResponse(
  components: SchemaComponents,
  route: AnyRoute,
  status: number,
  spec: ResponseSpec,
): JsonObject {
  if (status >= 400 && !spec.schema) return problemResponse(spec.description);
  const headers: JsonObject = { 'x-correlation-id': CORRELATION_HEADER };
  if (spec.headers) {
    const json = components.resolve(
      components.convert(spec.headers, 'output', labelOf(route, `${status}_headers`)),
    );
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(
      (json.properties ?? {}) as Record<string, JsonObject>,
    )) {
      const { description, ...schema } = property;
      headers[name] = {
        required: required.has(name),
        ...(typeof description === 'string' ? { description } : {}),
        schema,
      };
    }
  }
  if (route.cache?.etag && status === 200) {
    headers.etag = typeof route.cache.etag === 'function' ? ROUTE_ETAG_HEADER : ETAG_HEADER;
  }
  if (route.cache?.cacheControl && status >= 200 && status < 300) {
    // A one-value enum, not `const`: the same spelling is valid in OpenAPI 3.0 and 3.1.
    headers['cache-control'] = { schema: { type: 'string', enum: [route.cache.cacheControl] } };
  }
  const response: JsonObject = { description: spec.description, headers };
  if (spec.schema) {
    const schema = components.convert(spec.schema, 'output', labelOf(route, String(status)));
    response.content = { [spec.contentType ?? 'application/json']: { schema } };
  }
  return response;
}

/** Responses the kit or the host produce whatever the handler does. */
export function automaticResponses(route: AnyRoute): Record<number, JsonObject> {
  const { params, query, headers, body } = route.request ?? {};
  const automatic: Record<number, JsonObject> = {
    500: problemResponse('Unexpected error; the body never contains internals.'),
  };
  if (params ?? query ?? headers ?? body) {
    automatic[422] = problemResponse(
      'Request validation failed; `errors` lists each invalid value.',
    );
  }
  if (body) {
    automatic[400] = problemResponse('The body is not valid UTF-8 JSON.');
    const limit = route.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
    automatic[413] = problemResponse(`The body is larger than ${limit} bytes.`);
    automatic[415] = problemResponse('The body is not application/json.');
  }
  if (route.authLevel !== 'anonymous') {
    automatic[401] = { description: 'The Functions host rejected the key (empty body).' };
  }
  if (route.cache?.etag) {
    const { etag, cacheControl } = route.cache;
    automatic[304] = {
      description: 'Not modified: the If-None-Match ETag still matches.',
      headers: {
        etag: typeof etag === 'function' ? ROUTE_ETAG_HEADER : ETAG_HEADER,
        'x-correlation-id': CORRELATION_HEADER,
        // A 304 repeats the Cache-Control the 200 would carry (RFC 9110 §15.4.5).
        ...(cacheControl
          ? { 'cache-control': { schema: { type: 'string', enum: [cacheControl] } } }
          : {}),
      },
    };
  }
  return automatic;
}

/** Converts the response schemas first so request shapes can reuse identical components. */
export function primeResponseSchemas(components: SchemaComponents, route: AnyRoute): void {
  for (const [status, spec] of Object.entries(route.responses)) {
    declaredResponse(components, route, Number(status), spec);
  }
}
