import * as z from 'zod';

import { computeEtag } from '../caching/etag.js';
import { httpError } from '../errors/http-problem.js';
import { defineRoute } from '../route/define-route.js';
import type { AnyRoute, AuthLevel } from '../route/route-types.js';
import { loadDocsAsset } from './swagger-ui-assets.js';

/** Options for {@link apiDocsRoutes}. */
export interface ApiDocsRoutesOptions {
  /** Page title; default `API reference`. */
  readonly title?: string;
  /** Route of the page; assets live below it (`<route>/{asset}`). Default `docs`. */
  readonly route?: string;
  /** Route of the OpenAPI document, as given to `openApiRoute`; default `openapi.json`. */
  readonly openApiRoute?: string;
  /** Default `anonymous`. */
  readonly authLevel?: AuthLevel;
  /** Function names; default `apiDocs` and `apiDocsAsset`. */
  readonly names?: { readonly page?: string; readonly asset?: string };
  /** Folder holding the swagger-ui-dist files; default: resolved from node_modules. */
  readonly assetsDirectory?: string;
}

const AssetBody = z.union([z.string(), z.instanceof(Uint8Array)]);

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, assetBase: string, openApiUrl: string): string {
  const base = escapeHtml(assetBase);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/png" href="${base}favicon-32x32.png">
<link rel="stylesheet" href="${base}swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="${escapeHtml(openApiUrl)}"></div>
<script src="${base}swagger-ui-bundle.js"></script>
<script src="${base}swagger-initializer.js"></script>
</body>
</html>
`;
}

/** Relative URLs that work whether the page was requested as `/api/docs` or `/api/docs/`. */
function relativeUrls(path: string, pageRoute: string, openApiRoute: string): [string, string] {
  const depth = pageRoute.split('/').length;
  if (path.endsWith('/')) return ['', `${'../'.repeat(depth)}${openApiRoute}`];
  const last = pageRoute.split('/').at(-1) ?? pageRoute;
  return [`${last}/`, `${'../'.repeat(depth - 1)}${openApiRoute}`];
}

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
  const docsPage = defineRoute({
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
        const html = page(title, assetBase, openApiUrl);
        cached = { html, etag: computeEtag(html) };
        pages.set(assetBase, cached);
      }
      return {
        status: 200,
        body: cached.html,
        headers: { ...SECURITY_HEADERS, etag: cached.etag },
      };
    },
  });
  const docsAsset = defineRoute({
    name: options.names?.asset ?? 'apiDocsAsset',
    methods: ['GET'],
    route: `${pageRoute}/{asset}`,
    authLevel,
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
  return [docsPage, docsAsset];
}
