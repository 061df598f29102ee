import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details.js';
import type { AnyRoute, ObjectSchema, ResponseSpec } from '../route/route-types.js';
import type { JsonObject } from './openapi-types.js';
import type { SchemaComponents } from './schema-components.js';
import { constraintSchema, type OpenApiPathVariant } from './template-to-openapi.js';

export const FUNCTION_KEY_SCHEMES: JsonObject = {
  functionKey: {
    type: 'apiKey',
    in: 'header',
    name: 'x-functions-key',
    description: 'Azure Functions key (function, host or master key depending on the auth level).',
  },
  functionKeyQuery: {
    type: 'apiKey',
    in: 'query',
    name: 'code',
    description: 'Azure Functions key as a query parameter (the header takes precedence).',
  },
};

const CORRELATION_HEADER = { $ref: '#/components/headers/CorrelationId' };

/** Names a route's schemas in error messages and anonymous components. */
function labelOf(route: AnyRoute, part: string): string {
  return `${route.operationId ?? route.name}_${part}`;
}

function propertyParameters(
  components: SchemaComponents,
  route: AnyRoute,
  schema: ObjectSchema | undefined,
  location: 'query' | 'header',
): JsonObject[] {
  if (!schema) return [];
  const json = components.resolve(components.convert(schema, 'input', labelOf(route, location)));
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
      ...(location === 'query' && propertySchema.type === 'array'
        ? { style: 'form', explode: true }
        : {}),
    };
  });
}

function pathParameters(
  components: SchemaComponents,
  route: AnyRoute,
  variant: OpenApiPathVariant,
): JsonObject[] {
  const declared = route.request?.params;
  const json = declared
    ? components.resolve(components.convert(declared, 'input', labelOf(route, 'params')))
    : undefined;
  const properties = (json?.properties ?? {}) as Record<string, JsonObject>;
  return variant.parameters.map((parameter) => {
    const { description, ...schema } = properties[parameter.name] ?? constraintSchema(parameter);
    const notes = [
      typeof description === 'string' ? description : undefined,
      parameter.catchAll ? 'Catch-all: the rest of the path, "/" included.' : undefined,
    ].filter(Boolean);
    return {
      name: parameter.name,
      in: 'path',
      required: true,
      ...(notes.length > 0 ? { description: notes.join(' ') } : {}),
      schema,
    };
  });
}

function problemResponse(description: string): JsonObject {
  return {
    description,
    headers: { 'x-correlation-id': CORRELATION_HEADER },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

function declaredResponse(
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
  if (route.cache?.etag && status === 200) headers.etag = { $ref: '#/components/headers/ETag' };
  if (route.cache?.cacheControl && status >= 200 && status < 300) {
    headers['cache-control'] = { schema: { type: 'string', const: route.cache.cacheControl } };
  }
  const response: JsonObject = { description: spec.description, headers };
  if (spec.schema) {
    const schema = components.convert(spec.schema, 'output', labelOf(route, String(status)));
    response.content = { [spec.contentType ?? 'application/json']: { schema } };
  }
  return response;
}

function automaticResponses(route: AnyRoute): Record<number, JsonObject> {
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
    automatic[413] = problemResponse(`The body is larger than the route accepts.`);
    automatic[415] = problemResponse('The body is not application/json.');
  }
  if (route.authLevel !== 'anonymous') {
    automatic[401] = { description: 'The Functions host rejected the key (empty body).' };
  }
  if (route.cache?.etag) {
    automatic[304] = {
      description: 'Not modified: the If-None-Match ETag still matches.',
      headers: {
        etag: { $ref: '#/components/headers/ETag' },
        'x-correlation-id': CORRELATION_HEADER,
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

/** The OpenAPI operation for one route, method and path variant. */
export function buildOperation(
  components: SchemaComponents,
  route: AnyRoute,
  method: string,
  variant: OpenApiPathVariant,
  operationId: string,
): JsonObject {
  const parameters = [
    ...pathParameters(components, route, variant),
    ...propertyParameters(components, route, route.request?.query, 'query'),
    ...propertyParameters(components, route, route.request?.headers, 'header'),
  ];
  if (route.cache?.etag && (method === 'get' || method === 'head')) {
    parameters.push({
      name: 'if-none-match',
      in: 'header',
      required: false,
      description: 'ETag from an earlier response; a match answers 304.',
      schema: { type: 'string' },
    });
  }
  const responses: Record<number, JsonObject> = automaticResponses(route);
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[Number(status)] = declaredResponse(components, route, Number(status), spec);
  }
  const body = route.request?.body;
  const operation: JsonObject = {
    operationId,
    ...(route.summary ? { summary: route.summary } : {}),
    ...(route.description ? { description: route.description } : {}),
    ...(route.tags && route.tags.length > 0 ? { tags: [...route.tags] } : {}),
    ...(route.deprecated ? { deprecated: true } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
  };
  if (body && method !== 'get' && method !== 'head' && method !== 'options') {
    const schema = components.convert(body, 'input', labelOf(route, 'body'));
    operation.requestBody = {
      required: !body.safeParse(undefined).success,
      content: { 'application/json': { schema } },
    };
  }
  const sorted: JsonObject = {};
  for (const status of Object.keys(responses)
    .map(Number)
    .sort((a, b) => a - b)) {
    const response = responses[status] ?? {};
    // HEAD answers carry the GET headers but never a body.
    if (method === 'head') delete response.content;
    sorted[String(status)] = response;
  }
  operation.responses = sorted;
  if (route.authLevel !== 'anonymous')
    operation.security = [{ functionKey: [] }, { functionKeyQuery: [] }];
  return operation;
}
