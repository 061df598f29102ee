import * as z from 'zod';

import { computeEtag } from '../caching/etag.js';
import { httpError } from '../errors/http-problem.js';
import { defineRoute } from '../route/define-route.js';
import type { AnyRoute, AuthLevel } from '../route/route-types.js';
import { DOCS_PAGE_HEADERS, docsPage, relativeUrls } from './docs-page.js';
import { loadDocsAsset } from './swagger-ui-assets.js';

/** Options for {@link apiDocsRoutes}. */
export interface ApiDocsRoutesOptions {
  /** Page title; default `API reference`. */
  readonly title?: string;
  /** Route of the page; assets live below it (`<route>/{asset}`). Default `docs`. */
  readonly route?: string;
  /** Route of the OpenAPI document, as given to `openApiRoute`; default `openapi.json`. */
  readonly openApiRoute?: string;
  /**
   * Auth level of the page; default `anonymous`. The asset route is always anonymous: it serves
   * only public Swagger UI files, and browsers do not send a function key with sub-resources.
   */
  readonly authLevel?: AuthLevel;
  /** Function names; default `apiDocs` and `apiDocsAsset`. */
  readonly names?: { readonly page?: string; readonly asset?: string };
  /** Folder holding the swagger-ui-dist files; default: resolved from node_modules. */
  readonly assetsDirectory?: string;
}

const AssetBody = z.union([z.string(), z.instanceof(Uint8Array)]);

/**
 * Two routes for an API reference page: `GET docs` (HTML) and `GET docs/{asset}` (the Swagger UI
 * files from the `swagger-ui-dist` package, allow-listed, served through the function; no CDN).
 * Both are hidden from the OpenAPI document.
 */
export function apiDocsRoutes(options: ApiDocsRoutesOptions = {}): readonly [AnyRoute, AnyRoute] {
  const pageRoute = options.route ?? 'docs';
  const openApiPath = options.openApiRoute ?? 'openapi.json';
  const authLevel = options.authLevel ?? 'anonymous';
  const title = options.title ?? 'API reference';
  const pages = new Map<string, { html: string; etag: string }>();
  const docsPageRoute = defineRoute({
    name: options.names?.page ?? 'apiDocs',
    methods: ['GET'],
    route: pageRoute,
    authLevel,
    hidden: true,
    responses: {
      200: {
        description: 'API reference page',
        schema: z.string(),
        contentType: 'text/html; charset=utf-8',
      },
    },
    cache: { etag: true, cacheControl: 'no-cache' },
    handler: (_input, { requestContext }) => {
      const [assetBase, openApiUrl] = relativeUrls(requestContext.path, pageRoute, openApiPath);
      let cached = pages.get(assetBase);
      if (!cached) {
        const html = docsPage(title, assetBase, openApiUrl);
        cached = { html, etag: computeEtag(html) };
        pages.set(assetBase, cached);
      }
      return {
        status: 200,
        body: cached.html,
        headers: { ...DOCS_PAGE_HEADERS, etag: cached.etag },
      };
    },
  });
  const docsAssetRoute = defineRoute({
    name: options.names?.asset ?? 'apiDocsAsset',
    methods: ['GET'],
    route: `${pageRoute}/{asset}`,
    authLevel: 'anonymous',
    hidden: true,
    request: { params: z.object({ asset: z.string() }) },
    responses: {
      200: {
        description: 'Swagger UI file',
        schema: AssetBody,
        contentType: 'application/octet-stream',
      },
      404: { description: 'Not one of the served files' },
    },
    cache: { etag: true, cacheControl: 'public, max-age=3600' },
    handler: async ({ params }) => {
      const asset = await loadDocsAsset(params.asset, options.assetsDirectory);
      if (!asset) throw httpError('notFound', 'No such documentation file.');
      return {
        status: 200,
        body: asset.body,
        headers: {
          'content-type': asset.contentType,
          'x-content-type-options': 'nosniff',
          etag: asset.etag,
        },
      };
    },
  });
  return [docsPageRoute, docsAssetRoute];
}
