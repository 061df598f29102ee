import * as z from 'zod';

import { computeEtag } from '../caching/etag.js';
import { defineRoute } from '../route/define-route.js';
import type { AnyRoute, AuthLevel } from '../route/route-types.js';
import { buildOpenApiDocument } from './build-openapi-document.js';
import type { OpenApiDocument, OpenApiOptions } from './openapi-types.js';

/** Options for {@link openApiRoute}. */
export interface OpenApiRouteOptions extends OpenApiOptions {
  /** The routes to document; a function lets the list include this route itself. */
  readonly routes: readonly AnyRoute[] | (() => readonly AnyRoute[]);
  /** Function name; default `openApiDocument`. */
  readonly name?: string;
  /** Route template; default `openapi.json`. */
  readonly route?: string;
  /** Default `anonymous`. */
  readonly authLevel?: AuthLevel;
}

// Built by this kit, so only its shape is checked (no per-request walk of the whole document).
const DocumentSchema = z.custom<object>((value) => typeof value === 'object' && value !== null);

/**
 * A ready-made `GET openapi.json` route serving the document built from `routes`. The document
 * is built on the first request and reused, with a strong ETag.
 */
export function openApiRoute(options: OpenApiRouteOptions): AnyRoute {
  const { routes, name, route, authLevel, ...documentOptions } = options;
  let cached: { document: OpenApiDocument; etag: string } | undefined;
  const load = (): { document: OpenApiDocument; etag: string } => {
    if (!cached) {
      const document = buildOpenApiDocument(
        typeof routes === 'function' ? routes() : routes,
        documentOptions,
      );
      cached = { document, etag: computeEtag(JSON.stringify(document)) };
    }
    return cached;
  };
  return defineRoute({
    name: name ?? 'openApiDocument',
    methods: ['GET'],
    route: route ?? 'openapi.json',
    authLevel: authLevel ?? 'anonymous',
    hidden: true,
    summary: 'OpenAPI 3.1 document of this function app',
    responses: { 200: { description: 'The OpenAPI document', schema: DocumentSchema } },
    cache: { etag: true, cacheControl: 'no-cache' },
    handler: () => {
      const { document, etag } = load();
      return { status: 200, body: document, headers: { etag } };
    },
  });
}
