import type { AnyRoute } from '../route/route-types.js';
import { requiredMediaTypeOf } from '../validation/require-media-type.js';
import type { JsonObject } from './openapi-types.js';
import { pathParameters, propertyParameters } from './operation-parameters.js';
import { automaticResponses, declaredResponse } from './operation-responses.js';
import type { SchemaComponents } from './schema-components.js';
import { labelOf } from './schema-label.js';
import type { OpenApiPathVariant } from './template-to-openapi.js';

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
      content: { [requiredMediaTypeOf(route.context) ?? 'application/json']: { schema } },
    };
  }
  const sorted: JsonObject = {};
  const statuses = Object.keys(responses).map(Number);
  for (const status of statuses.sort((a, b) => a - b)) {
    const response = responses[status] ?? {};
    // HEAD answers carry the GET headers but never a body.
    if (method === 'head') delete response.content;
    sorted[String(status)] = response;
  }
  operation.responses = sorted;
  if (route.authLevel !== 'anonymous') {
    operation.security = [{ functionKey: [] }, { functionKeyQuery: [] }];
  }
  return operation;
}
