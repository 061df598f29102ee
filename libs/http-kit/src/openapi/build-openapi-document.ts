import { parseFunctionRoute } from '@cookbook/route-template';

import { ProblemDetailsSchema } from '../errors/problem-details.js';
import type { AnyRoute } from '../route/route-types.js';
import { buildOperation } from './build-operation.js';
import { FUNCTION_KEY_SCHEMES } from './function-key-schemes.js';
import type { JsonObject, OpenApiDocument, OpenApiOptions } from './openapi-types.js';
import { primeResponseSchemas } from './operation-responses.js';
import { SchemaComponents, type SchemaTarget } from './schema-components.js';
import { templateToOpenApiPaths } from './template-to-openapi.js';

const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
}

function serverUrl(routePrefix: string): string {
  const trimmed = routePrefix.replace(/^\/+|\/+$/g, '');
  return `/${trimmed}`;
}

function sortKeys(object: JsonObject, order?: readonly string[]): JsonObject {
  const keys = Object.keys(object).sort((a, b) =>
    order ? order.indexOf(a) - order.indexOf(b) : a < b ? -1 : a > b ? 1 : 0,
  );
  return Object.fromEntries(keys.map((key) => [key, object[key] ?? null]));
}

/**
 * Builds an OpenAPI 3.1 document from route definitions (served at `/api/openapi.json`). Paths are
 * relative to the host's route prefix, which becomes `servers: [{ url: '/api' }]`. Deterministic:
 * the same routes always give the same JSON.
 *
 * @example
 * const document = buildOpenApiDocument(routes, { info: { title: 'Catalog', version: '1.0.0' } });
 */
export function buildOpenApiDocument(
  routes: readonly AnyRoute[],
  options: OpenApiOptions,
): OpenApiDocument {
  return buildDocument(routes, options, 'draft-2020-12');
}

/**
 * Builds the OpenAPI 3.0.3 document API Management imports, from the same routes: APIM converts
 * 3.1 to 3.0 on import and refuses some valid 3.1 forms, so it gets zod's `openapi-3.0` output.
 *
 * @example
 * const document = buildApimOpenApiDocument(routes, { info: { title: 'Catalog', version: '1.0.0' } });
 */
export function buildApimOpenApiDocument(
  routes: readonly AnyRoute[],
  options: OpenApiOptions,
): OpenApiDocument {
  return buildDocument(routes, options, 'openapi-3.0');
}

function buildDocument(
  routes: readonly AnyRoute[],
  options: OpenApiOptions,
  target: SchemaTarget,
): OpenApiDocument {
  const components = new SchemaComponents(target);
  // Always present: every error response refers to it.
  components.convert(ProblemDetailsSchema, 'output', 'Problem');
  const documented = routes.filter((route) => !route.hidden);
  for (const route of documented) primeResponseSchemas(components, route);
  const paths: Record<string, JsonObject> = {};
  const operationIds = new Set<string>();
  let secured = false;
  for (const route of documented) {
    const baseId = route.operationId ?? route.name;
    for (const variant of templateToOpenApiPaths(parseFunctionRoute(route.route).route)) {
      const item = (paths[variant.path] ??= {});
      for (const method of route.methods.map((name) => name.toLowerCase())) {
        const suffix = variant.omitted
          .map((parameter) => `Without${pascal(parameter.name)}`)
          .join('');
        const operationId = (route.methods.length > 1 ? `${baseId}_${method}` : baseId) + suffix;
        if (item[method]) {
          throw new Error(
            `Two routes document ${method.toUpperCase()} ${variant.path} (${route.name})`,
          );
        }
        if (operationIds.has(operationId)) {
          throw new Error(`Duplicate operationId "${operationId}"`);
        }
        operationIds.add(operationId);
        item[method] = buildOperation(components, route, method, variant, operationId);
      }
      secured ||= route.authLevel !== 'anonymous';
    }
  }
  const usedTags = new Set(documented.flatMap((route) => route.tags ?? []));
  const tags = [
    ...(options.tags ?? []).map((tag) => ({ ...tag })),
    ...[...usedTags]
      .filter((name) => !options.tags?.some((tag) => tag.name === name))
      .sort()
      .map((name) => ({ name })),
  ];
  return {
    openapi: target === 'openapi-3.0' ? '3.0.3' : '3.1.0',
    info: { ...options.info },
    servers: (options.servers ?? [{ url: serverUrl(options.routePrefix ?? 'api') }]).map(
      (server) => ({
        ...server,
      }),
    ),
    ...(tags.length > 0 ? { tags } : {}),
    paths: Object.fromEntries(
      Object.keys(paths)
        .sort()
        .map((path) => [path, sortKeys(paths[path] ?? {}, METHOD_ORDER)]),
    ),
    components: {
      schemas: components.toJSON(),
      headers: {
        CorrelationId: {
          description: 'Correlation id of the request (from x-correlation-id, else generated).',
          schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
        },
        ETag: { description: 'Strong validator of the response body.', schema: { type: 'string' } },
      },
      ...(secured ? { securitySchemes: FUNCTION_KEY_SCHEMES } : {}),
    },
  };
}
