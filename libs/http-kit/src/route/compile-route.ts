import { parseFunctionRoute, type RouteTemplate } from '@cookbook/route-template';

import type { ContextEntry } from '../context/extend-request-context.js';
import { hasProblemType } from '../errors/problem-catalog.js';
import { isArraySchema } from '../validation/schema-shape.js';
import type { AnyRoute, HttpMethod } from './route-types.js';

/** Everything the per-request pipeline needs, computed once when the route is defined. */
export interface CompiledRoute {
  readonly route: AnyRoute;
  readonly template: RouteTemplate;
  readonly parameterNames: readonly string[];
  /** Query keys whose schema is an array. */
  readonly arrayQueryKeys: ReadonlySet<string>;
  readonly queryKeys: readonly string[];
  readonly headerKeys: readonly string[];
  readonly bodyLimitBytes: number;
  /** The route's context extensions, in declaration order. */
  readonly contextEntries: readonly ContextEntry[];
  readonly etag: boolean;
  /** The route's own ETag function (`cache.etag`), else the body is hashed. */
  readonly etagOf: ((body: unknown) => string | undefined) | undefined;
  readonly cacheControl: string | undefined;
  /** The pipeline reads the body as bytes first (`rawBody`). */
  readonly rawBody: boolean;
  /** The route's check of those bytes (`rawBody.verify`), before any parsing. */
  readonly verifyBody: Exclude<AnyRoute['rawBody'], true | undefined>['verify'] | undefined;
}

/** Default body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT_BYTES: number = 1024 * 1024;

const BODYLESS_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'OPTIONS']);
// Core request-context fields an extension may not replace.
const CORE_CONTEXT_KEYS: ReadonlySet<string> = new Set([
  'invocationId',
  'functionName',
  'correlationId',
  'traceId',
  'traceParent',
  'method',
  'path',
  'route',
  'logger',
]);

function fail(route: AnyRoute, reason: string): never {
  throw new Error(`Route "${route.name}" (${route.route}): ${reason}`);
}

/** Checks a route declaration and precomputes its request-time lookups; throws on mistakes. */
export function compileRoute(route: AnyRoute): CompiledRoute {
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,127}$/.test(route.name)) {
    fail(route, 'name must start with a letter and use only letters, digits, "_" or "-"');
  }
  if (route.methods.length === 0) fail(route, 'declare at least one method');
  if (new Set(route.methods).size !== route.methods.length) fail(route, 'methods repeat');
  const template = parseFunctionRoute(route.route).route;
  const parameterNames = template.parameters.map((parameter) => parameter.name);
  const { params, query, headers, body } = route.request ?? {};

  if (params) {
    const declared = Object.keys(params.shape).sort();
    const expected = [...parameterNames].sort();
    if (declared.join() !== expected.join()) {
      fail(route, `request.params keys [${declared}] must match the template's [${expected}]`);
    }
  }
  const headerKeys = headers ? Object.keys(headers.shape) : [];
  const upper = headerKeys.find((key) => key !== key.toLowerCase());
  if (upper) fail(route, `request.headers key "${upper}" must be lowercase`);
  if (body && route.methods.every((method) => BODYLESS_METHODS.has(method))) {
    fail(route, 'a body schema needs a method that carries a body (POST, PUT, PATCH, DELETE)');
  }
  const queryKeys = query ? Object.keys(query.shape) : [];
  if (queryKeys.some((key) => key.toLowerCase() === 'code')) {
    fail(route, 'query key "code" is the Functions key and is never passed to validation');
  }

  const statuses = Object.keys(route.responses).map(Number);
  if (statuses.length === 0) fail(route, 'declare at least one response');
  const invalid = statuses.find(
    (status) => !Number.isInteger(status) || status < 100 || status > 599,
  );
  if (invalid !== undefined) fail(route, `response status ${invalid} is not an HTTP status`);
  for (const status of statuses) {
    const spec = route.responses[status];
    if (status >= 400 && !spec?.schema && !hasProblemType(status)) {
      fail(route, `response ${status} needs a schema: the problem catalog has no type for it`);
    }
    const responseHeaders = spec?.headers ? Object.keys(spec.headers.shape) : [];
    const bad = responseHeaders.find((key) => key !== key.toLowerCase());
    if (bad) fail(route, `response ${status} header "${bad}" must be lowercase`);
  }

  const contextEntries = Object.entries(route.context ?? {});
  for (const [name, extend] of contextEntries) {
    if (CORE_CONTEXT_KEYS.has(name)) fail(route, `context "${name}" would replace a core field`);
    if (typeof extend !== 'function') fail(route, `context "${name}" must be a function`);
  }

  const etag = route.cache?.etag ?? false;
  if (typeof etag !== 'boolean' && typeof etag !== 'function') {
    fail(route, 'cache.etag must be true, false or a function of the 200 body');
  }

  const { rawBody } = route;
  if (rawBody !== undefined && rawBody !== true && typeof rawBody?.verify !== 'function') {
    fail(route, 'rawBody must be true or { verify(bytes, context) }');
  }
  if (rawBody && route.methods.every((method) => BODYLESS_METHODS.has(method))) {
    fail(route, 'rawBody needs a method that carries a body (POST, PUT, PATCH, DELETE)');
  }

  const bodyLimitBytes = route.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  if (!Number.isSafeInteger(bodyLimitBytes) || bodyLimitBytes < 0) {
    fail(route, 'bodyLimitBytes must be a non-negative integer');
  }
  return {
    route,
    template,
    parameterNames,
    arrayQueryKeys: new Set(queryKeys.filter((key) => isArraySchema(query?.shape[key]))),
    queryKeys,
    headerKeys,
    bodyLimitBytes,
    contextEntries,
    etag: etag !== false,
    etagOf: typeof etag === 'function' ? etag : undefined,
    cacheControl: route.cache?.cacheControl,
    rawBody: rawBody !== undefined,
    verifyBody:
      rawBody === true || rawBody === undefined
        ? undefined
        : (bytes, context) => rawBody.verify(bytes, context),
  };
}
