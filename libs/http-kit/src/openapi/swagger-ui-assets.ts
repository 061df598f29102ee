import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { computeEtag } from '../caching/etag.js';

/** A file served by the docs route. */
export interface DocsAsset {
  readonly contentType: string;
  readonly body: string | Uint8Array<ArrayBuffer>;
  readonly etag: string;
}

/** Starts Swagger UI from the `data-openapi-url` of its container (no inline script, strict CSP). */
const INITIALIZER = `window.addEventListener('load', function () {
  var container = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: container.getAttribute('data-openapi-url'),
    domNode: container,
    deepLinking: true,
    validatorUrl: null,
  });
});
`;

/** The only files the asset route serves, with their content types. */
export const DOCS_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-initializer.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

function swaggerUiDirectory(): string {
  let require: NodeJS.Require;
  try {
    require = createRequire(import.meta.url);
  } catch {
    // Bundled to CommonJS: resolve from the app root, where the host starts the worker.
    require = createRequire(join(process.cwd(), 'package.json'));
  }
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

const loaded = new Map<string, Promise<DocsAsset>>();

async function load(
  name: string,
  contentType: string,
  directory: string | undefined,
): Promise<DocsAsset> {
  const body =
    name === 'swagger-initializer.js'
      ? INITIALIZER
      : new Uint8Array(await readFile(join(directory ?? swaggerUiDirectory(), name)));
  return { contentType, body, etag: computeEtag(body) };
}

/**
 * Reads an allow-listed Swagger UI file from the installed `swagger-ui-dist` package (no CDN),
 * once per process. Returns `undefined` for any name outside {@link DOCS_ASSETS}.
 */
export function loadDocsAsset(name: string, directory?: string): Promise<DocsAsset> | undefined {
  const contentType = Object.hasOwn(DOCS_ASSETS, name) ? DOCS_ASSETS[name] : undefined;
  if (!contentType) return undefined;
  const key = `${directory ?? ''}\0${name}`;
  let asset = loaded.get(key);
  if (!asset) {
    asset = load(name, contentType, directory);
    // A failed read (package missing) is retried on the next request instead of cached.
    asset.catch(() => loaded.delete(key));
    loaded.set(key, asset);
  }
  return asset;
}
